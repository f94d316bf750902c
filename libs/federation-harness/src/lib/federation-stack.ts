import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  createTestDatabase,
  deleteRedisKeys,
  freePort,
  startNodeProcess,
  testInfrastructure,
  testRedisPrefix,
  waitFor,
  waitForHealthy,
  type RunningProcess,
  type TestDatabase,
} from '@federation/testing';
import { builtApp, builtDbTools } from './paths';

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** A private EC P-256 JWK (JSON) with its kid. */
export function ecPrivateJwk(use: 'sig' | 'enc', alg: string): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return JSON.stringify({ ...privateKey.export({ format: 'jwk' }), alg, use, kid: `${use}-${random(6)}` });
}

function signingJwks(): string {
  const keys = (
    [
      ['ES256', 'ec', { namedCurve: 'P-256' }],
      ['RS256', 'rsa', { modulusLength: 2048 }],
    ] as const
  ).map(([alg, type, options]) => {
    const { privateKey } = generateKeyPairSync(
      type as 'ec',
      options as { namedCurve: string },
    );
    return {
      ...privateKey.export({ format: 'jwk' }),
      alg,
      use: 'sig',
      kid: `${alg.toLowerCase()}-${random(6)}`,
    };
  });
  return JSON.stringify({ keys });
}

export const DEMO_CLIENT_A = {
  clientId: 'demo-service-a',
  clientSecret: `demo-a-${random()}`,
};
export const DEMO_CLIENT_B = {
  clientId: 'demo-service-b',
  clientSecret: `demo-b-${random()}`,
};

/** Fresh secrets of a whole stack: tests never reuse a developer's. */
export function testStackSecrets(): Record<string, string> {
  return {
    CORE_SIGNING_JWKS: signingJwks(),
    CORE_COOKIE_KEYS: random(),
    IDENTITY_HASH_SECRET: random(),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MOCK_FI_CLIENT_SECRET: random(),
    MOCK_FI_COOKIE_KEYS: random(),
    MOCK_FS_COOKIE_SECRET: random(),
    MOCK_FS_CLIENT_ID: DEMO_CLIENT_A.clientId,
    MOCK_FS_CLIENT_SECRET: DEMO_CLIENT_A.clientSecret,
    MOCK_FS2_CLIENT_ID: DEMO_CLIENT_B.clientId,
    MOCK_FS2_CLIENT_SECRET: DEMO_CLIENT_B.clientSecret,
    CONSENT_SIGNING_JWKS: JSON.stringify({ keys: [JSON.parse(ecPrivateJwk('sig', 'ES256'))] }),
    CONSENT_SUBJECT_SECRET: random(),
    CONSENT_INTERNAL_TOKEN: random(),
    DASHBOARD_CLIENT_SECRET: random(),
    DASHBOARD_COOKIE_SECRET: random(),
    MOCK_FD_DGFIP_CLIENT_SECRET: random(),
    MOCK_FD_MESR_CLIENT_SECRET: random(),
    MOCK_FD_CNAF_SIGNING_JWK: ecPrivateJwk('sig', 'ES256'),
    MOCK_FD_CNAF_ENCRYPTION_JWK: ecPrivateJwk('enc', 'ECDH-ES'),
  };
}

export type ServiceName =
  | 'core'
  | 'fi-gateway'
  | 'consent'
  | 'mock-identity-provider'
  | 'mock-service-provider'
  | 'mock-data-provider';

/**
 * A whole federation for one test suite: its own database (migrated and seeded with the real
 * db-tools command), its own Redis prefix (or its own Redis server, to restart it), its own ports
 * and secrets, and the built apps running as processes.
 */
export class FederationStack {
  readonly processes = new Map<ServiceName, RunningProcess>();
  private redisServer?: ChildProcess;

  private constructor(
    readonly database: TestDatabase,
    readonly redisUrl: string,
    readonly prefix: string,
    readonly ports: Record<ServiceName, number>,
    readonly secrets: Record<string, string>,
    readonly services: ServiceName[] = [],
  ) {}

  static async start(
    suite: string,
    options: {
      services?: ServiceName[];
      privateRedis?: boolean;
      env?: Record<string, string>;
      nodeArgs?: string[];
    } = {},
  ): Promise<FederationStack> {
    const services = options.services ?? [
      'core',
      'fi-gateway',
      'mock-identity-provider',
    ];
    const database = await createTestDatabase(suite);
    let redisUrl = testInfrastructure().redisUrl;
    let redisServer: ChildProcess | undefined;
    if (options.privateRedis) {
      const port = await freePort();
      redisServer = startRedisServer(port);
      redisUrl = `redis://127.0.0.1:${port}`;
      await waitForRedis(port);
    }
    const ports = {
      core: await freePort(),
      'fi-gateway': await freePort(),
      'mock-identity-provider': await freePort(),
      'mock-service-provider': await freePort(),
      consent: await freePort(),
      'mock-data-provider': await freePort(),
    };
    const secrets = testStackSecrets();
    const stack = new FederationStack(
      database,
      redisUrl,
      testRedisPrefix(suite),
      ports,
      secrets,
      services,
    );
    stack.redisServer = redisServer;
    for (const command of ['migrate', 'seed']) {
      const run = spawnSync(process.execPath, [builtDbTools, command], {
        env: { PATH: process.env['PATH'], ...stack.env() },
        encoding: 'utf8',
      });
      if (run.status !== 0)
        throw new Error(
          `db-tools ${command} failed: ${run.stderr || run.stdout}`,
        );
    }
    await Promise.all(
      services.map((service) =>
        stack.startService(service, options.env, options.nodeArgs),
      ),
    );
    return stack;
  }

  url(service: ServiceName): string {
    return `http://localhost:${this.ports[service]}`;
  }

  get issuer(): string {
    return `${this.url('core')}/api/v2`;
  }

  /** Where demo service A's redirect_uri points (the mock FS need not run for protocol tests). */
  redirectUri(client: 'a' | 'b' = 'a'): string {
    return client === 'a'
      ? `${this.url('mock-service-provider')}/login-callback`
      : `${this.url('mock-service-provider')}/autre-service/login-callback`;
  }

  postLogoutRedirectUri(client: 'a' | 'b' = 'a'): string {
    return client === 'a'
      ? `${this.url('mock-service-provider')}/logout-callback`
      : `${this.url('mock-service-provider')}/autre-service/logout-callback`;
  }

  env(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      DATABASE_URL: this.database.url,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.prefix,
      CORE_PUBLIC_URL: this.url('core'),
      CORE_ISSUER: this.issuer,
      FI_GATEWAY_PUBLIC_URL: this.url('fi-gateway'),
      MOCK_FI_PUBLIC_URL: this.url('mock-identity-provider'),
      MOCK_FS_PUBLIC_URL: this.url('mock-service-provider'),
      MOCK_FD_PUBLIC_URL: this.url('mock-data-provider'),
      CONSENT_PUBLIC_URL: this.url('consent'),
      ...this.secrets,
    };
  }

  async startService(
    service: ServiceName,
    extraEnv: Record<string, string> = {},
    nodeArgs: string[] = [],
  ): Promise<void> {
    // A core started beside the consent service is linked to it (data scopes, records, blocked FIs).
    const consentLink: Record<string, string> =
      service === 'core' && this.services.includes('consent')
        ? { CONSENT_INTERNAL_URL: this.url('consent') }
        : {};
    const running = startNodeProcess(
      builtApp(service),
      { ...this.env(), PORT: `${this.ports[service]}`, ...consentLink, ...extraEnv },
      [],
      nodeArgs,
    );
    this.processes.set(service, running);
    await waitForHealthy(`${this.url(service)}/health`, running, 30_000);
  }

  /** Everything the services logged so far (for the "no personal data in logs" checks). */
  logs(): string {
    return [...this.processes.values()]
      .map((running) => running.output())
      .join('\n');
  }

  async restartRedis(downtimeMs: number): Promise<void> {
    if (!this.redisServer)
      throw new Error('restartRedis needs privateRedis: true');
    const port = Number(new URL(this.redisUrl).port);
    this.redisServer.kill('SIGKILL');
    await new Promise((resolve) => this.redisServer?.once('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, downtimeMs));
    this.redisServer = startRedisServer(port);
    await waitForRedis(port);
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.values()].map((running) => running.stop('SIGTERM')),
    );
    if (this.redisServer) {
      this.redisServer.kill('SIGKILL');
    } else {
      await deleteRedisKeys(this.redisUrl, this.prefix);
    }
    await this.database.drop();
  }
}

function startRedisServer(port: number): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      `${port}`,
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: 'ignore' },
  );
}

async function waitForRedis(port: number): Promise<void> {
  const { default: Redis } = await import('ioredis');
  await waitFor(
    async () => {
      const client = new Redis({
        port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    },
    { timeoutMs: 10_000, description: `redis-server on port ${port}` },
  );
}
