import { AuditLogEntity, ClientPublicationEntity, ClientSecretEntity, ServiceProviderEntity } from '@federation/partners-data';
import {
  habilitationContent,
  memberOf,
  platformAdmin,
  publicationsOf,
  startPartnersTestApp,
  submittedHabilitation,
  validatedHabilitation,
  validatedUpdate,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';

const SIRET = '21690123100011';

describe('the clients of a habilitation follow its decisions', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let instructor: ApiClient;

  beforeAll(async () => {
    test = await startPartnersTestApp('habilitation-clients');
    member = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    instructor = (await platformAdmin(test)).client;
  });

  afterAll(() => test?.close());

  const validated = (content = habilitationContent()) => validatedHabilitation(member.client, instructor, member.organisation.id, content);
  const clientsOf = async (habilitationId: string) => (await member.client.get(`/api/habilitations/${habilitationId}/service-providers`)).body;

  it('creates the sandbox client with the habilitation’s claims and level when it is validated, with a pending publication', async () => {
    // Given a submitted request for three claims at the substantial level: no client yet
    const content = habilitationContent({ projectName: 'Portail cantine', claims: ['email', 'given_name', 'family_name'], eidasLevel: 'eidas2' });
    const id = await submittedHabilitation(member.client, member.organisation.id, content);
    expect(await clientsOf(id)).toEqual([]);

    // When the instructor validates it
    expect((await instructor.post(`/api/admin/habilitations/${id}/validate`, {})).status).toBe(200);

    // Then its organisation sees one sandbox client for localhost, allowed openid and those claims (catalogue order), up to eidas2
    const clients = await clientsOf(id);
    expect(clients).toHaveLength(1);
    const [sandbox] = clients;
    expect(sandbox).toMatchObject({
      habilitationId: id,
      organisationId: member.organisation.id,
      environment: 'sandbox',
      name: 'Portail cantine',
      redirectUris: ['http://localhost:8080/login-callback'],
      postLogoutRedirectUris: ['http://localhost:8080/logout-callback'],
      connectPageUrl: null,
      idTokenSignedResponseAlg: 'ES256',
      tokenEndpointAuthMethod: 'client_secret_basic',
      jwksUri: null,
      scopes: ['openid', 'given_name', 'family_name', 'email'],
      maxEidasLevel: 'eidas2',
      status: 'active',
      configVersion: 1,
      secrets: [],
      publication: { version: 1, status: 'pending', failureReason: null, publishedAt: null },
      editable: true,
      secretOverlapHours: 168,
    });
    expect(sandbox.clientId).toMatch(/^[0-9a-f]{64}$/);

    // And the publication carries the complete configuration, without any secret yet
    const [publication] = await publicationsOf(test, sandbox.id);
    expect(publication?.configuration).toEqual({
      clientId: sandbox.clientId,
      version: 1,
      environment: 'sandbox',
      name: 'Portail cantine',
      entityId: `habilitation:${id}`,
      redirectUris: ['http://localhost:8080/login-callback'],
      postLogoutRedirectUris: ['http://localhost:8080/logout-callback'],
      scopes: ['openid', 'given_name', 'family_name', 'email'],
      maxEidasLevel: 'eidas2',
      tokenEndpointAuthMethod: 'client_secret_basic',
      idTokenSignedResponseAlg: 'ES256',
      jwksUri: null,
      active: true,
      secretHashes: [],
    });
  });

  it('creates nothing when a request is refused', async () => {
    const id = await submittedHabilitation(member.client, member.organisation.id);

    await instructor.post(`/api/admin/habilitations/${id}/refuse`, { message: 'Base légale insuffisante pour ces données.' });

    expect(await clientsOf(id)).toEqual([]);
  });

  it('gives every active client the new claims and level once an update is validated, as a new published version', async () => {
    // Given a validated habilitation with a sandbox client
    const id = await validated(habilitationContent({ claims: ['given_name'], eidasLevel: 'eidas1' }));
    const [before] = await clientsOf(id);

    // When an update asking for the birth date at the substantial level is validated
    await validatedUpdate(member.client, instructor, id, { claims: ['given_name', 'birthdate'], eidasLevel: 'eidas2' });

    // Then the same client (same client_id) has the new rights in version 2, published with them
    const [after] = await clientsOf(id);
    expect(after).toMatchObject({ id: before.id, clientId: before.clientId, scopes: ['openid', 'given_name', 'birthdate'], maxEidasLevel: 'eidas2', configVersion: 2 });
    expect(after.publication).toMatchObject({ version: 2, status: 'pending' });
    const publications = await publicationsOf(test, before.id);
    expect(publications.map((publication) => [publication.version, publication.configuration.scopes, publication.configuration.maxEidasLevel])).toEqual([
      [1, ['openid', 'given_name'], 'eidas1'],
      [2, ['openid', 'given_name', 'birthdate'], 'eidas2'],
    ]);
  });

  it('publishes nothing new when a validated update leaves the claims and the level as they were', async () => {
    const id = await validated();
    const [client] = await clientsOf(id);

    await validatedUpdate(member.client, instructor, id, habilitationContent().data);

    expect((await clientsOf(id))[0].configVersion).toBe(1);
    expect(await publicationsOf(test, client.id)).toHaveLength(1);
  });

  it('revokes every client with the habilitation: secrets ended, an inactive publication without any hash', async () => {
    // Given a validated habilitation whose sandbox client has a secret
    const id = await validated();
    const [client] = await clientsOf(id);
    expect((await member.client.post(`/api/service-providers/${client.id}/secrets`, {})).status).toBe(201);

    // When the instructor revokes the habilitation
    const revocation = await instructor.post(`/api/admin/habilitations/${id}/revoke`, { message: 'Le service a fermé ses portes.' });

    // Then the client is revoked with the reason, its secret ends now, and version 3 tells the core to refuse it
    expect(revocation.status).toBe(200);
    const [revoked] = await clientsOf(id);
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'Le service a fermé ses portes.', configVersion: 3, editable: false });
    expect(Date.now() - Date.parse(revoked.revokedAt)).toBeLessThan(10_000);
    expect(revoked.secrets.map((secret: { notAfter: string }) => secret.notAfter)).toEqual([revoked.revokedAt]);
    const last = (await publicationsOf(test, client.id)).at(-1);
    expect(last).toMatchObject({ version: 3, status: 'pending', configuration: { version: 3, active: false, secretHashes: [] } });

    // And nothing can be done with it any more
    const secret = await member.client.post(`/api/service-providers/${client.id}/secrets`, {});
    const patch = await member.client.patch(`/api/service-providers/${client.id}`, { name: 'Nouveau nom' });
    expect([secret.status, secret.body.code, patch.status, patch.body.code]).toEqual([409, 'P050002', 409, 'P050002']);
  });

  it('writes the decision and the clients together: a decision whose publication fails leaves nothing behind', async () => {
    // Given a submitted request, and a database that refuses to write its client's publication
    const id = await submittedHabilitation(member.client, member.organisation.id, habilitationContent({ projectName: 'Publication impossible' }));
    await test.dataSource.query(`
      CREATE FUNCTION partners.refuse_publication() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.configuration->>'name' = 'Publication impossible' THEN RAISE EXCEPTION 'publication refused by the test'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_publication BEFORE INSERT ON partners.client_publication FOR EACH ROW EXECUTE FUNCTION partners.refuse_publication();`);

    // When the instructor validates it
    const response = await instructor.post(`/api/admin/habilitations/${id}/validate`, {});
    await test.dataSource.query('DROP TRIGGER refuse_publication ON partners.client_publication; DROP FUNCTION partners.refuse_publication();');

    // Then the validation failed as a whole: still submitted, no client, no audit entry
    expect(response.status).toBe(500);
    expect((await member.client.get(`/api/habilitations/${id}`)).body.status).toBe('submitted');
    expect(await test.dataSource.getRepository(ServiceProviderEntity).countBy({ habilitationId: id })).toBe(0);
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id, action: 'habilitation.validate' })).toBe(0);
  });

  it('never stores a secret in clear: the database holds its SHA-256 and last four characters only', async () => {
    const id = await validated();
    const [client] = await clientsOf(id);

    const issued = (await member.client.post(`/api/service-providers/${client.id}/secrets`, {})).body;

    const dump = JSON.stringify([
      await test.dataSource.getRepository(ClientSecretEntity).find(),
      await test.dataSource.getRepository(ClientPublicationEntity).find(),
      await test.dataSource.getRepository(AuditLogEntity).find(),
    ]);
    expect(dump).not.toContain(issued.clientSecret);
    expect(dump).toContain(issued.last4);
  });
});
