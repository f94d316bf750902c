import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { coreConfigSchema } from './config/core.config';

const config = loadConfigOrExit('core', coreConfigSchema, process.env);

// Loaded once the configuration is known to be valid (oidc-provider prints notices when loaded).
void import('./app.module').then(async ({ AppModule, configureApp }) => {
  await bootstrapService(AppModule.register(config), {
    service: 'core',
    config,
    // oidc-provider parses its own request bodies: Nest's parsers are added after it (mountCoreProvider).
    nest: { bodyParser: false },
    configure: configureApp,
  });
});
