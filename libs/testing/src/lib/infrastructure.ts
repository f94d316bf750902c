import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Where the test suites find PostgreSQL and Redis. The test command (tools/scripts/test.mjs)
 * exports these after starting or reusing the servers; the defaults match a developer machine.
 */
export function testInfrastructure(env: NodeJS.ProcessEnv = process.env) {
  return {
    adminDatabaseUrl:
      env['TEST_DATABASE_URL'] ??
      env['DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl:
      env['TEST_REDIS_URL'] ?? env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A random, readable suffix: suites running in parallel (or twice) never share a name. */
export function uniqueName(suite: string): string {
  const slug = suite
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  return `${slug}_${process.pid}_${randomBytes(3).toString('hex')}`;
}

/**
 * Creates an empty database for one test suite and returns its URL. `drop()` removes it, closing
 * any connection left open by the code under test.
 */
export async function createTestDatabase(suite: string): Promise<TestDatabase> {
  const { adminDatabaseUrl } = testInfrastructure();
  const name = `t_${uniqueName(suite)}`;
  await withAdminClient(adminDatabaseUrl, (client) =>
    client.query(`CREATE DATABASE "${name}"`),
  );
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      withAdminClient(adminDatabaseUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      ).then(() => undefined),
  };
}

async function withAdminClient<T>(
  url: string,
  action: (client: Client) => Promise<T>,
): Promise<T> {
  const client = new Client({
    connectionString: url,
    application_name: 'federation-tests',
  });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** A Redis key prefix of its own for one suite (queues, sessions, rate limits). */
export function testRedisPrefix(suite: string): string {
  return `test_${uniqueName(suite)}`;
}
