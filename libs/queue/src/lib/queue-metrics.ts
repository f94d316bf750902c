import { Gauge, type Registry } from 'prom-client';
import type { JobPublisher } from './job-publisher';
import { QUEUES, type QueueName } from './queues';

export const QUEUE_METRIC_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** A scrape never waits longer than this for Redis (BullMQ's connections wait for it forever). */
const SCRAPE_TIMEOUT_MS = 1_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * `queue_jobs{queue,state}`: the depth of every queue of the platform, read from Redis at each
 * scrape. When Redis does not answer in time the gauge is left empty rather than stale.
 */
export function registerQueueMetrics(
  registry: Registry,
  publisher: JobPublisher,
  queues: readonly QueueName[] = Object.values(QUEUES),
): Gauge<'queue' | 'state'> {
  return new Gauge({
    name: 'queue_jobs',
    help: 'Jobs of each BullMQ queue by state (waiting, active, delayed, failed), read at scrape time.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (name) => {
          try {
            const counts = await withTimeout(
              publisher.queue(name).getJobCounts(...QUEUE_METRIC_STATES),
              SCRAPE_TIMEOUT_MS,
            );
            for (const state of QUEUE_METRIC_STATES)
              this.set({ queue: name, state }, counts[state] ?? 0);
          } catch {
            // Redis unavailable: nothing reported for this queue (its /health says why).
          }
        }),
      );
    },
  });
}
