import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';

export interface AccessRecord {
  consentId: string;
  citizenKey: string;
  dataProviderId: string;
  clientId: string;
  scopes: string[];
}

const INSERT = `INSERT INTO consent.data_access (consent_id, citizen_key, data_provider_id, client_id, scopes)
  SELECT c, k, p, i, string_to_array(s, ' ')
  FROM unnest($1::uuid[], $2::varchar[], $3::uuid[], $4::varchar[], $5::text[]) AS t(c, k, p, i, s)`;

/**
 * Records every successful check before it is answered, with a group commit: the checks that
 * arrive while an insert runs are written together by the next one (one INSERT … unnest, one
 * round trip, on a connection of its own), so that recording costs a fraction of a query per check.
 *
 * That connection commits without waiting for the WAL flush (`synchronous_commit off`): a check is
 * answered once its record is in PostgreSQL, so an application crash loses nothing; only a crash
 * of the database server itself could lose the last few hundred milliseconds of records.
 */
export class AccessRecorder {
  private readonly logger = new Logger('AccessRecorder');
  private pending: { record: AccessRecord; done: (error?: unknown) => void }[] = [];
  private flushing = false;
  private connection?: QueryRunner;

  constructor(
    private readonly dataSource: DataSource,
    private readonly maxBatch = 500,
  ) {}

  record(record: AccessRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ record, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.flushing) void this.flush();
    });
  }

  /** Nest calls it at shutdown (before TypeORM closes its pool). */
  async onModuleDestroy(): Promise<void> {
    await this.connection?.release();
    this.connection = undefined;
  }

  private async dedicatedConnection(): Promise<QueryRunner> {
    if (this.connection && !this.connection.isReleased) return this.connection;
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    await connection.query('SET synchronous_commit TO off');
    this.connection = connection;
    return connection;
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.maxBatch);
      try {
        const connection = await this.dedicatedConnection();
        await connection.query(INSERT, [
          batch.map((item) => item.record.consentId),
          batch.map((item) => item.record.citizenKey),
          batch.map((item) => item.record.dataProviderId),
          batch.map((item) => item.record.clientId),
          batch.map((item) => item.record.scopes.join(' ')),
        ]);
        for (const item of batch) item.done();
      } catch (error) {
        // The next batch starts on a fresh connection (this one may be broken).
        this.logger.error({ reason: (error as Error).message, checks: batch.length }, 'access records could not be written');
        await this.connection?.release().catch(() => undefined);
        this.connection = undefined;
        for (const item of batch) item.done(error);
      }
    }
    this.flushing = false;
  }
}
