import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { JobPublisher, type MailJob } from '@federation/queue';
import { MailOutboxEntity } from '@federation/partners-data';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { currentRequestId } from '@federation/server';
import { OutboxRelay } from './outbox-relay';

/**
 * Transactional outbox of e-mails: `add` writes them in the caller's transaction, `flush` (right
 * after the commit, and every 2 s for what a crash or a Redis outage left behind) publishes them to
 * the mail queue with the row id as job id, so one decision is one mail, never two, never none.
 */
@Injectable()
export class MailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay<MailOutboxEntity>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    publisher: JobPublisher,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {
    this.relay = new OutboxRelay(
      dataSource,
      {
        entity: MailOutboxEntity,
        pending: { publishedAt: IsNull() },
        order: { createdAt: 'ASC' },
        enqueue: (row) => publisher.publish('mail', `partners-outbox:${row.id}`, row.job),
        relayed: () => ({ publishedAt: new Date() }),
        failureMessage: 'mail outbox relay failed; will retry',
      },
      new Logger('MailOutbox'),
    );
  }

  async add(manager: EntityManager, jobs: MailJob[]): Promise<void> {
    if (jobs.length === 0) return;
    // The request the mails come from, for the worker's logs (the job is stored as is, in jsonb).
    const requestId = currentRequestId();
    await manager.insert(MailOutboxEntity, jobs.map((job) => ({ job: requestId ? { ...job, requestId } : job })));
  }

  /** Publishes what is pending; concurrent calls share one run. Never throws. */
  flush(): Promise<void> {
    return this.relay.flush();
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }

  /** Used by the status of the service (and tests): how many mails wait for the queue. */
  pendingCount(): Promise<number> {
    return this.relay.pendingCount();
  }

  get portalUrl(): string {
    return this.options.portalUrl.replace(/\/$/, '');
  }
}
