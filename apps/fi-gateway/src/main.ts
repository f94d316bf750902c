import 'reflect-metadata';
import { loadConfigOrExit } from '@federation/config';
import { mountGatewayAssets } from '@federation/gateway';
import { bootstrapService } from '@federation/server';
import { AppModule } from './app.module';
import { fiGatewayConfigSchema } from './config/fi-gateway.config';

const config = loadConfigOrExit('fi-gateway', fiGatewayConfigSchema, process.env);
void bootstrapService(AppModule.register(config), { service: 'fi-gateway', config, configure: (app) => mountGatewayAssets(app) });
