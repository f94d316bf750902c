import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { WorkerConfig } from './config/worker.config';
import { ClientPublicationWorkerModule } from '@federation/client-publication';
import { StatisticsWorkerModule } from '@federation/statistics';
import { CORE_SCHEMA } from '@federation/core-data';
import { createDataSourceOptions } from '@federation/database';
import {
  DatabaseHealthIndicator,
  HealthModule,
  MetricsModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import { MailWorkerModule, SmtpHealthIndicator } from '@federation/mail';
import { QueueModule } from '@federation/queue';

/** Worker: BullMQ consumers (e-mail, publication of clients to the core, statistics). */
@Module({})
export class AppModule {
  static register(config: WorkerConfig): DynamicModule {
    const consumer = {
      redisUrl: config.REDIS_URL,
      prefix: config.REDIS_PREFIX,
      lockDurationMs: config.QUEUE_LOCK_DURATION_MS,
      stalledIntervalMs: config.QUEUE_STALLED_INTERVAL_MS,
    };
    return {
      module: AppModule,
      imports: [
        createLoggerModule('worker', config),
        // The publications are applied to the core's registry and acknowledged in the partners
        // schema, the statistics counted in the partners schema, with plain SQL on this one
        // connection; the worker runs no migration.
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({
            url: config.DATABASE_URL,
            schema: CORE_SCHEMA,
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: 'worker',
          }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'worker',
        }),
        // Producer side unused here: gives `queue_jobs{queue,state}` on /metrics.
        QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX }),
        MailWorkerModule.forRoot({
          smtpUrl: config.SMTP_URL,
          from: config.MAIL_FROM,
          consumer: { ...consumer, concurrency: config.MAIL_CONCURRENCY },
        }),
        ClientPublicationWorkerModule.forRoot({
          consumer: { ...consumer, concurrency: config.PUBLICATION_CONCURRENCY },
          pauseAfterApplyMs: config.FAULT_INJECTION_PUBLICATION_PAUSE_MS,
        }),
        StatisticsWorkerModule.forRoot({
          consumer: { ...consumer, concurrency: config.STATISTICS_CONCURRENCY },
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator, SmtpHealthIndicator]),
        MetricsModule.forRoot({ service: 'worker', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
