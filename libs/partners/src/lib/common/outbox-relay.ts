import type { Logger } from '@nestjs/common';
import type { DataSource, EntityTarget, FindOptionsOrder, FindOptionsWhere, ObjectLiteral } from 'typeorm';

const RELAY_INTERVAL_MS = 2_000;
const BATCH_SIZE = 100;

export interface OutboxRelayOptions<Row extends ObjectLiteral & { id: string }> {
  entity: EntityTarget<Row>;
  /** The rows not handed to the queue yet. */
  pending: FindOptionsWhere<Row>;
  order: FindOptionsOrder<Row>;
  /** Hands one row to its queue; the row id makes the job id, so a row relayed twice is one job. */
  enqueue(row: Row): Promise<unknown>;
  /** What marks the rows as handed over. */
  relayed(): Partial<Row>;
  /** Log line when a run fails (Redis or the database down): the next run retries. */
  failureMessage: string;
}

/**
 * The relay of a transactional outbox: the rows a transaction wrote are handed to their queue right
 * after the commit (`flush`), and every 2 s for what a crash or an outage left behind. Rows are taken
 * FOR UPDATE SKIP LOCKED, so several API instances relay different rows.
 */
export class OutboxRelay<Row extends ObjectLiteral & { id: string }> {
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: OutboxRelayOptions<Row>,
    private readonly logger: Logger,
  ) {}

  /** Relays what is pending; concurrent calls share one run. Never throws. */
  flush(): Promise<void> {
    this.flushing ??= this.relayPending()
      .catch((error: unknown) => this.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, this.options.failureMessage))
      .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), RELAY_INTERVAL_MS);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flushing;
  }

  /** How many rows wait for their queue (status of the service, tests). */
  pendingCount(): Promise<number> {
    return this.dataSource.getRepository(this.options.entity).countBy(this.options.pending);
  }

  private async relayPending(): Promise<void> {
    for (;;) {
      const relayed = await this.dataSource.transaction(async (manager) => {
        const rows = await manager.find(this.options.entity, {
          where: this.options.pending,
          order: this.options.order,
          take: BATCH_SIZE,
          lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
        });
        for (const row of rows) await this.options.enqueue(row);
        if (rows.length > 0)
          await manager.update(this.options.entity, rows.map((row) => row.id), this.options.relayed() as never);
        return rows.length;
      });
      if (relayed < BATCH_SIZE) return;
    }
  }
}
