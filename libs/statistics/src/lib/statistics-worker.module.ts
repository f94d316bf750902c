import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES, startConsumer, type ConsumerOptions } from '@federation/queue';
import type { Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { aggregateBusinessEvent, forgetOldEvents } from './aggregate-business-events';

export interface StatisticsWorkerOptions {
  consumer: ConsumerOptions;
}

const OPTIONS = Symbol('STATISTICS_WORKER_OPTIONS');
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

@Injectable()
class BusinessEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Statistics');
  private worker?: Worker;
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    @Inject(OPTIONS) private readonly options: StatisticsWorkerOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startConsumer(QUEUES.businessEvents, (job) => aggregateBusinessEvent(this.dataSource, job.data), this.options.consumer);
    // One line per failure only: a line per event would flood the logs at 40 million citizens.
    this.worker.on('failed', (job, error) =>
      this.logger.warn({ jobId: job?.id, type: job?.data.type, attempt: job?.attemptsMade, reason: error.message }, 'business event not counted yet'),
    );
    this.worker.on('error', (error) => this.logger.error({ reason: error.message }, 'statistics worker error'));
    this.pruneTimer = setInterval(
      () => void forgetOldEvents(this.dataSource).catch((error: Error) => this.logger.warn({ reason: error.message }, 'pruning seen events failed')),
      PRUNE_INTERVAL_MS,
    );
    this.pruneTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.pruneTimer);
    await this.worker?.close();
  }
}

/**
 * Consumes `business-events` (the steps of citizen logins, emitted by the core) into the daily
 * figures of `partners.login_statistic_daily`, each event once. Needs a TypeORM connection to the
 * database holding the `partners` schema.
 */
@Module({})
export class StatisticsWorkerModule {
  static forRoot(options: StatisticsWorkerOptions): DynamicModule {
    return {
      module: StatisticsWorkerModule,
      providers: [{ provide: OPTIONS, useValue: options }, BusinessEventsConsumer],
    };
  }
}
