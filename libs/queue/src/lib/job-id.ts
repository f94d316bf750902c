import { createHash } from 'node:crypto';
import type { QueueName } from './queues';

/**
 * The job id derived from the business event that caused the job: publishing the same event twice
 * (a retried HTTP request, a replayed message) yields one job. Hashed because BullMQ ids must not
 * contain ":" and must not leak the event's content into Redis key names.
 */
export function jobIdForEvent(queue: QueueName, eventId: string): string {
  return createHash('sha256').update(`${queue}\u0000${eventId}`).digest('hex');
}
