import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { mountCoreProvider } from '@federation/core-provider';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { coreConfigSchema } from './config/core.config';

const config = loadConfigOrExit('core', coreConfigSchema, process.env);
void bootstrapService(AppModule.register(config), {
  service: 'core',
  config,
  // oidc-provider parses its own request bodies: Nest's parsers are added after it (mountCoreProvider).
  nest: { bodyParser: false },
  configure: (app) => mountCoreProvider(app),
});
