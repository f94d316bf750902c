import { migrateSchemas } from '@federation/database';
import { createTestDatabase, type TestDatabase } from '@federation/testing';
import { Client } from 'pg';
import { ALL_SCHEMAS } from './schemas';

describe('migrations (real PostgreSQL)', () => {
  let database: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase('migrations');
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it('creates the core, partners and consent schemas on an empty database', async () => {
    const reports = await migrateSchemas(database.url, ALL_SCHEMAS);

    const { rows } = await client.query<{ schema_name: string }>(
      `SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('core', 'partners', 'consent') ORDER BY schema_name`,
    );
    expect(rows.map((row) => row.schema_name)).toEqual([
      'consent',
      'core',
      'partners',
    ]);
    expect(reports.map((report) => report.schema)).toEqual([
      'core',
      'partners',
      'consent',
    ]);
    expect(reports.every((report) => report.applied.length > 0)).toBe(true);
  });

  it('tracks applied migrations inside each service schema', async () => {
    const { rows } = await client.query<{ table_schema: string }>(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'migrations' ORDER BY table_schema`,
    );

    expect(rows.map((row) => row.table_schema)).toEqual([
      'consent',
      'core',
      'partners',
    ]);
  });

  it('applies nothing the second time', async () => {
    const reports = await migrateSchemas(database.url, ALL_SCHEMAS);

    expect(reports.map((report) => report.applied)).toEqual([[], [], []]);
  });

  it('lets two concurrent runs finish without applying a migration twice', async () => {
    const fresh = await createTestDatabase('migrations-concurrent');
    try {
      const [first, second] = await Promise.all([
        migrateSchemas(fresh.url, ALL_SCHEMAS),
        migrateSchemas(fresh.url, ALL_SCHEMAS),
      ]);

      const appliedTwice = [...first, ...second].flatMap(
        (report) => report.applied,
      );
      expect(appliedTwice).toHaveLength(
        ALL_SCHEMAS.flatMap((schema) => schema.migrations as unknown[]).length,
      );
    } finally {
      await fresh.drop();
    }
  });
});
