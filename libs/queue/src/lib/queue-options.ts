import type { ConnectionOptions, DefaultJobOptions } from 'bullmq';

export interface QueueConnectionOptions {
  redisUrl: string;
  /** Key prefix: isolates stacks and test suites sharing one Redis. */
  prefix: string;
}

/** ioredis options BullMQ requires (blocking commands must wait for Redis to come back, not fail). */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
}

/**
 * Retried with exponential back-off (2 s, 4 s, 8 s … about 8.5 minutes over 8 attempts).
 * Completed jobs are kept a week so that a replayed event within that window is recognised as a duplicate.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
