import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import Redis from 'ioredis';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
export const REDIS_KEY_PREFIX = Symbol('REDIS_KEY_PREFIX');

export interface RedisModuleOptions {
  url: string;
  prefix: string;
}

/**
 * Reconnects forever with a capped delay: when Redis restarts, requests fail fast (no offline queue
 * piling up) and the service recovers by itself once Redis answers again.
 */
export function createRedisClient(url: string, name: string): Redis {
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });
}

/** How long a starting service waits for Redis before it listens anyway (its /health then says Redis is down). */
const READY_TIMEOUT_MS = 5_000;

@Injectable()
class RedisLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Without the offline queue, a request served before the connection is up would fail: wait for it. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, READY_TIMEOUT_MS);
      this.redis.once('ready', done);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** One shared Redis connection per service, with the key prefix that isolates stacks and tests. */
@Module({})
export class RedisModule {
  static forRoot(
    options: RedisModuleOptions & { service: string },
  ): DynamicModule {
    return {
      module: RedisModule,
      global: true,
      providers: [
        {
          provide: REDIS_CLIENT,
          useFactory: () => createRedisClient(options.url, options.service),
        },
        { provide: REDIS_KEY_PREFIX, useValue: options.prefix },
        RedisLifecycle,
      ],
      exports: [REDIS_CLIENT, REDIS_KEY_PREFIX],
    };
  }
}
