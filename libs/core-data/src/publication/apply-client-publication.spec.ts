import { createDataSource, migrateSchemas } from '@federation/database';
import type { ClientPublicationJob, PublishedClientConfiguration } from '@federation/queue';
import { createTestDatabase, type TestDatabase } from '@federation/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CORE_SCHEMA } from '../core.schema';
import { applyClientPublication } from './apply-client-publication';

const configuration = (version: number, overrides: Partial<PublishedClientConfiguration> = {}): PublishedClientConfiguration => ({
  clientId: 'c'.repeat(64),
  version,
  environment: 'sandbox',
  name: `Portail v${version}`,
  entityId: 'habilitation:1',
  redirectUris: [`https://service.example.fr/v${version}/callback`],
  postLogoutRedirectUris: [],
  scopes: ['openid', 'email'],
  maxEidasLevel: 'eidas1',
  tokenEndpointAuthMethod: 'client_secret_basic',
  idTokenSignedResponseAlg: 'ES256',
  jwksUri: null,
  active: true,
  secretHashes: [{ sha256: 'a'.repeat(64), notAfter: null }],
  ...overrides,
});

const job = (config: PublishedClientConfiguration): ClientPublicationJob => ({ publicationId: randomUUID(), configuration: config });

describe('applyClientPublication (the core applies a client configuration once, by version)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('core-publication');
    await migrateSchemas(database.url, [CORE_SCHEMA]);
    dataSource = await createDataSource({ url: database.url, schema: CORE_SCHEMA }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE "core"."client", "core"."client_publication_log"');
  });

  const row = async () =>
    (await dataSource.query(`SELECT name, version, active, secret_hashes FROM "core"."client" WHERE client_id = $1`, ['c'.repeat(64)]))[0];
  const log = () => dataSource.query(`SELECT version, outcome FROM "core"."client_publication_log" ORDER BY version`);

  it('creates the client, then updates it with each higher version', async () => {
    expect(await applyClientPublication(dataSource, job(configuration(1)))).toBe('applied');
    expect(await row()).toMatchObject({ name: 'Portail v1', version: 1, active: true });
    expect(await applyClientPublication(dataSource, job(configuration(2, { active: false, secretHashes: [] })))).toBe('applied');
    expect(await row()).toMatchObject({ name: 'Portail v2', version: 2, active: false, secret_hashes: [] });
  });

  it('applies a replayed publication only once (a worker died after applying it)', async () => {
    const first = job(configuration(1));
    expect(await applyClientPublication(dataSource, first)).toBe('applied');
    // Changed behind the publication's back: a replay must not write the row again.
    await dataSource.query(`UPDATE "core"."client" SET name = 'modifié' WHERE client_id = $1`, ['c'.repeat(64)]);
    expect(await applyClientPublication(dataSource, first)).toBe('already-applied');
    expect(await row()).toMatchObject({ name: 'modifié', version: 1 });
    expect(await log()).toEqual([{ version: 1, outcome: 'applied' }]);
  });

  it('never brings an older configuration back when publications arrive out of order', async () => {
    expect(await applyClientPublication(dataSource, job(configuration(3)))).toBe('applied');
    expect(await applyClientPublication(dataSource, job(configuration(2)))).toBe('superseded');
    expect(await row()).toMatchObject({ name: 'Portail v3', version: 3 });
    expect(await log()).toEqual([
      { version: 2, outcome: 'superseded' },
      { version: 3, outcome: 'applied' },
    ]);
  });

  it('applies concurrent publications of one client to the highest version', async () => {
    const outcomes = await Promise.all([1, 2, 3, 4, 5].map((version) => applyClientPublication(dataSource, job(configuration(version)))));
    expect(outcomes.filter((outcome) => outcome === 'applied').length).toBeGreaterThanOrEqual(1);
    expect(await row()).toMatchObject({ version: 5, name: 'Portail v5' });
    expect((await log()).map((entry: { version: number }) => entry.version)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rolls everything back when the core refuses the configuration', async () => {
    await expect(applyClientPublication(dataSource, job(configuration(1, { maxEidasLevel: 'eidas9' as never })))).rejects.toMatchObject({ code: '23514' });
    expect(await row()).toBeUndefined();
    expect(await log()).toEqual([]);
  });
});
