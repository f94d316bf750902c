import { Inject, Injectable } from '@nestjs/common';
import {
  HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '../redis.module';

/** A dependency whose state `/health` reports. */
export interface DependencyHealthIndicator {
  check(): Promise<HealthIndicatorResult>;
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(
        () => reject(new Error(`no answer within ${ms} ms`)),
        ms,
      ).unref(),
    ),
  ]);

@Injectable()
export class DatabaseHealthIndicator implements DependencyHealthIndicator {
  constructor(private readonly typeOrm: TypeOrmHealthIndicator) {}

  check(): Promise<HealthIndicatorResult> {
    return this.typeOrm.pingCheck('postgresql', { timeout: 1_500 });
  }
}

@Injectable()
export class RedisHealthIndicator implements DependencyHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.health.check('redis');
    try {
      await withTimeout(this.redis.ping(), 1_500);
      return indicator.up();
    } catch (error) {
      return indicator.down({
        message: error instanceof Error ? error.message : 'unreachable',
      });
    }
  }
}
