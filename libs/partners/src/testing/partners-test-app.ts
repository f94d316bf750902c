import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSourceOptions, migrateSchemas } from '@federation/database';
import { MailWorkerModule } from '@federation/mail';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import { QueueModule } from '@federation/queue';
import { DatabaseHealthIndicator, HealthModule, RedisHealthIndicator, RedisModule } from '@federation/server';
import { FixtureEstablishmentDirectory } from '@federation/siret';
import { createTestDatabase, deleteRedisKeys, testInfrastructure, testRedisPrefix, TestMailbox, type TestDatabase } from '@federation/testing';
import { configurePartnersApp } from '../lib/openapi';
import { PartnersModule } from '../lib/partners.module';
import { DEFAULT_RATE_LIMITS, DEFAULT_SECRET_ROTATION_OVERLAP_MS, type PartnersOptions, type RateLimits } from '../lib/partners.options';
import { ApiClient } from './api-client';

export interface PartnersTestApp {
  app: INestApplication;
  baseUrl: string;
  dataSource: DataSource;
  db: TestDatabase;
  redisPrefix: string;
  mailbox: TestMailbox;
  options: PartnersOptions;
  client(): ApiClient;
  close(): Promise<void>;
}

/** Generous limits so a suite never trips them by accident; rate-limit tests pass their own. */
export const RELAXED_RATE_LIMITS: RateLimits = Object.fromEntries(
  Object.entries(DEFAULT_RATE_LIMITS).map(([name, rule]) => [name, { ...rule, limit: 10_000 }]),
) as unknown as RateLimits;

/**
 * partners-api as it runs, on a random port, against a database of its own, a Redis prefix of its
 * own and a MailDev of its own — with the mail worker consuming the queue in the same process, so
 * e-mails really go through BullMQ and SMTP and can be read back from MailDev.
 */
export async function startPartnersTestApp(suite: string, overrides: Partial<PartnersOptions> = {}): Promise<PartnersTestApp> {
  const db = await createTestDatabase(suite);
  await migrateSchemas(db.url, [PARTNERS_SCHEMA]);
  const { redisUrl } = testInfrastructure();
  const redisPrefix = testRedisPrefix(suite);
  const mailbox = await TestMailbox.start();
  const options: PartnersOptions = {
    portalUrl: 'http://portail.test',
    supportEmail: 'support@partenaires.test',
    secretsEncryptionKey: randomBytes(32).toString('base64'),
    session: { cookieName: 'ep_session', secureCookie: false, idleTtlSeconds: 3600, absoluteTtlSeconds: 12 * 3600 },
    rateLimits: RELAXED_RATE_LIMITS,
    // Low cost in tests: same code path, faster hashes.
    scryptLogN: 12,
    directory: new FixtureEstablishmentDirectory(),
    redisPrefix,
    secretRotationOverlapMs: DEFAULT_SECRET_ROTATION_OVERLAP_MS,
    ...overrides,
  };
  const moduleRef = await Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(createDataSourceOptions({ url: db.url, schema: PARTNERS_SCHEMA, poolSize: 5, applicationName: 'partners-tests' })),
      RedisModule.forRoot({ url: redisUrl, prefix: redisPrefix, service: 'partners-tests' }),
      QueueModule.forRoot({ redisUrl, prefix: redisPrefix }),
      PartnersModule.register(options),
      HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
      MailWorkerModule.forRoot({
        smtpUrl: mailbox.smtpUrl,
        from: 'Espace Partenaire <ne-pas-repondre@partenaires.test>',
        consumer: { redisUrl, prefix: redisPrefix, concurrency: 5, lockDurationMs: 30_000, stalledIntervalMs: 30_000 },
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error', 'warn'] });
  configurePartnersApp(app, { cookieName: options.session.cookieName, trustProxy: false });
  app.enableShutdownHooks();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    baseUrl,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    db,
    redisPrefix,
    mailbox,
    options,
    client: () => new ApiClient(baseUrl),
    close: async () => {
      await app.close();
      await mailbox.stop();
      await deleteRedisKeys(redisUrl, redisPrefix);
      await db.drop();
    },
  };
}
