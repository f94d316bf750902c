import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { JobPublisher, QUEUES, type BusinessEvent } from '@federation/queue';

export type BusinessEventInput = Omit<BusinessEvent, 'eventId' | 'at'>;

/**
 * Publishes the steps of logins for statistics. Fire-and-forget: a statistics outage (Redis
 * restarting) must never block or fail a citizen's login; the failure is logged.
 */
export class BusinessEvents {
  private readonly logger = new Logger('BusinessEvents');

  constructor(private readonly publisher: JobPublisher) {}

  emit(event: BusinessEventInput): void {
    const full: BusinessEvent = { ...event, eventId: randomUUID(), at: new Date().toISOString() };
    this.publisher.publish(QUEUES.businessEvents, full.eventId, full).catch((error: unknown) =>
      this.logger.warn({ type: event.type, reason: error instanceof Error ? error.message : String(error) }, 'business event not published'),
    );
  }
}
