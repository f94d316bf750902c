import { Queue, type JobsOptions } from 'bullmq';
import { jobIdForEvent } from './job-id';
import {
  bullConnection,
  DEFAULT_JOB_OPTIONS,
  type QueueConnectionOptions,
} from './queue-options';
import type { JobPayloads, QueueName } from './queues';

export interface PublishedJob {
  id: string;
  /** False when a job for the same event already existed. */
  created: boolean;
}

/** Producer side: one BullMQ queue per name, created on first use. */
export class JobPublisher {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(private readonly options: QueueConnectionOptions) {}

  async publish<Q extends QueueName>(
    queue: Q,
    eventId: string,
    payload: JobPayloads[Q],
    options: Pick<JobsOptions, 'delay' | 'priority'> = {},
  ): Promise<PublishedJob> {
    const id = jobIdForEvent(queue, eventId);
    const target = this.queue(queue);
    const existing = await target.getJob(id);
    if (existing) return { id, created: false };
    // `add` with an existing id is a no-op in BullMQ too, which covers the race between two publishers.
    await target.add(queue, payload, { ...options, jobId: id });
    return { id, created: true };
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: bullConnection(this.options.redisUrl),
        prefix: this.options.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      // Without a listener an 'error' event (Redis restarting) would crash the process.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.queues.clear();
  }
}
