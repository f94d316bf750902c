import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** Drops the database of this browser run (the start command created it). */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env['E2E_RUN_ID'];
  if (!runId) return;
  const requireFromRoot = createRequire(
    resolve(__dirname, '../../../package.json'),
  );
  const { Client } = requireFromRoot('pg') as typeof import('pg');
  const client = new Client({
    connectionString:
      process.env['TEST_DATABASE_URL'] ??
      process.env['DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "t_${runId}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
