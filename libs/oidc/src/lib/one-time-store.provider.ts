import type { FactoryProvider } from '@nestjs/common';
import { REDIS_CLIENT } from '@federation/server';
import type Redis from 'ioredis';
import { OneTimeStore } from './one-time-store';

/** A Nest provider of a OneTimeStore on the app's Redis connection (see RedisModule). */
export function oneTimeStoreProvider(
  token: symbol,
  record: { kind: string; ttlSeconds: number },
  redisPrefix: string,
): FactoryProvider {
  return {
    provide: token,
    inject: [REDIS_CLIENT],
    useFactory: (redis: Redis) =>
      new OneTimeStore(redis, redisPrefix, record.kind, record.ttlSeconds),
  };
}
