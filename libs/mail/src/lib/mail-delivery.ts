import type { MailJob } from '@federation/queue';
import type { Job } from 'bullmq';
import type Redis from 'ioredis';
import { renderMail } from './mail-templates';
import type { MailTransport } from './mail-transport';

/** How long a delivered job is remembered, so that a re-run of the same job does not send twice. */
const DELIVERED_TTL_SECONDS = 30 * 24 * 3600;

export type DeliveryOutcome = 'sent' | 'already-sent';

/**
 * Handles one mail job: render, send, remember. A job taken up again after its worker died
 * (BullMQ stalled job) is sent once; an SMTP failure throws, so BullMQ retries with back-off.
 */
export class MailDelivery {
  constructor(
    private readonly transport: MailTransport,
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly domain = 'federation.localhost',
  ) {}

  async handle(job: Job<MailJob>): Promise<DeliveryOutcome> {
    const deliveredKey = `${this.keyPrefix}:mail:delivered:${job.id}`;
    if (await this.redis.exists(deliveredKey)) return 'already-sent';
    const rendered = renderMail(job.data);
    await this.transport.send({
      ...rendered,
      to: job.data.to,
      messageId: `<${job.id}@${this.domain}>`,
    });
    await this.redis.set(
      deliveredKey,
      new Date().toISOString(),
      'EX',
      DELIVERED_TTL_SECONDS,
    );
    return 'sent';
  }
}
