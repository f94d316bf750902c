import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '@federation/server';
import { PARTNERS_OPTIONS, type PartnersOptions, type RateLimit } from '../partners.options';
import { TooManyRequestsError } from './partners.errors';

// Count and window in one round trip; the window starts at the first attempt (fixed window).
const CONSUME_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`;

/** Fixed-window counters in Redis. Keys hold a hash of the subject (e-mail, IP), never the subject itself. */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  /** Counts one attempt; throws a 429 (French message, Retry-After) beyond the limit. */
  async consume(bucket: string, subject: string, rule: RateLimit): Promise<void> {
    const key = `${this.options.redisPrefix}:partners:rate:${bucket}:${hashSubject(subject)}`;
    const [count, ttlMs] = (await this.redis.eval(CONSUME_SCRIPT, 1, key, String(rule.windowSeconds * 1000))) as [number, number];
    if (count > rule.limit) throw new TooManyRequestsError(Math.max(1, Math.ceil(ttlMs / 1000)));
  }

  /** Forgets the attempts of a subject (e.g. after a successful login). */
  async reset(bucket: string, subject: string): Promise<void> {
    await this.redis.del(`${this.options.redisPrefix}:partners:rate:${bucket}:${hashSubject(subject)}`);
  }
}

function hashSubject(subject: string): string {
  return createHash('sha256').update(subject.toLowerCase()).digest('base64url').slice(0, 32);
}
