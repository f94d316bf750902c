import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { configurePartnersApp } from '@federation/partners';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { partnersApiConfigSchema } from './config/partners-api.config';

const config = loadConfigOrExit(
  'partners-api',
  partnersApiConfigSchema,
  process.env,
);
void bootstrapService(AppModule.register(config), {
  service: 'partners-api',
  config,
  configure: (app) =>
    configurePartnersApp(app, {
      cookieName: config.SESSION_COOKIE_NAME,
      trustProxy: config.TRUST_PROXY,
    }),
});
