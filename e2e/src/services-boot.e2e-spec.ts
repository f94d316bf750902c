import { migrateSchemas } from '@federation/database';
import {
  createTestDatabase,
  deleteRedisKeys,
  freePort,
  startNodeProcess,
  TestMailbox,
  testInfrastructure,
  testRedisPrefix,
  waitForHealthy,
  type TestDatabase,
} from '@federation/testing';
import { CONSENT_SCHEMA } from '@federation/consent-data';
import { CORE_SCHEMA } from '@federation/core-data';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import { testStackSecrets } from '@federation/federation-harness';
import { builtApp } from '@federation/federation-harness';

type Dependency = 'postgresql' | 'redis' | 'smtp';

/** Each NestJS deployable and the dependencies its /health must report. */
const SERVICES: {
  name: string;
  dependencies: Dependency[];
  required: string[];
}[] = [
  {
    name: 'core',
    dependencies: ['postgresql', 'redis'],
    required: [
      'DATABASE_URL',
      'REDIS_URL',
      'CORE_SIGNING_JWKS',
      'CORE_COOKIE_KEYS',
      'IDENTITY_HASH_SECRET',
    ],
  },
  {
    name: 'fi-gateway',
    dependencies: ['postgresql', 'redis'],
    required: ['DATABASE_URL', 'REDIS_URL', 'SECRETS_ENCRYPTION_KEY'],
  },
  {
    name: 'consent',
    dependencies: ['postgresql', 'redis'],
    required: [
      'DATABASE_URL',
      'REDIS_URL',
      'CONSENT_SIGNING_JWKS',
      'CONSENT_SUBJECT_SECRET',
      'CONSENT_INTERNAL_TOKEN',
      'DASHBOARD_CLIENT_SECRET',
      'DASHBOARD_COOKIE_SECRET',
    ],
  },
  {
    name: 'partners-api',
    dependencies: ['postgresql', 'redis'],
    required: ['DATABASE_URL', 'REDIS_URL', 'SECRETS_ENCRYPTION_KEY'],
  },
  {
    name: 'worker',
    dependencies: ['postgresql', 'redis', 'smtp'],
    required: ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'],
  },
  { name: 'mock-identity-provider', dependencies: [], required: [] },
  {
    name: 'mock-service-provider',
    dependencies: [],
    required: ['MOCK_FS_CLIENT_SECRET', 'MOCK_FS2_CLIENT_SECRET'],
  },
  {
    name: 'mock-data-provider',
    dependencies: [],
    required: ['MOCK_FD_DGFIP_CLIENT_SECRET', 'MOCK_FD_MESR_CLIENT_SECRET', 'MOCK_FD_CNAF_SIGNING_JWK', 'MOCK_FD_CNAF_ENCRYPTION_JWK'],
  },
];

/** The services holding a connection to the BullMQ queues: they report `queue_jobs` on /metrics. */
const QUEUE_HOLDERS = ['core', 'partners-api', 'worker'];

/** The output of our code, without oidc-provider's own notice about the Node.js version. */
const ourLines = (output: string) =>
  output
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('oidc-provider WARNING'));

describe('every NestJS service', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('e2e-boot');
  let database: TestDatabase;
  let mailbox: TestMailbox;

  beforeAll(async () => {
    database = await createTestDatabase('e2e-boot');
    await migrateSchemas(database.url, [
      CORE_SCHEMA,
      PARTNERS_SCHEMA,
      CONSENT_SCHEMA,
    ]);
    mailbox = await TestMailbox.start();
  });

  afterAll(async () => {
    await mailbox.stop();
    await database.drop();
    await deleteRedisKeys(redisUrl, prefix);
  });

  const servicesWithRequirements = SERVICES.filter(
    (service) => service.required.length > 0,
  );

  it.each(servicesWithRequirements)(
    '$name refuses to start with one clear line when its configuration is missing',
    async ({ name, required }) => {
      const service = startNodeProcess(builtApp(name), {
        PORT: `${await freePort()}`,
      });

      const code = await service.exited;

      const lines = ourLines(service.output());
      expect(code).toBe(78);
      expect(lines).toHaveLength(1);
      for (const variable of required)
        expect(lines[0]).toContain(`${variable} is required`);
    },
  );

  it.each(servicesWithRequirements)(
    '$name names the wrong variable when a value is invalid',
    async ({ name }) => {
      const service = startNodeProcess(builtApp(name), {
        PORT: 'not-a-port',
        DATABASE_URL: 'mysql://localhost/x',
        REDIS_URL: redisUrl,
        SMTP_URL: mailbox.smtpUrl,
      });

      expect(await service.exited).toBe(78);
      expect(ourLines(service.output()).join('\n')).toMatch(
        /^Invalid configuration for [a-z-]+: PORT /,
      );
    },
  );

  it.each(SERVICES)(
    '$name starts, answers GET /health and reports its dependencies as up',
    async ({ name, dependencies }) => {
      const port = await freePort();
      const service = startNodeProcess(builtApp(name), {
        PORT: `${port}`,
        HOST: '127.0.0.1',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefix,
        SMTP_URL: mailbox.smtpUrl,
        ...testStackSecrets(),
      });
      try {
        await waitForHealthy(`http://127.0.0.1:${port}/health`, service);

        const response = await fetch(`http://127.0.0.1:${port}/health`);
        const body = await response.json();
        expect(body.status).toBe('ok');
        expect(Object.keys(body.details).sort()).toEqual(
          [...dependencies].sort(),
        );
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get('x-powered-by')).toBeNull();
        const echoed = await fetch(`http://127.0.0.1:${port}/health`, { headers: { 'x-request-id': 'boot-check.1' } });
        expect(echoed.headers.get('x-request-id')).toBe('boot-check.1');

        // Prometheus metrics on the same port, outside any global prefix (open: no METRICS_TOKEN).
        const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
        expect(metrics.status).toBe(200);
        expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
        const exposition = await metrics.text();
        expect(exposition).toContain('# TYPE http_requests_total counter');
        expect(exposition).toContain('# TYPE http_request_duration_seconds histogram');
        expect(exposition).toMatch(/^http_requests_total\{method="GET",route="\/health",status_code="200"\} [1-9]/m);
        expect(exposition).toContain('process_resident_memory_bytes');
        if (QUEUE_HOLDERS.includes(name))
          expect(exposition).toMatch(/^queue_jobs\{queue="mail",state="waiting"\} \d+$/m);
        if (name === 'core') {
          expect(exposition).toContain('# TYPE core_login_steps_total counter');
          // oidc-provider, mounted outside Nest's router, is counted under its endpoints' patterns.
          expect((await fetch(`http://127.0.0.1:${port}/api/v2/.well-known/openid-configuration`)).status).toBe(200);
          await fetch(`http://127.0.0.1:${port}/api/v2/no-such-endpoint/12345`);
          const after = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          expect(after).toContain('http_requests_total{method="GET",route="/api/v2/.well-known/openid-configuration",status_code="200"} 1');
          expect(after).not.toContain('no-such-endpoint');
        }
        if (name === 'consent') {
          // checktoken is served ahead of Express, and still counted under its route and given a request id.
          const refused = await fetch(`http://127.0.0.1:${port}/api/checktoken`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: 'token=abc',
          });
          expect(refused.status).toBe(401);
          expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
          const after = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
          expect(after).toContain('http_requests_total{method="POST",route="/api/checktoken",status_code="401"} 1');
        }
        const firstLogLine = JSON.parse(ourLines(service.output())[0] ?? '{}');
        expect(firstLogLine).toMatchObject({ service: name, level: 30 });
      } finally {
        await service.stop('SIGTERM');
      }
      expect(service.child.exitCode ?? 0).toBe(0);
    },
  );

  it('reports 503 naming PostgreSQL when the database is unreachable after start', async () => {
    const port = await freePort();
    const scratch = await createTestDatabase('e2e-boot-down');
    const service = startNodeProcess(builtApp('partners-api'), {
      PORT: `${port}`,
      HOST: '127.0.0.1',
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SECRETS_ENCRYPTION_KEY: testStackSecrets().SECRETS_ENCRYPTION_KEY,
      METRICS_TOKEN: 'e2e-metrics-token-0123456789',
    });
    try {
      await waitForHealthy(`http://127.0.0.1:${port}/health`, service);
      // With METRICS_TOKEN, /metrics wants it as a bearer token.
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: 'Bearer e2e-metrics-token-0123456789' },
      });
      expect(scraped.status).toBe(200);

      await scratch.drop();
      const response = await fetch(`http://127.0.0.1:${port}/health`);

      expect(response.status).toBe(503);
      expect((await response.json()).error).toHaveProperty(
        'postgresql.status',
        'down',
      );
    } finally {
      await service.stop('SIGTERM');
    }
  });
});
