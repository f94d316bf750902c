import { DynamicModule, Module } from '@nestjs/common';
import type { FiGatewayConfig } from './config/fi-gateway.config';
import {
  HealthModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';

/** FI gateway: OpenID Connect client of every identity provider. */
@Module({})
export class AppModule {
  static register(config: FiGatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('fi-gateway', config),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'fi-gateway',
        }),
        HealthModule.forRoot([RedisHealthIndicator]),
      ],
    };
  }
}
