import { DynamicModule, Module } from '@nestjs/common';
import type { WorkerConfig } from './config/worker.config';
import {
  HealthModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import { MailWorkerModule, SmtpHealthIndicator } from '@federation/mail';

/** Worker: BullMQ consumers (e-mail, …). */
@Module({})
export class AppModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('worker', config),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'worker',
        }),
        MailWorkerModule.forRoot({
          smtpUrl: config.SMTP_URL,
          from: config.MAIL_FROM,
          consumer: {
            redisUrl: config.REDIS_URL,
            prefix: config.REDIS_PREFIX,
            concurrency: config.MAIL_CONCURRENCY,
            lockDurationMs: config.QUEUE_LOCK_DURATION_MS,
            stalledIntervalMs: config.QUEUE_STALLED_INTERVAL_MS,
          },
        }),
        HealthModule.forRoot([RedisHealthIndicator, SmtpHealthIndicator]),
      ],
    };
  }
}
