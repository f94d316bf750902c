import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { mockServiceProviderConfigSchema } from './config/mock-service-provider.config';

const config = loadConfigOrExit(
  'mock-service-provider',
  mockServiceProviderConfigSchema,
  process.env,
);
void bootstrapService(AppModule.register(config), {
  service: 'mock-service-provider',
  config,
});
