import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { CONSENT_SCHEMA } from '@federation/consent-data';
import { createDataSourceOptions, migrateSchemas } from '@federation/database';
import { hashClientSecret, RedisOidcAdapter } from '@federation/oidc';
import { REDIS_CLIENT, RedisModule } from '@federation/server';
import {
  createTestDatabase,
  deleteRedisKeys,
  testInfrastructure,
  testRedisPrefix,
  type TestDatabase,
} from '@federation/testing';
import type Redis from 'ioredis';
import {
  compactDecrypt,
  createLocalJWKSet,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JWK,
} from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { ConsentServiceModule, mountCheckToken } from '../consent-service.module';
import { CitizenRecordsService } from '../records/citizen-records.service';

const DGFIP_SECRET = randomBytes(32).toString('base64url');
const MESR_SECRET = randomBytes(32).toString('base64url');
const INTERNAL_TOKEN = randomBytes(32).toString('base64url');
const IDENTITY = {
  given_name: 'Angela Claire Louise',
  family_name: 'Dubois',
  birthdate: '1962-08-24',
  gender: 'female',
  birthplace: '75107',
  birthcountry: '99100',
};

describe('checktoken (consent service, real PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let base: string;
  let redis: Redis;
  let dataSource: DataSource;
  let records: CitizenRecordsService;
  const prefix = testRedisPrefix('checktoken');
  let cnafSigningKey: CryptoKey;
  let cnafDecryptionKey: CryptoKey;
  let jwks: ReturnType<typeof createLocalJWKSet>;
  const providerIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase('checktoken');
    await migrateSchemas(database.url, [CONSENT_SCHEMA]);
    const signing = await generateKeyPair('ES256', { extractable: true });
    const cnafSigning = await generateKeyPair('ES256', { extractable: true });
    const cnafEncryption = await generateKeyPair('ECDH-ES', { extractable: true });
    cnafSigningKey = cnafSigning.privateKey;
    cnafDecryptionKey = cnafEncryption.privateKey;

    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot(createDataSourceOptions({ url: database.url, schema: CONSENT_SCHEMA, poolSize: 4 })),
        RedisModule.forRoot({ url: testInfrastructure().redisUrl, prefix, service: 'consent-test' }),
        ConsentServiceModule.forRoot({
          publicUrl: 'http://consent.test',
          signingJwks: { keys: [{ ...(await exportJWK(signing.privateKey)), alg: 'ES256', kid: 'consent-1' }] },
          subjectSecret: randomBytes(32).toString('base64url'),
          internalToken: INTERNAL_TOKEN,
          redisPrefix: prefix,
          coreRedisPrefix: prefix,
          registryCacheTtlMs: 0,
        }),
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    mountCheckToken(app);
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    redis = app.get(REDIS_CLIENT);
    dataSource = app.get<DataSource>(getDataSourceToken());
    records = app.get(CitizenRecordsService);

    const provider = async (
      slug: string,
      method: string,
      scopes: [string, string][],
      extra: { secret?: string; jwks?: unknown; encryption?: JWK } = {},
    ) => {
      const [row] = (await dataSource.query(
        `INSERT INTO consent.data_provider (slug, name, client_id, secret_hashes, token_endpoint_auth_method, jwks, encryption_jwk, encryption_alg, encryption_enc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          slug,
          `Fournisseur ${slug}`,
          `fd-${slug}`,
          JSON.stringify(extra.secret ? [{ sha256: hashClientSecret(extra.secret), notAfter: null }] : []),
          method,
          extra.jwks ? JSON.stringify(extra.jwks) : null,
          extra.encryption ? JSON.stringify(extra.encryption) : null,
          extra.encryption ? 'ECDH-ES' : null,
          extra.encryption ? 'A256GCM' : null,
        ],
      )) as { id: string }[];
      providerIds[slug] = row.id;
      for (const [index, [scope, label]] of scopes.entries())
        await dataSource.query(
          'INSERT INTO consent.data_provider_scope (scope, data_provider_id, label, display_order) VALUES ($1, $2, $3, $4)',
          [scope, row.id, label, index],
        );
    };
    await provider('dgfip', 'client_secret_basic', [['dgfip_rfr', 'Revenu fiscal de référence'], ['dgfip_nbpart', 'Nombre de parts fiscales']], { secret: DGFIP_SECRET });
    await provider('mesr', 'client_secret_post', [['mesr_statut_etudiant', 'Statut étudiant']], { secret: MESR_SECRET });
    await provider('cnaf', 'private_key_jwt', [['cnaf_quotient_familial', 'Quotient familial']], {
      jwks: { keys: [{ ...(await exportJWK(cnafSigning.publicKey)), kid: 'cnaf-sig', alg: 'ES256' }] },
      encryption: { ...(await exportJWK(cnafEncryption.publicKey)), kid: 'cnaf-enc' },
    });
    jwks = createLocalJWKSet((await (await fetch(`${base}/api/jwks`)).json()) as { keys: JWK[] });
  });

  afterAll(async () => {
    await app?.close();
    await deleteRedisKeys(testInfrastructure().redisUrl, prefix);
    await database?.drop();
  });

  /** What the core does for a login: a grant, an account, the consent recorded, an access token. */
  async function login(scope: string, options: { ttl?: number; clientId?: string } = {}) {
    const grantId = randomUUID();
    const accountId = randomBytes(32).toString('hex');
    const citizenKey = `${randomBytes(32).toString('hex')}v1`;
    const recorded = await fetch(`${base}/internal/logins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INTERNAL_TOKEN}` },
      body: JSON.stringify({
        grantId,
        citizenKey,
        clientId: options.clientId ?? 'client-a',
        clientName: 'Démarche en ligne A',
        identityProviderSlug: 'impots',
        identityProviderName: 'Impots',
        acr: 'eidas2',
        scopes: scope.split(' '),
        consentTtlSeconds: 1800,
      }),
    });
    expect(recorded.status).toBe(201);
    await redis.set(`${prefix}:core:account:${accountId}`, JSON.stringify(IDENTITY), 'EX', 600);
    const token = randomBytes(32).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const ttl = options.ttl ?? 60;
    await new RedisOidcAdapter('AccessToken', redis, prefix).upsert(
      token,
      { kind: 'AccessToken', jti: token, accountId, clientId: options.clientId ?? 'client-a', grantId, scope, iat: now, exp: now + ttl },
      Math.max(ttl, 1),
    );
    return { token, grantId, citizenKey, consents: ((await recorded.json()) as { consents: { id: string; dataProviderSlug: string }[] }).consents };
  }

  const basic = (id: string, secret: string) =>
    `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  async function checkAsDgfip(token: string, secret = DGFIP_SECRET) {
    return fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('fd-dgfip', secret) },
      body: new URLSearchParams({ token }),
    });
  }

  async function introspection(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/token-introspection+jwt');
    const jwt = await response.text();
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', kid: 'consent-1', typ: 'token-introspection+jwt' });
    const { payload } = await jwtVerify(jwt, jwks, { issuer: 'http://consent.test', typ: 'token-introspection+jwt' });
    return payload as { aud: string; token_introspection: Record<string, unknown> };
  }

  async function cnafAssertion(jti: string = randomUUID()) {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'cnaf-sig' })
      .setIssuer('fd-cnaf')
      .setSubject('fd-cnaf')
      .setAudience('http://consent.test/api/checktoken')
      .setJti(jti)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(cnafSigningKey);
  }

  it('answers a data provider with only its scopes, its own sub, the acr, the client and the pivot identity, signed ES256', async () => {
    const { token } = await login('openid given_name dgfip_rfr dgfip_nbpart mesr_statut_etudiant');

    const payload = await introspection(await checkAsDgfip(token));

    expect(payload.aud).toBe('fd-dgfip');
    expect(payload.token_introspection).toMatchObject({
      active: true,
      scope: 'dgfip_rfr dgfip_nbpart',
      client_id: 'client-a',
      client_name: 'Démarche en ligne A',
      acr: 'eidas2',
      identity: IDENTITY,
    });
    expect(payload.token_introspection['sub']).toMatch(/^[0-9a-f]{64}$/);
    expect(payload.token_introspection['exp']).toBeGreaterThan(Date.now() / 1000);
  });

  it('gives each data provider a different, stable sub for the same citizen', async () => {
    const { token } = await login('openid dgfip_rfr mesr_statut_etudiant');
    const again = await introspection(await checkAsDgfip(token));
    const dgfip = await introspection(await checkAsDgfip(token));
    const mesr = await introspection(
      await fetch(`${base}/api/checktoken`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: 'fd-mesr', client_secret: MESR_SECRET }),
      }),
    );

    expect(dgfip.token_introspection['sub']).toBe(again.token_introspection['sub']);
    expect(mesr.token_introspection).toMatchObject({ active: true, scope: 'mesr_statut_etudiant' });
    expect(mesr.token_introspection['sub']).not.toBe(dgfip.token_introspection['sub']);
  });

  it('tells a data provider nothing about a token without any of its scopes', async () => {
    const { token } = await login('openid given_name mesr_statut_etudiant');

    const payload = await introspection(await checkAsDgfip(token));

    expect(payload.token_introspection).toEqual({ active: false });
  });

  it('answers inactive for unknown and expired tokens', async () => {
    const unknown = await introspection(await checkAsDgfip(randomBytes(32).toString('base64url')));
    const { token } = await login('openid dgfip_rfr', { ttl: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const expired = await introspection(await checkAsDgfip(token));

    expect(unknown.token_introspection).toEqual({ active: false });
    expect(expired.token_introspection).toEqual({ active: false });
  });

  it('refuses wrong or ambiguous credentials with 401 invalid_client, and a missing token with 400', async () => {
    const { token } = await login('openid dgfip_rfr');

    const wrongSecret = await checkAsDgfip(token, MESR_SECRET);
    const unknownClient = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('fd-inconnu', DGFIP_SECRET) },
      body: new URLSearchParams({ token }),
    });
    const otherMethod = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: 'fd-dgfip', client_secret: DGFIP_SECRET }),
    });
    const twoMethods = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('fd-dgfip', DGFIP_SECRET) },
      body: new URLSearchParams({ token, client_secret: DGFIP_SECRET }),
    });
    const noToken = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic('fd-dgfip', DGFIP_SECRET) },
      body: new URLSearchParams({}),
    });

    for (const response of [wrongSecret, unknownClient, otherMethod, twoMethods]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    }
    expect(noToken.status).toBe(400);
    expect(await noToken.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses malformed requests with a standard error and no answer about the token', async () => {
    const { token } = await login('openid dgfip_rfr');
    const authorization = basic('fd-dgfip', DGFIP_SECRET);
    const repeated = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: `token=${token}&token=${token}`,
    });
    const wrongType = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization },
      body: `token=${token}`,
    });
    const tooLarge = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: `token=${token}&padding=${'x'.repeat(20_000)}`,
    });
    const get = await fetch(`${base}/api/checktoken?token=${token}`, { headers: { authorization } });
    const json = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ token }),
    });

    expect([repeated.status, wrongType.status, tooLarge.status, get.status]).toEqual([400, 400, 413, 405]);
    for (const response of [repeated, wrongType, tooLarge, get]) expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    expect((await introspection(json)).token_introspection['active']).toBe(true);
  });

  it('accepts private_key_jwt once per assertion, and encrypts the answer to a provider that registered a key', async () => {
    const { token } = await login('openid cnaf_quotient_familial');
    const assertion = await cnafAssertion();
    const body = () =>
      new URLSearchParams({
        token,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      });

    const first = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body(),
    });
    const replayed = await fetch(`${base}/api/checktoken`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body(),
    });

    expect(first.status).toBe(200);
    const jwe = await first.text();
    expect(decodeProtectedHeader(jwe)).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', cty: 'JWT', kid: 'cnaf-enc' });
    const { plaintext } = await compactDecrypt(jwe, cnafDecryptionKey);
    const { payload } = await jwtVerify(new TextDecoder().decode(plaintext), jwks, { audience: 'fd-cnaf' });
    expect(payload['token_introspection']).toMatchObject({ active: true, scope: 'cnaf_quotient_familial' });
    expect(replayed.status).toBe(401);
  });

  it('makes tokens inactive at once when the citizen revokes the consent, even when the cache is lost', async () => {
    const { token, grantId, citizenKey, consents } = await login('openid dgfip_rfr');
    expect((await introspection(await checkAsDgfip(token))).token_introspection['active']).toBe(true);
    // Redis lost the consent: the database answers, and refills the cache.
    await redis.del(`${prefix}:consent:grant:${grantId}:${providerIds['dgfip']}`);
    expect((await introspection(await checkAsDgfip(token))).token_introspection['active']).toBe(true);

    expect(await records.revokeConsent('un-autre-citoyen-0000000000', consents[0].id)).toBe(false);
    expect(await records.revokeConsent(citizenKey, consents[0].id)).toBe(true);
    const afterRevocation = await introspection(await checkAsDgfip(token));
    await redis.del(`${prefix}:consent:grant:${grantId}:${providerIds['dgfip']}`);
    const afterCacheLoss = await introspection(await checkAsDgfip(token));

    expect(afterRevocation.token_introspection).toEqual({ active: false });
    expect(afterCacheLoss.token_introspection).toEqual({ active: false });
    expect(await records.revokeConsent(citizenKey, consents[0].id)).toBe(false);
  });

  it('records every successful check for the citizen, and shows them grouped per day with French labels', async () => {
    const { token, citizenKey } = await login('openid dgfip_rfr dgfip_nbpart');
    await introspection(await checkAsDgfip(token));
    await introspection(await checkAsDgfip(token));
    await Promise.all(Array.from({ length: 20 }, () => checkAsDgfip(token)));

    const since = new Date(Date.now() - 180 * 24 * 3600 * 1000);
    const accesses = await records.dataAccesses(citizenKey, since);
    const connections = await records.connections(citizenKey, since);
    const consents = await records.consents(citizenKey, since);

    expect(accesses).toEqual([
      expect.objectContaining({
        count: 22,
        clientName: 'Démarche en ligne A',
        dataProviderName: 'Fournisseur dgfip',
        scopeLabels: ['Revenu fiscal de référence', 'Nombre de parts fiscales'],
      }),
    ]);
    expect(connections).toEqual([
      expect.objectContaining({ clientName: 'Démarche en ligne A', identityProviderName: 'Impots', acr: 'eidas2' }),
    ]);
    expect(consents).toEqual([
      expect.objectContaining({ dataProviderName: 'Fournisseur dgfip', active: true, revokedAt: null }),
    ]);
  });

  it('lets only the core record logins, and refuses malformed records field by field', async () => {
    const anonymous = await fetch(`${base}/internal/logins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    const malformed = await fetch(`${base}/internal/logins`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INTERNAL_TOKEN}` },
      body: JSON.stringify({ grantId: 'g', citizenKey: 'court', acr: 'eidas9' }),
    });

    expect(anonymous.status).toBe(401);
    expect(malformed.status).toBe(400);
    const fields = ((await malformed.json()) as { fields: { field: string }[] }).fields.map((item) => item.field);
    expect(fields).toEqual(expect.arrayContaining(['citizenKey', 'acr', 'clientId', 'scopes']));
    expect(Number((await dataSource.query("SELECT count(*) FROM consent.connection WHERE grant_id = 'g'"))[0].count)).toBe(0);
  });

  it('publishes the data provider catalogue with French labels', async () => {
    const response = await fetch(`${base}/api/data-providers`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      dataProviders: expect.arrayContaining([
        {
          slug: 'dgfip',
          name: 'Fournisseur dgfip',
          scopes: [
            { scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' },
            { scope: 'dgfip_nbpart', label: 'Nombre de parts fiscales' },
          ],
        },
      ]),
    });
  });
});
