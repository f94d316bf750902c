import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { mockIdentityProviderConfigSchema } from './config/mock-identity-provider.config';

const config = loadConfigOrExit(
  'mock-identity-provider',
  mockIdentityProviderConfigSchema,
  process.env,
);
void bootstrapService(AppModule.register(config), {
  service: 'mock-identity-provider',
  config,
  // oidc-provider parses its own request bodies (see MockFiModule).
  nest: { bodyParser: false },
});
