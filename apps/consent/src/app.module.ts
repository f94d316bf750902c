import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ConsentConfig } from './config/consent.config';
import { CONSENT_SCHEMA } from '@federation/consent-data';
import {
  DatabaseHealthIndicator,
  HealthModule,
  MetricsModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import { createDataSourceOptions } from '@federation/database';

/** Consent and token service. */
@Module({})
export class AppModule {
  static register(config: ConsentConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('consent', config),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({
            url: config.DATABASE_URL,
            schema: CONSENT_SCHEMA,
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: 'consent',
          }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'consent',
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
        MetricsModule.forRoot({ service: 'consent', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
