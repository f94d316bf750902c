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
import { REDIS_CLIENT } from '@federation/server';
import type { Worker } from 'bullmq';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { ClientPublicationHandler } from './client-publication.handler';

export interface ClientPublicationWorkerOptions {
  consumer: ConsumerOptions;
  /**
   * Fault injection for tests only: waits this long between applying a publication at the core
   * and acknowledging it, so that a test can kill the worker in the middle. 0 in production.
   */
  pauseAfterApplyMs?: number;
}

const OPTIONS = Symbol('CLIENT_PUBLICATION_WORKER_OPTIONS');

@Injectable()
class ClientPublicationConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ClientPublications');
  private worker?: Worker;

  constructor(
    @Inject(OPTIONS) private readonly options: ClientPublicationWorkerOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  onApplicationBootstrap(): void {
    const handler = new ClientPublicationHandler(
      this.dataSource,
      this.redis,
      this.options.consumer.prefix,
      this.options.pauseAfterApplyMs ?? 0,
    );
    this.worker = startConsumer(QUEUES.clientPublications, (job) => handler.handle(job), this.options.consumer);
    // Client ids and versions only: the configuration holds no secret, but logs need none of it.
    this.worker.on('completed', (job, outcome) =>
      this.logger.log(
        { jobId: job.id, clientId: job.data.configuration.clientId, version: job.data.configuration.version, requestId: job.data.requestId, outcome },
        'client publication applied',
      ),
    );
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
      this.logger.warn(
        { jobId: job.id, clientId: job.data.configuration.clientId, requestId: job.data.requestId, attempt: job.attemptsMade, final, reason: error.message },
        'client publication failed',
      );
      if (final) void handler.markFailed(job.data.publicationId, error).catch(() => undefined);
    });
    this.worker.on('error', (error) => this.logger.error({ reason: error.message }, 'client publication worker error'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

/**
 * Consumes `client-publications`: applies each configuration to the core's registry (once, by
 * version) and acknowledges it at the partners side. Needs a TypeORM connection to the database
 * holding the `core` and `partners` schemas.
 */
@Module({})
export class ClientPublicationWorkerModule {
  static forRoot(options: ClientPublicationWorkerOptions): DynamicModule {
    return {
      module: ClientPublicationWorkerModule,
      providers: [{ provide: OPTIONS, useValue: options }, ClientPublicationConsumer],
    };
  }
}
