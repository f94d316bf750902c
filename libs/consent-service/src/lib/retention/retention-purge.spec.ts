import { CONSENT_SCHEMA } from '@federation/consent-data';
import { createDataSource, migrateSchemas } from '@federation/database';
import { createTestDatabase, type TestDatabase } from '@federation/testing';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { RetentionPurge } from './retention-purge';

describe('retention of the citizens’ history (six months)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('consent-retention');
    await migrateSchemas(database.url, [CONSENT_SCHEMA]);
    dataSource = await createDataSource({ url: database.url, schema: CONSENT_SCHEMA, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('deletes connections, data accesses and ended consents older than 180 days, and keeps the rest', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
    const [provider] = (await dataSource.query(
      `INSERT INTO consent.data_provider (slug, name, client_id) VALUES ('dgfip', 'DGFiP', 'fd-dgfip') RETURNING id`,
    )) as { id: string }[];
    const consent = async (grant: string, grantedDaysAgo: number, endedDaysAgo: number, revoked: boolean) =>
      ((await dataSource.query(
        `INSERT INTO consent.consent (citizen_key, grant_id, client_id, client_name, data_provider_id, scopes, acr, granted_at, expires_at, revoked_at)
         VALUES ('citoyen-0000000000000000', $1, 'client-a', 'Service A', $2, '{dgfip_rfr}', 'eidas1', $3, $4, $5) RETURNING id`,
        [grant, provider.id, daysAgo(grantedDaysAgo), daysAgo(revoked ? endedDaysAgo - 1 : endedDaysAgo), revoked ? daysAgo(endedDaysAgo) : null],
      )) as { id: string }[])[0].id;
    const old = await consent('grant-old', 200, 199, false);
    await consent('grant-revoked', 300, 250, true);
    const recent = await consent('grant-recent', 10, 9, false);
    for (const [consentId, days] of [[old, 199], [recent, 181], [recent, 5]] as const)
      await dataSource.query(
        `INSERT INTO consent.data_access (consent_id, citizen_key, data_provider_id, client_id, scopes, accessed_at)
         VALUES ($1, 'citoyen-0000000000000000', $2, 'client-a', '{dgfip_rfr}', $3)`,
        [consentId, provider.id, daysAgo(days)],
      );
    for (const days of [400, 181, 179, 1])
      await dataSource.query(
        `INSERT INTO consent.connection (citizen_key, grant_id, client_id, client_name, identity_provider_slug, identity_provider_name, acr, connected_at)
         VALUES ('citoyen-0000000000000000', 'g', 'client-a', 'Service A', 'impots', 'Impots', 'eidas1', $1)`,
        [daysAgo(days)],
      );

    const deleted = await new RetentionPurge(dataSource, {} as Redis, 'unused').purge(now, 1);

    expect(deleted).toEqual({ data_access: 2, connection: 2, consent: 2 });
    expect((await dataSource.query('SELECT id FROM consent.consent')).map((row: { id: string }) => row.id)).toEqual([recent]);
    expect(Number((await dataSource.query('SELECT count(*) FROM consent.connection'))[0].count)).toBe(2);
    expect(Number((await dataSource.query('SELECT count(*) FROM consent.data_access'))[0].count)).toBe(1);
  });
});
