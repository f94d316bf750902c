import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import {
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { QUEUES, startConsumer, type ConsumerOptions } from '@federation/queue';
import {
  REDIS_CLIENT,
  type DependencyHealthIndicator,
} from '@federation/server';
import type { Worker } from 'bullmq';
import type Redis from 'ioredis';
import { MailDelivery } from './mail-delivery';
import { MailTransport, SmtpMailTransport } from './mail-transport';

export interface MailWorkerOptions {
  smtpUrl: string;
  from: string;
  consumer: ConsumerOptions;
}

const MAIL_WORKER_OPTIONS = Symbol('MAIL_WORKER_OPTIONS');

@Injectable()
class MailConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailConsumer');
  private worker?: Worker;

  constructor(
    @Inject(MAIL_WORKER_OPTIONS) private readonly options: MailWorkerOptions,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly transport: MailTransport,
  ) {}

  onApplicationBootstrap(): void {
    const delivery = new MailDelivery(
      this.transport,
      this.redis,
      this.options.consumer.prefix,
    );
    this.worker = startConsumer(
      QUEUES.mail,
      (job) => delivery.handle(job),
      this.options.consumer,
    );
    // Ids and templates only: recipients are personal data and stay out of the logs.
    this.worker.on('completed', (job, outcome) =>
      this.logger.log(
        { jobId: job.id, template: job.data.template, requestId: job.data.requestId, outcome },
        'mail job done',
      ),
    );
    this.worker.on('failed', (job, error) =>
      this.logger.warn(
        {
          jobId: job?.id,
          template: job?.data.template,
          requestId: job?.data.requestId,
          attempt: job?.attemptsMade,
          reason: error.message,
        },
        'mail job failed',
      ),
    );
    this.worker.on('error', (error) =>
      this.logger.error({ reason: error.message }, 'mail worker error'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // Lets the job in progress finish; a job cut short by a kill is taken up again by the next worker.
    await this.worker?.close();
    this.transport.close();
  }
}

@Injectable()
export class SmtpHealthIndicator implements DependencyHealthIndicator {
  constructor(
    private readonly transport: MailTransport,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('smtp');
    try {
      await this.transport.verify();
      return indicator.up();
    } catch (error) {
      return indicator.down({
        message: error instanceof Error ? error.message : 'unreachable',
      });
    }
  }
}

/** The consumer of the `mail` queue: renders each job's template and sends it over SMTP. */
@Module({})
export class MailWorkerModule {
  static forRoot(options: MailWorkerOptions): DynamicModule {
    return {
      module: MailWorkerModule,
      global: true,
      providers: [
        { provide: MAIL_WORKER_OPTIONS, useValue: options },
        {
          provide: MailTransport,
          useFactory: () =>
            new SmtpMailTransport(options.smtpUrl, options.from),
        },
        MailConsumer,
      ],
      exports: [MailTransport],
    };
  }
}
