import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { PartnersApiConfig } from './config/partners-api.config';
import {
  DatabaseHealthIndicator,
  HealthModule,
  MetricsModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import { PartnersModule } from '@federation/partners';
import { partnersOptionsFrom } from './partners-options';
import { QueueModule } from '@federation/queue';
import { createDataSourceOptions } from '@federation/database';

/** Partners API: accounts, organisations, habilitation requests. */
@Module({})
export class AppModule {
  static register(config: PartnersApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('partners-api', config),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({
            url: config.DATABASE_URL,
            schema: PARTNERS_SCHEMA,
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: 'partners-api',
          }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'partners-api',
        }),
        QueueModule.forRoot({
          redisUrl: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
        }),
        PartnersModule.register(partnersOptionsFrom(config)),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
        MetricsModule.forRoot({ service: 'partners-api', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
