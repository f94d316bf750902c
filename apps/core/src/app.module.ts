import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { CoreConfig } from './config/core.config';
import { CORE_SCHEMA } from '@federation/core-data';
import {
  DatabaseHealthIndicator,
  HealthModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import { createDataSourceOptions } from '@federation/database';

/** Core: OpenID Connect provider of the federation. */
@Module({})
export class AppModule {
  static register(config: CoreConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('core', config),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({
            url: config.DATABASE_URL,
            schema: CORE_SCHEMA,
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: 'core',
          }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'core',
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
      ],
    };
  }
}
