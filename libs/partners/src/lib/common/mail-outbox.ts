import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { JobPublisher, type MailJob } from '@federation/queue';
import { MailOutboxEntity } from '@federation/partners-data';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';

const RELAY_INTERVAL_MS = 2_000;
const BATCH_SIZE = 100;

/**
 * Transactional outbox of e-mails: `add` writes them in the caller's transaction, `flush` (right
 * after the commit, and every 2 s for what a crash or a Redis outage left behind) publishes them to
 * the mail queue with the row id as job id, so one decision is one mail, never two, never none.
 */
@Injectable()
export class MailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailOutbox');
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: JobPublisher,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async add(manager: EntityManager, jobs: MailJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await manager.insert(MailOutboxEntity, jobs.map((job) => ({ job })));
  }

  /** Publishes what is pending; concurrent calls share one run. Never throws. */
  flush(): Promise<void> {
    this.flushing ??= this.publishPending()
      .catch((error: unknown) => this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'mail outbox relay failed; will retry'))
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
  }

  private async publishPending(): Promise<void> {
    for (;;) {
      const published = await this.dataSource.transaction(async (manager) => {
        // SKIP LOCKED: two API instances relay different rows.
        const rows = await manager.find(MailOutboxEntity, {
          where: { publishedAt: IsNull() },
          order: { createdAt: 'ASC' },
          take: BATCH_SIZE,
          lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
        });
        for (const row of rows) await this.publisher.publish('mail', `partners-outbox:${row.id}`, row.job);
        if (rows.length > 0) await manager.update(MailOutboxEntity, rows.map((row) => row.id), { publishedAt: new Date() });
        return rows.length;
      });
      if (published < BATCH_SIZE) return;
    }
  }

  /** Used by the status of the service (and tests): how many mails wait for the queue. */
  pendingCount(): Promise<number> {
    return this.dataSource.getRepository(MailOutboxEntity).countBy({ publishedAt: IsNull() });
  }

  get portalUrl(): string {
    return this.options.portalUrl.replace(/\/$/, '');
  }
}
