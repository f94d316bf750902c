import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { JobPublisher } from './job-publisher';
import type { QueueConnectionOptions } from './queue-options';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

@Injectable()
export class NestJobPublisher
  extends JobPublisher
  implements OnApplicationShutdown
{
  constructor(@Inject(QUEUE_CONNECTION) options: QueueConnectionOptions) {
    super(options);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

/** Gives a Nest app a `JobPublisher` bound to its Redis and key prefix. */
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
