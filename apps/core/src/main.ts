import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { coreConfigSchema } from './config/core.config';

const config = loadConfigOrExit('core', coreConfigSchema, process.env);
void bootstrapService(AppModule.register(config), { service: 'core', config });
