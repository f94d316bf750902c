import { randomUUID } from 'node:crypto';
import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import {
  jobIdForEvent,
  JobPublisher,
  QUEUES,
  type BusinessEvent,
} from '@federation/queue';

export type BusinessEventInput = Omit<BusinessEvent, 'eventId' | 'at'>;

/** At most this long between a step and its publication (events are batched). */
const FLUSH_INTERVAL_MS = 100;
const MAX_BATCH = 500;

/**
 * Publishes the steps of logins for statistics, in batches: one round trip to Redis for many
 * events, off the citizen's request path. A statistics outage (Redis restarting) never blocks or
 * fails a login; what could not be published is retried with the next batch, within a bound.
 */
export class BusinessEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('BusinessEvents');
  private pending: BusinessEvent[] = [];
  private timer?: NodeJS.Timeout;

  /** `core_login_steps_total{step,outcome}` on /metrics, when the app has a metrics registry. */
  private readonly steps?: Counter<'step' | 'outcome'>;

  constructor(
    private readonly publisher: JobPublisher,
    metrics?: Registry,
  ) {
    if (metrics)
      this.steps = new Counter({
        name: 'core_login_steps_total',
        help: 'Steps of citizen logins seen by the core (business events), by step and outcome.',
        labelNames: ['step', 'outcome'],
        registers: [metrics],
      });
  }

  emit(event: BusinessEventInput): void {
    this.steps?.inc({ step: event.type, outcome: event.outcome });
    this.pending.push({
      ...event,
      eventId: randomUUID(),
      at: new Date().toISOString(),
    });
    if (this.pending.length >= MAX_BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    try {
      await this.publisher.queue(QUEUES.businessEvents).addBulk(
        batch.map((event) => ({
          name: event.type,
          data: event,
          opts: {
            jobId: jobIdForEvent(QUEUES.businessEvents, event.eventId),
          },
        })),
      );
    } catch (error) {
      // Kept for the next batch (bounded, so that a long outage cannot exhaust memory).
      this.pending = [...batch, ...this.pending].slice(-10 * MAX_BATCH);
      this.timer ??= setTimeout(() => void this.flush(), 1_000);
      this.logger.warn(
        {
          events: batch.length,
          reason: error instanceof Error ? error.message : String(error),
        },
        'business events not published yet',
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }
}
