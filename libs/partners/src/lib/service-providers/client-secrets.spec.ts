import { hashClientSecret, matchesClientSecret } from '@federation/oidc';
import { AuditLogEntity, ClientSecretEntity } from '@federation/partners-data';
import {
  memberOf,
  platformAdmin,
  publicationsOf,
  RELAXED_RATE_LIMITS,
  startPartnersTestApp,
  validatedHabilitation,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';

const SIRET = '21690123100011';
const HOUR = 3600 * 1000;
const OVERLAP_MS = 48 * HOUR;

describe('client secrets: shown once, stored as hashes, rotated with an overlap', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let instructor: ApiClient;

  beforeAll(async () => {
    test = await startPartnersTestApp('client-secrets', {
      secretRotationOverlapMs: OVERLAP_MS,
      rateLimits: { ...RELAXED_RATE_LIMITS, clientSecretPerClient: { limit: 10, windowSeconds: 3600 } },
    });
    member = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    instructor = (await platformAdmin(test)).client;
  });

  afterAll(() => test?.close());

  async function sandboxClient(): Promise<{ id: string; clientId: string }> {
    const habilitationId = await validatedHabilitation(member.client, instructor, member.organisation.id);
    return (await member.client.get(`/api/habilitations/${habilitationId}/service-providers`)).body[0];
  }

  const issue = (id: string) => member.client.post(`/api/service-providers/${id}/secrets`, {});

  it('shows the first secret once, then only its last four characters; the database keeps its SHA-256', async () => {
    // Given a sandbox client without secret
    const client = await sandboxClient();

    // When a member asks for its secret
    const response = await issue(client.id);

    // Then the answer holds the secret (256 bits, base64url) and the client, now with one current secret
    expect(response.status).toBe(201);
    const { clientSecret, last4, previousSecretNotAfter, serviceProvider } = response.body;
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(last4).toBe(clientSecret.slice(-4));
    expect(previousSecretNotAfter).toBeNull();
    expect(response.body.clientId).toBe(client.clientId);
    expect(serviceProvider).toMatchObject({ id: client.id, configVersion: 2, publication: { version: 2, status: 'pending' } });
    expect(serviceProvider.secrets).toEqual([{ id: expect.any(String), last4, createdAt: expect.any(String), notAfter: null }]);

    // And reading the client again never gives it back
    const read = await member.client.get(`/api/service-providers/${client.id}`);
    expect(JSON.stringify(read.body)).not.toContain(clientSecret);
    expect(read.body.secrets).toEqual(serviceProvider.secrets);

    // And the database row is its hash and its end, made by that member; the publication carries the hash only
    const rows = await test.dataSource.getRepository(ClientSecretEntity).findBy({ serviceProviderId: client.id });
    expect(rows).toEqual([expect.objectContaining({ sha256: hashClientSecret(clientSecret), last4, notAfter: null, createdBy: member.account.id })]);
    const publication = (await publicationsOf(test, client.id)).at(-1);
    expect(publication?.configuration.secretHashes).toEqual([{ sha256: hashClientSecret(clientSecret), notAfter: null }]);
    expect(JSON.stringify(publication)).not.toContain(clientSecret);
    expect(matchesClientSecret(clientSecret, publication?.configuration.secretHashes ?? [])).toBe(true);

    // And the audit log knows who issued which secret by its last four characters only
    const audit = await test.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ targetId: client.id, action: 'service_provider.secret_issue' });
    expect(audit).toMatchObject({ actorAccountId: member.account.id, targetType: 'service_provider', details: { last4, configVersion: 2 } });
    expect(JSON.stringify(audit)).not.toContain(clientSecret);
    expect(JSON.stringify(audit)).not.toContain(hashClientSecret(clientSecret));
  });

  it('keeps the previous secret working during the overlap after a rotation: two valid hashes are published', async () => {
    // Given a client with a secret
    const client = await sandboxClient();
    const first = (await issue(client.id)).body.clientSecret as string;

    // When it is rotated
    const before = Date.now();
    const rotation = await issue(client.id);
    const after = Date.now();

    // Then the new secret is current and the old one stops at now + overlap
    expect(rotation.status).toBe(201);
    const second = rotation.body.clientSecret as string;
    expect(second).not.toBe(first);
    const previousEnd = Date.parse(rotation.body.previousSecretNotAfter);
    expect(previousEnd).toBeGreaterThanOrEqual(before + OVERLAP_MS - 1000);
    expect(previousEnd).toBeLessThanOrEqual(after + OVERLAP_MS + 1000);
    expect(rotation.body.serviceProvider.secrets.map((secret: { last4: string; notAfter: string | null }) => [secret.last4, secret.notAfter])).toEqual([
      [second.slice(-4), null],
      [first.slice(-4), rotation.body.previousSecretNotAfter],
    ]);

    // And the new publication lets the core accept both, the old one until the end of the overlap only
    const publication = (await publicationsOf(test, client.id)).at(-1);
    expect(publication?.configuration).toMatchObject({
      version: 3,
      secretHashes: [
        { sha256: hashClientSecret(second), notAfter: null },
        { sha256: hashClientSecret(first), notAfter: rotation.body.previousSecretNotAfter },
      ],
    });
    const hashes = publication?.configuration.secretHashes ?? [];
    expect([matchesClientSecret(first, hashes), matchesClientSecret(second, hashes)]).toEqual([true, true]);
    expect(matchesClientSecret(first, hashes, previousEnd + 1)).toBe(false);
    expect(matchesClientSecret(second, hashes, previousEnd + 1)).toBe(true);
    const audit = await test.dataSource.getRepository(AuditLogEntity).findOneByOrFail({ targetId: client.id, action: 'service_provider.secret_rotate' });
    expect(audit.details).toMatchObject({ last4: second.slice(-4), previousLast4: first.slice(-4), previousNotAfter: rotation.body.previousSecretNotAfter });
  });

  it('cuts the oldest secret at once on a third rotation: never more than two secrets work', async () => {
    // Given a client rotated once (two secrets valid)
    const client = await sandboxClient();
    const first = (await issue(client.id)).body.clientSecret as string;
    const second = (await issue(client.id)).body.clientSecret as string;

    // When it is rotated again
    const third = await issue(client.id);

    // Then the first secret stops now, the second until the end of the overlap, the third is current
    const [current, previous, oldest] = third.body.serviceProvider.secrets;
    expect(current).toMatchObject({ last4: third.body.clientSecret.slice(-4), notAfter: null });
    expect(previous).toMatchObject({ last4: second.slice(-4), notAfter: third.body.previousSecretNotAfter });
    expect(oldest.last4).toBe(first.slice(-4));
    expect(Math.abs(Date.parse(oldest.notAfter) - Date.now())).toBeLessThan(10_000);

    // And the core is given the two last ones only
    const publication = (await publicationsOf(test, client.id)).at(-1);
    expect(publication?.configuration.secretHashes.map((hash) => hash.sha256)).toEqual([hashClientSecret(third.body.clientSecret), hashClientSecret(second)]);
    expect(matchesClientSecret(first, publication?.configuration.secretHashes ?? [])).toBe(false);
  });

  it('refuses a body with fields, and issues nothing', async () => {
    const client = await sandboxClient();

    const response = await member.client.post(`/api/service-providers/${client.id}/secrets`, { clientSecret: 'je-choisis-mon-secret' });

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'clientSecret', messages: ['Ce champ n’est pas attendu.'] }]);
    expect(await test.dataSource.getRepository(ClientSecretEntity).countBy({ serviceProviderId: client.id })).toBe(0);
  });

  it('issues ten secrets per client and per hour at most, with a French 429', async () => {
    // Given a client whose secret was issued ten times this hour
    const client = await sandboxClient();
    for (let attempt = 0; attempt < 10; attempt++) expect((await issue(client.id)).status).toBe(201);

    // When an eleventh is asked for
    const refused = await issue(client.id);

    // Then it is refused and nothing changed; another client is not affected
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('P000007');
    expect(refused.body.message).toMatch(/^Trop de tentatives/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await test.dataSource.getRepository(ClientSecretEntity).countBy({ serviceProviderId: client.id })).toBe(10);
    expect((await issue((await sandboxClient()).id)).status).toBe(201);
  });
});
