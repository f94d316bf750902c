import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';

/** How long the citizen's history is kept: what the dashboard shows, and no longer. */
export const RETENTION_DAYS = 180;

const TABLES = [
  { table: 'data_access', column: 'accessed_at' },
  { table: 'connection', column: 'connected_at' },
  // A consent goes once it ended (expired or revoked) more than the retention period ago.
  { table: 'consent', column: 'coalesce(revoked_at, expires_at)' },
] as const;

/**
 * Deletes the citizens' connections, data accesses and ended consents older than six months, every
 * hour, in batches; one process of the fleet at a time (a Redis lock), whatever the number of workers.
 */
export class RetentionPurge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RetentionPurge');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly intervalMs = 3_600_000,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runIfFree(), this.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async runIfFree(): Promise<void> {
    try {
      const lock = await this.redis.set(`${this.prefix}:consent:retention-lock`, String(process.pid), 'EX', 600, 'NX');
      if (lock !== 'OK') return;
      const deleted = await this.purge();
      this.logger.log(deleted, 'history older than the retention period deleted');
    } catch (error) {
      this.logger.error({ reason: (error as Error).message }, 'retention purge failed');
    }
  }

  /** Deletes what is older than the retention period; returns the rows deleted per table. */
  async purge(now = new Date(), batchSize = 10_000): Promise<Record<string, number>> {
    const limit = new Date(now.getTime() - RETENTION_DAYS * 24 * 3600 * 1000);
    const deleted: Record<string, number> = {};
    for (const { table, column } of TABLES) {
      deleted[table] = 0;
      for (;;) {
        const [{ count }]: { count: number }[] = await this.dataSource.query(
          `WITH gone AS (
             DELETE FROM consent.${table} WHERE ctid IN (
               SELECT ctid FROM consent.${table} WHERE ${column} < $1 LIMIT ${batchSize}) RETURNING 1)
           SELECT count(*)::int AS count FROM gone`,
          [limit],
        );
        deleted[table] += count;
        if (count < batchSize) break;
      }
    }
    return deleted;
  }
}
