import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { mockDataProviderConfigSchema } from './config/mock-data-provider.config';

const config = loadConfigOrExit(
  'mock-data-provider',
  mockDataProviderConfigSchema,
  process.env,
);
void bootstrapService(AppModule.register(config), {
  service: 'mock-data-provider',
  config,
});
