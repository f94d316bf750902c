import { Worker, type Job } from 'bullmq';
import { bullConnection, type QueueConnectionOptions } from './queue-options';
import type { JobPayloads, QueueName } from './queues';

export interface ConsumerOptions extends QueueConnectionOptions {
  concurrency?: number;
  /** How long a worker holds a job before another may take it over if the first died (ms). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose holder died (ms). */
  stalledIntervalMs?: number;
}

export type JobHandler<Q extends QueueName> = (
  job: Job<JobPayloads[Q]>,
) => Promise<unknown>;

/**
 * Consumer side: a BullMQ worker on one queue. A job whose worker was killed is taken up again
 * once its lock expires, so handlers must be idempotent.
 */
export function startConsumer<Q extends QueueName>(
  queue: Q,
  handler: JobHandler<Q>,
  options: ConsumerOptions,
): Worker {
  return new Worker<JobPayloads[Q]>(queue, handler, {
    connection: bullConnection(options.redisUrl),
    prefix: options.prefix,
    concurrency: options.concurrency ?? 5,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: 3,
    autorun: true,
  });
}
