import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule, configureApp } from './app.module';
import { consentConfigSchema } from './config/consent.config';

const config = loadConfigOrExit('consent', consentConfigSchema, process.env);
void bootstrapService(AppModule.register(config), {
  service: 'consent',
  config,
  configure: configureApp,
});
