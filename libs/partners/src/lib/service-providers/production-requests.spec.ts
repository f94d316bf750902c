import { AuditLogEntity, ProductionRequestEntity, ServiceProviderEntity, VendorEntity } from '@federation/partners-data';
import {
  habilitationContent,
  memberOf,
  platformAdmin,
  publicationsOf,
  startPartnersTestApp,
  submittedHabilitation,
  validatedHabilitation,
  type PartnersTestApp,
} from '../../testing';

const SIRET = '21690123100011';
const OTHER_SIRET = '11000101300017';

const TECHNICAL_CONTACT = { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@mairie-lyon.fr', phone: '06 12 34 56 78', jobTitle: 'Cheffe de projet numérique' };

describe('production requests: from the request to the production client', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let otherMember: Awaited<ReturnType<typeof memberOf>>;
  let instructor: Awaited<ReturnType<typeof platformAdmin>>;
  let counter = 0;

  beforeAll(async () => {
    test = await startPartnersTestApp('production-requests');
    member = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    otherMember = await memberOf(test, OTHER_SIRET, 'agent@interieur.gouv.fr');
    instructor = await platformAdmin(test);
  });

  afterAll(() => test?.close());

  const validated = (content = habilitationContent()) => validatedHabilitation(member.client, instructor.client, member.organisation.id, content);

  /** A request body whose service name is unique to one test, so its mails are its own. */
  function requestBody(overrides: Record<string, unknown> = {}) {
    return {
      serviceName: `Portail famille ${++counter}`,
      connectPageUrl: 'https://portail.mairie-lyon.fr/connexion',
      redirectUris: ['https://portail.mairie-lyon.fr/login-callback'],
      postLogoutRedirectUris: ['https://portail.mairie-lyon.fr/logout-callback'],
      technicalContact: TECHNICAL_CONTACT,
      ...overrides,
    };
  }

  const file = (habilitationId: string, body = requestBody()) => member.client.post(`/api/habilitations/${habilitationId}/production-requests`, body);
  const decide = (id: string, action: 'validate' | 'refuse', body: Record<string, unknown> = {}) =>
    instructor.client.post(`/api/admin/production-requests/${id}/${action}`, body);

  it('goes from the request to a published production client, the instructors and the requester being told', async () => {
    // Given a validated habilitation for two claims at the substantial level
    const habilitationId = await validated(habilitationContent({ projectName: 'Cantine scolaire', claims: ['family_name', 'given_name'], eidasLevel: 'eidas2' }));
    const body = requestBody();

    // When a member files a production request
    const filed = await file(habilitationId, body);

    // Then it waits for review, as the member and the admins see it, and the instructors are told
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({
      id: expect.any(String),
      habilitationId,
      habilitationProjectName: 'Cantine scolaire',
      organisation: { id: member.organisation.id, siret: SIRET, name: member.organisation.name },
      status: 'submitted',
      serviceName: body.serviceName,
      connectPageUrl: body.connectPageUrl,
      redirectUris: body.redirectUris,
      postLogoutRedirectUris: body.postLogoutRedirectUris,
      technicalContact: { ...TECHNICAL_CONTACT, phone: '+33612345678' },
      vendor: null,
      decisionMessage: null,
      decidedAt: null,
      serviceProviderId: null,
      createdAt: expect.any(String),
    });
    const id = filed.body.id;
    expect((await member.client.get(`/api/habilitations/${habilitationId}/production-requests`)).body).toEqual([filed.body]);
    expect((await instructor.client.get(`/api/admin/production-requests/${id}`)).body).toEqual(filed.body);
    const notice = await test.mailbox.waitForMail(instructor.account.email, (mail) => mail.subject === `Passage en production à examiner : ${body.serviceName}`);
    expect(notice.text).toContain(`http://portail.test/admin/production/${id}`);
    expect(notice.text).toContain(SIRET);

    // When an admin validates it with a message
    const validation = await decide(id, 'validate', { message: 'Bonne mise en production !' });

    // Then a production client is issued with the habilitation's rights and the request's URIs, and published
    expect(validation.status).toBe(200);
    expect(validation.body).toMatchObject({ status: 'validated', decisionMessage: 'Bonne mise en production !', serviceProviderId: expect.any(String) });
    expect(validation.body.decidedAt).not.toBeNull();
    const clients = (await member.client.get(`/api/habilitations/${habilitationId}/service-providers`)).body;
    expect(clients.map((client: { environment: string }) => client.environment)).toEqual(['sandbox', 'production']);
    expect(clients[1]).toMatchObject({
      id: validation.body.serviceProviderId,
      environment: 'production',
      name: body.serviceName,
      connectPageUrl: body.connectPageUrl,
      redirectUris: body.redirectUris,
      postLogoutRedirectUris: body.postLogoutRedirectUris,
      scopes: ['openid', 'given_name', 'family_name'],
      maxEidasLevel: 'eidas2',
      status: 'active',
      configVersion: 1,
      secrets: [],
      editable: false,
      publication: { version: 1, status: 'pending' },
    });
    expect(clients[1].clientId).not.toBe(clients[0].clientId);
    const [publication] = await publicationsOf(test, clients[1].id);
    expect(publication?.configuration).toMatchObject({ environment: 'production', entityId: `habilitation:${habilitationId}`, active: true, secretHashes: [] });

    // And the requester is told, the secret is then issued in the portal like the sandbox's
    const mail = await test.mailbox.waitForMail(member.account.email, (candidate) => candidate.subject === `Passage en production validé : ${body.serviceName}`);
    expect(mail.text).toContain('Bonne mise en production !');
    expect(mail.text).toContain(`http://portail.test/habilitations/${habilitationId}/production`);
    expect((await member.client.post(`/api/service-providers/${clients[1].id}/secrets`, {})).status).toBe(201);

    // And both steps are in the audit log
    const actions = (await test.dataSource.getRepository(AuditLogEntity).find({ where: { targetId: id }, order: { createdAt: 'ASC' } })).map((entry) => [
      entry.action,
      entry.actorAccountId,
    ]);
    expect(actions).toEqual([
      ['production_request.create', member.account.id],
      ['production_request.validate', instructor.account.id],
    ]);
  });

  it('refuses a request with the reason, sent to the requester; no client is issued', async () => {
    const habilitationId = await validated();
    const body = requestBody();
    const id = (await file(habilitationId, body)).body.id;

    const refusal = await decide(id, 'refuse', { message: 'La page de connexion ne montre pas le bouton FranceConnect.' });

    expect(refusal.status).toBe(200);
    expect(refusal.body).toMatchObject({ status: 'refused', decisionMessage: 'La page de connexion ne montre pas le bouton FranceConnect.', serviceProviderId: null });
    const mail = await test.mailbox.waitForMail(member.account.email, (candidate) => candidate.subject === `Passage en production refusé : ${body.serviceName}`);
    expect(mail.text).toContain('La page de connexion ne montre pas le bouton FranceConnect.');
    expect(await test.dataSource.getRepository(ServiceProviderEntity).countBy({ habilitationId, environment: 'production' })).toBe(0);
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id, action: 'production_request.refuse', actorAccountId: instructor.account.id })).toBe(1);
  });

  it('needs a reason to refuse', async () => {
    const id = (await file(await validated())).body.id;

    const response = await decide(id, 'refuse', {});

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['message']);
    expect((await instructor.client.get(`/api/admin/production-requests/${id}`)).body.status).toBe('submitted');
  });

  it('issues the production client at once, without review, when the habilitation relies on an active vendor’s solution', async () => {
    // Given a habilitation validated with a qualified vendor's solution
    const vendor = await test.dataSource.getRepository(VendorEntity).save({ name: 'Logiciels Municipaux', siret: null, active: true });
    const habilitationId = await validated(habilitationContent({ vendorId: vendor.id }));
    const body = requestBody();

    // When a member files a production request
    const response = await file(habilitationId, body);

    // Then it is validated already, with its production client, and the requester is told why
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'validated', vendor: { id: vendor.id, name: 'Logiciels Municipaux' }, serviceProviderId: expect.any(String) });
    expect(response.body.decidedAt).not.toBeNull();
    const client = (await member.client.get(`/api/service-providers/${response.body.serviceProviderId}`)).body;
    expect(client).toMatchObject({ environment: 'production', status: 'active', name: body.serviceName, publication: { version: 1, status: 'pending' } });
    const mail = await test.mailbox.waitForMail(member.account.email, (candidate) => candidate.subject === `Passage en production validé : ${body.serviceName}`);
    expect(mail.text).toContain('sans examen technique');

    // And there is nothing left to review
    const again = await decide(response.body.id, 'validate');
    expect([again.status, again.body.code]).toEqual([409, 'P050006']);
  });

  it('sends the request to review when the vendor was deactivated since', async () => {
    const vendor = await test.dataSource.getRepository(VendorEntity).save({ name: 'Éditeur retiré', siret: null, active: true });
    const habilitationId = await validated(habilitationContent({ vendorId: vendor.id }));
    await test.dataSource.getRepository(VendorEntity).update({ id: vendor.id }, { active: false });

    const response = await file(habilitationId);

    expect(response.body).toMatchObject({ status: 'submitted', vendor: null, serviceProviderId: null });
  });

  describe('refuses what the state does not allow, with a 409 that changes nothing', () => {
    it('a request from a habilitation not validated yet', async () => {
      const habilitationId = await submittedHabilitation(member.client, member.organisation.id);

      const response = await file(habilitationId);

      expect([response.status, response.body.code]).toEqual([409, 'P050004']);
      expect(await test.dataSource.getRepository(ProductionRequestEntity).countBy({ habilitationId })).toBe(0);
    });

    it('a request from a revoked habilitation', async () => {
      const habilitationId = await validated();
      await instructor.client.post(`/api/admin/habilitations/${habilitationId}/revoke`, { message: 'Le service a fermé ses portes.' });

      const response = await file(habilitationId);

      expect([response.status, response.body.code]).toEqual([409, 'P050004']);
    });

    it('a second request while one is under review', async () => {
      const habilitationId = await validated();
      await file(habilitationId);

      const response = await file(habilitationId);

      expect([response.status, response.body.code]).toEqual([409, 'P050005']);
      expect(await test.dataSource.getRepository(ProductionRequestEntity).countBy({ habilitationId })).toBe(1);
    });

    it('a decision on a request already decided', async () => {
      const validatedId = (await file(await validated())).body.id;
      await decide(validatedId, 'validate');
      const refusedId = (await file(await validated())).body.id;
      await decide(refusedId, 'refuse', { message: 'Adresse de retour injoignable.' });

      const responses = [
        await decide(validatedId, 'validate'),
        await decide(validatedId, 'refuse', { message: 'Finalement non, désolé.' }),
        await decide(refusedId, 'validate'),
      ];

      expect(responses.map((response) => [response.status, response.body.code])).toEqual([
        [409, 'P050006'],
        [409, 'P050006'],
        [409, 'P050006'],
      ]);
      expect(responses[2]?.body.message).toContain('« Refusée »');
      expect((await instructor.client.get(`/api/admin/production-requests/${refusedId}`)).body).toMatchObject({ status: 'refused', serviceProviderId: null });
    });

    it('the validation of a request whose habilitation was revoked meanwhile: no production client', async () => {
      const habilitationId = await validated();
      const id = (await file(habilitationId)).body.id;
      await instructor.client.post(`/api/admin/habilitations/${habilitationId}/revoke`, { message: 'Le service a fermé ses portes.' });

      const response = await decide(id, 'validate');

      expect([response.status, response.body.code]).toEqual([409, 'P050004']);
      expect(await test.dataSource.getRepository(ServiceProviderEntity).countBy({ habilitationId, environment: 'production' })).toBe(0);
      expect((await decide(id, 'refuse', { message: 'L’habilitation a été révoquée.' })).status).toBe(200);
    });
  });

  it('checks the request’s fields, naming each wrong address', async () => {
    const habilitationId = await validated();

    const response = await file(
      habilitationId,
      requestBody({
        connectPageUrl: 'http://portail.mairie-lyon.fr/connexion',
        redirectUris: ['https://portail.mairie-lyon.fr/cb', 'https://portail.mairie-lyon.fr/cb#x'],
        postLogoutRedirectUris: ['https://*.mairie-lyon.fr/'],
        technicalContact: { ...TECHNICAL_CONTACT, phone: '04 72 10 30 30' },
      }),
    );

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['technicalContact.phone']);
    const uris = await file(
      habilitationId,
      requestBody({
        connectPageUrl: 'http://portail.mairie-lyon.fr/connexion',
        redirectUris: ['https://portail.mairie-lyon.fr/cb', 'https://portail.mairie-lyon.fr/cb#x'],
        postLogoutRedirectUris: ['https://*.mairie-lyon.fr/'],
      }),
    );
    expect(uris.body.errors.map((error: { field: string }) => error.field)).toEqual(['connectPageUrl', 'redirectUris.1', 'postLogoutRedirectUris.0']);
    const missing = await file(habilitationId, {} as never);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(['serviceName', 'connectPageUrl', 'redirectUris', 'technicalContact']);
    expect(await test.dataSource.getRepository(ProductionRequestEntity).countBy({ habilitationId })).toBe(0);
  });

  it('lists the requests for the admins, newest first, by status and by service, organisation or SIRET', async () => {
    // Given requests of two organisations
    const mine = (await file(await validated(), requestBody({ serviceName: 'Médiathèque en ligne' }))).body;
    const otherHabilitation = await validatedHabilitation(otherMember.client, instructor.client, otherMember.organisation.id);
    const theirs = (
      await otherMember.client.post(`/api/habilitations/${otherHabilitation}/production-requests`, requestBody({ serviceName: 'Démarches du ministère' }))
    ).body;

    // When the admins browse and search
    const all = (await instructor.client.get('/api/admin/production-requests?pageSize=2')).body;
    const byService = (await instructor.client.get('/api/admin/production-requests?search=médiathèque')).body;
    const bySiret = (await instructor.client.get(`/api/admin/production-requests?search=${OTHER_SIRET}`)).body;
    const byOrganisation = (await instructor.client.get(`/api/admin/production-requests?search=${encodeURIComponent(otherMember.organisation.name.slice(0, 12))}`)).body;
    const refused = (await instructor.client.get('/api/admin/production-requests?status=refused')).body;

    // Then they find them
    expect(all.items.map((item: { id: string }) => item.id)).toEqual([theirs.id, mine.id]);
    expect(all).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.total).toBeGreaterThan(2);
    expect(byService.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    expect(bySiret.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
    expect(byOrganisation.items.map((item: { id: string }) => item.id)).toContain(theirs.id);
    expect(refused.items.length).toBeGreaterThan(0);
    expect(refused.items.every((item: { status: string }) => item.status === 'refused')).toBe(true);
    const wrong = await instructor.client.get('/api/admin/production-requests?status=perdu');
    expect([wrong.status, wrong.body.errors[0].field]).toEqual([400, 'status']);
  });

  it('lets an admin revoke one client: the core is told to refuse it, the other clients keep working', async () => {
    // Given a habilitation with a sandbox and a production client, both with a secret
    const habilitationId = await validated();
    const { serviceProviderId } = (await decide((await file(habilitationId)).body.id, 'validate')).body;
    const [sandbox] = (await instructor.client.get(`/api/admin/habilitations/${habilitationId}/service-providers`)).body;
    await member.client.post(`/api/service-providers/${serviceProviderId}/secrets`, {});

    // When an admin revokes the production client
    const response = await instructor.client.post(`/api/admin/service-providers/${serviceProviderId}/revoke`, { reason: 'Usage non conforme aux conditions.' });

    // Then it is revoked and its last publication makes the core refuse it; the sandbox is untouched
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'revoked', revocationReason: 'Usage non conforme aux conditions.', configVersion: 3, publication: { version: 3 } });
    expect((await publicationsOf(test, serviceProviderId)).at(-1)?.configuration).toMatchObject({ active: false, secretHashes: [] });
    expect((await member.client.get(`/api/service-providers/${sandbox.id}`)).body).toMatchObject({ status: 'active', configVersion: 1 });
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: serviceProviderId, action: 'service_provider.revoke', actorAccountId: instructor.account.id })).toBe(1);
    // And the applicant is told why, by e-mail, with a link to the access
    const notice = await test.mailbox.waitForMail(member.account.email, (mail) => mail.subject === `Accès FranceConnect révoqué : ${response.body.name}`);
    expect(notice.text).toContain('Usage non conforme aux conditions.');
    expect(notice.text).toContain(response.body.clientId);
    expect(notice.html).toContain(`/habilitations/${habilitationId}/acces/${serviceProviderId}`);

    // And it cannot be revoked twice, nor without a reason
    const twice = await instructor.client.post(`/api/admin/service-providers/${serviceProviderId}/revoke`, { reason: 'Usage non conforme aux conditions.' });
    const noReason = await instructor.client.post(`/api/admin/service-providers/${sandbox.id}/revoke`, {});
    expect([twice.status, twice.body.code, noReason.status]).toEqual([409, 'P050002', 400]);
  });
});
