import { Client } from 'pg';
import { createDataSource } from './data-source.factory';
import type { ServiceSchema } from './service-schema';

/** Arbitrary but fixed: two migration runs on the same database wait for each other. */
const MIGRATION_LOCK_ID = 7_304_211;

export interface MigrationReport {
  schema: string;
  applied: string[];
}

/**
 * Creates each service's schema if needed and applies its pending migrations, each in its own
 * transaction. Safe to run concurrently (advisory lock) and repeatedly (already applied ones are skipped).
 */
export async function migrateSchemas(
  url: string,
  schemas: ServiceSchema[],
): Promise<MigrationReport[]> {
  const lock = new Client({
    connectionString: url,
    application_name: 'federation-migrate',
  });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const reports: MigrationReport[] = [];
    for (const schema of schemas) {
      // The migrations table lives inside the schema, so the schema must exist before TypeORM looks for it.
      await lock.query(`CREATE SCHEMA IF NOT EXISTS "${schema.name}"`);
      const dataSource = createDataSource({
        url,
        schema,
        poolSize: 1,
        applicationName: 'federation-migrate',
      });
      await dataSource.initialize();
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        reports.push({
          schema: schema.name,
          applied: applied.map((migration) => migration.name),
        });
      } finally {
        await dataSource.destroy();
      }
    }
    return reports;
  } finally {
    await lock
      .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID])
      .catch(() => undefined);
    await lock.end();
  }
}
