import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrateSchemas } from '@federation/database';
import { builtApp } from '@federation/federation-harness';
import { hashPassword } from '@federation/partners';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import { createTestDatabase, deleteRedisKeys, freePort, startNodeProcess, testInfrastructure, testRedisPrefix, waitForHealthy } from '@federation/testing';
import { seedPartners } from './seed-partners';

const ADMIN = { email: 'bench-admin@federation.gouv.fr', password: 'Bench-Instructeur-2026!' };
const TARGET_P95_MS = 50;

interface Scenario {
  name: string;
  /** A query string for the admin queue, different at each call (pages, organisations, words). */
  query(): string;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * The admin queue and search of partners-api at 10,000 organisations and 100,000 requests:
 * seeds a database of its own, starts the built partners-api on it, signs in as an instructor and
 * times HTTP calls (one at a time: latency as an instructor feels it), then prints p50/p95/p99.
 *   node dist/tools/bench/main.js partners-queries [organisations=10000] [requests=100000] [calls=300]
 */
export async function partnersQueriesBench(organisations: number, requests: number, calls: number): Promise<void> {
  const database = await createTestDatabase('bench-partners');
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('bench-partners');
  let service: ReturnType<typeof startNodeProcess> | undefined;
  try {
    await migrateSchemas(database.url, [PARTNERS_SCHEMA]);
    const seeded = await seedPartners(database.url, organisations, requests);
    const samples = await sampleValues(database.url);
    await createAdmin(database.url);
    console.log(`seeded ${seeded.organisations} organisations and ${seeded.requests} habilitation requests in ${seeded.seconds.toFixed(1)} s`);

    const port = await freePort();
    service = startNodeProcess(builtApp('partners-api'), {
      PORT: `${port}`,
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SESSION_COOKIE_SECURE: 'false',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealthy(`${base}/health`, service);
    const cookie = await signIn(base);

    const scenarios: Scenario[] = [
      { name: 'queue: submitted, oldest first, page 1-25', query: () => `status=submitted&page=${1 + Math.floor(Math.random() * 25)}&pageSize=20` },
      { name: 'queue: every status, page 1-100', query: () => `page=${1 + Math.floor(Math.random() * 100)}&pageSize=20` },
      { name: 'filter: one organisation', query: () => `organisationId=${pick(samples.organisationIds)}` },
      { name: 'filter: one SIRET', query: () => `siret=${pick(samples.sirets)}` },
      { name: 'filter: status + 30-day window', query: () => `status=validated&${window30()}` },
      { name: 'search: a word of project/organisation', query: () => `q=${encodeURIComponent(pick(['cantine', 'stationnement', 'mairie de lyon', 'hospitalier', 'médiathèque', 'bourse', 'syndicat des eaux']))}` },
      { name: 'search: a project number', query: () => `q=${encodeURIComponent(pick(samples.projectNames).split(' ').pop() ?? '')}` },
      { name: 'search + status + page 2', query: () => `q=${encodeURIComponent(pick(['portail famille', 'rendez-vous', 'toulouse', 'espace usager']))}&status=submitted&page=2` },
    ];

    console.log(`\nadmin queue and search of partners-api (${calls} sequential calls per line, after 20 warm-up calls, HTTP included):\n`);
    let worstP95 = 0;
    for (const scenario of scenarios) {
      for (let i = 0; i < 20; i++) await call(base, cookie, scenario.query());
      const latencies: number[] = [];
      let totals = 0;
      for (let i = 0; i < calls; i++) {
        const t0 = performance.now();
        const page = await call(base, cookie, scenario.query());
        latencies.push(performance.now() - t0);
        totals += page.total;
      }
      latencies.sort((a, b) => a - b);
      const p95 = percentile(latencies, 95);
      worstP95 = Math.max(worstP95, p95);
      console.log(
        `  ${scenario.name.padEnd(46)} p50 ${percentile(latencies, 50).toFixed(1).padStart(5)} ms   p95 ${p95.toFixed(1).padStart(5)} ms   p99 ${percentile(latencies, 99).toFixed(1).padStart(5)} ms   (avg total ${Math.round(totals / calls)})`,
      );
    }
    console.log(`\nworst p95: ${worstP95.toFixed(1)} ms (target < ${TARGET_P95_MS} ms): ${worstP95 < TARGET_P95_MS ? 'met' : 'NOT met'}`);
  } finally {
    await service?.stop('SIGTERM');
    await deleteRedisKeys(redisUrl, prefix);
    await database.drop();
  }
}

function window30(): string {
  const end = new Date(Date.now() - Math.random() * 700 * 86_400_000);
  const start = new Date(end.getTime() - 30 * 86_400_000);
  return `submittedFrom=${start.toISOString().slice(0, 10)}&submittedTo=${end.toISOString().slice(0, 10)}`;
}

async function call(base: string, cookie: string, query: string): Promise<{ total: number }> {
  const response = await fetch(`${base}/api/admin/habilitations?${query}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET /api/admin/habilitations?${query} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { total: number };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (response.status !== 200 || !cookie) throw new Error(`admin login answered ${response.status}: ${await response.text()}`);
  return cookie;
}

async function createAdmin(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO partners.account (email, email_domain, password_hash, given_name, family_name, email_verified_at, is_platform_admin)
       VALUES ($1, 'federation.gouv.fr', $2, 'Bench', 'Instructeur', now(), true)`,
      [ADMIN.email, await hashPassword(ADMIN.password, 15)],
    );
  } finally {
    await client.end();
  }
}

async function sampleValues(databaseUrl: string) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const organisations = await client.query<{ id: string; siret: string }>('SELECT id, siret FROM partners.organisation ORDER BY random() LIMIT 200');
    const projects = await client.query<{ project_name: string }>('SELECT project_name FROM partners.habilitation_request WHERE submitted_at IS NOT NULL ORDER BY random() LIMIT 200');
    return {
      organisationIds: organisations.rows.map((row) => row.id),
      sirets: organisations.rows.map((row) => row.siret),
      projectNames: projects.rows.map((row) => row.project_name),
    };
  } finally {
    await client.end();
  }
}
