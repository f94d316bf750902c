import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { HttpMetrics } from '@federation/server';
import { JobPublisher } from './job-publisher';
import { registerQueueMetrics } from './queue-metrics';
import type { QueueConnectionOptions } from './queue-options';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

@Injectable()
export class NestJobPublisher
  extends JobPublisher
  implements OnApplicationShutdown
{
  constructor(
    @Inject(QUEUE_CONNECTION) options: QueueConnectionOptions,
    @Optional() metrics?: HttpMetrics,
  ) {
    super(options);
    // Queue depths on /metrics, in every service that holds a connection to the queues.
    if (metrics) registerQueueMetrics(metrics.registry, this);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

/** Gives a Nest app a `JobPublisher` bound to its Redis and key prefix (and `queue_jobs` on /metrics with `MetricsModule`). */
@Module({})
export class QueueModule {
  static forRoot(options: QueueConnectionOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      providers: [
        { provide: QUEUE_CONNECTION, useValue: options },
        NestJobPublisher,
        { provide: JobPublisher, useExisting: NestJobPublisher },
      ],
      exports: [QUEUE_CONNECTION, JobPublisher],
    };
  }
}
