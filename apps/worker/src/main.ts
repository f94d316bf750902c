import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { workerConfigSchema } from './config/worker.config';

const config = loadConfigOrExit('worker', workerConfigSchema, process.env);
void bootstrapService(AppModule.register(config), {
  service: 'worker',
  config,
});
