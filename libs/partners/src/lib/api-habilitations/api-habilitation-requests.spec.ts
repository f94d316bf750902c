import { ApiHabilitationRequestEntity, AuditLogEntity, HabilitationMessageEntity, ServiceProviderEntity } from '@federation/partners-data';
import {
  createDataProviderCatalogue,
  DEMO_DATA_PROVIDERS,
  habilitationContent,
  insertDataProvider,
  memberOf,
  platformAdmin,
  publicationsOf,
  startPartnersTestApp,
  submittedHabilitation,
  validatedHabilitation,
  validatedUpdate,
  type PartnersTestApp,
} from '../../testing';

const SIRET = '21690123100011';
const OTHER_SIRET = '11000101300017';

const JUSTIFICATION = 'Le revenu fiscal de référence calcule le tarif de la cantine sans demander l’avis d’imposition aux familles.';

describe('API FranceConnectée requests: the scopes of a data provider for a validated habilitation', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let otherMember: Awaited<ReturnType<typeof memberOf>>;
  let instructor: Awaited<ReturnType<typeof platformAdmin>>;

  beforeAll(async () => {
    test = await startPartnersTestApp('api-habilitations');
    await createDataProviderCatalogue(test);
    for (const provider of DEMO_DATA_PROVIDERS) await insertDataProvider(test, provider);
    member = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    otherMember = await memberOf(test, OTHER_SIRET, 'agent@interieur.gouv.fr');
    instructor = await platformAdmin(test);
  });

  afterAll(() => test?.close());

  const validated = (projectName = 'Cantine scolaire') =>
    validatedHabilitation(member.client, instructor.client, member.organisation.id, habilitationContent({ projectName, claims: ['given_name', 'family_name'] }));

  const requestBody = (overrides: Record<string, unknown> = {}) => ({ dataProviderSlug: 'dgfip', scopes: ['dgfip_rfr'], justification: JUSTIFICATION, ...overrides });
  const file = (habilitationId: string, body: Record<string, unknown> = requestBody()) => member.client.post(`/api/habilitations/${habilitationId}/api-requests`, body);
  const decide = (id: string, action: 'validate' | 'refuse', body: Record<string, unknown> = {}) => instructor.client.post(`/api/admin/api-requests/${id}/${action}`, body);
  const clientsOf = (habilitationId: string) =>
    test.dataSource.getRepository(ServiceProviderEntity).find({ where: { habilitationId }, order: { createdAt: 'ASC' } });

  it('lists the data providers of the catalogue with their scopes, to any signed-in account', async () => {
    const response = await otherMember.client.get('/api/data-providers');

    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { slug: 'cnaf', name: 'Caisse nationale des allocations familiales (démo)', scopes: [{ scope: 'cnaf_quotient_familial', label: 'Quotient familial' }] },
      {
        slug: 'dgfip',
        name: 'Direction générale des Finances publiques (démo)',
        scopes: [
          { scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' },
          { scope: 'dgfip_nbpart', label: 'Nombre de parts fiscales' },
        ],
      },
      { slug: 'mesr', name: 'Ministère de l’Enseignement supérieur (démo)', scopes: [{ scope: 'mesr_statut_etudiant', label: 'Statut étudiant' }] },
    ]);
    expect((await test.client().get('/api/data-providers')).status).toBe(401);
  });

  it('files a request that the members of the organisation and the admins see, with the scopes’ labels', async () => {
    // Given a validated habilitation
    const habilitationId = await validated('Tarifs de la cantine');

    // When a member asks for two scopes of the DGFiP, in any order
    const filed = await file(habilitationId, requestBody({ scopes: ['dgfip_nbpart', 'dgfip_rfr'] }));

    // Then the request waits for review, scopes in the catalogue's order
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({
      id: expect.any(String),
      habilitationId,
      habilitationProjectName: 'Tarifs de la cantine',
      organisation: { id: member.organisation.id, siret: SIRET, name: member.organisation.name },
      dataProvider: { slug: 'dgfip', name: 'Direction générale des Finances publiques (démo)' },
      scopes: [
        { scope: 'dgfip_rfr', label: 'Revenu fiscal de référence' },
        { scope: 'dgfip_nbpart', label: 'Nombre de parts fiscales' },
      ],
      justification: JUSTIFICATION,
      status: 'submitted',
      decisionMessage: null,
      decidedAt: null,
      createdAt: expect.any(String),
    });
    expect((await member.client.get(`/api/habilitations/${habilitationId}/api-requests`)).body).toEqual([filed.body]);
    expect((await instructor.client.get(`/api/admin/api-requests/${filed.body.id}`)).body).toEqual(filed.body);
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: filed.body.id, action: 'api_habilitation_request.create', actorAccountId: member.account.id })).toBe(1);
    // And nothing changes for the clients until an admin decides
    expect((await clientsOf(habilitationId)).map((client) => client.scopes)).toEqual([['openid', 'given_name', 'family_name']]);
  });

  it('on validation, gives the scopes to every active client of the habilitation, published to the core, and tells the requester', async () => {
    // Given a habilitation with its sandbox and a production client, and a request for the DGFiP's scopes
    const habilitationId = await validated('Aides au logement');
    const production = await member.client.post(`/api/habilitations/${habilitationId}/production-requests`, {
      serviceName: 'Aides au logement',
      connectPageUrl: 'https://aides.mairie-lyon.fr/connexion',
      redirectUris: ['https://aides.mairie-lyon.fr/login-callback'],
      technicalContact: { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@mairie-lyon.fr', phone: '06 12 34 56 78', jobTitle: 'Cheffe de projet' },
    });
    await instructor.client.post(`/api/admin/production-requests/${production.body.id}/validate`, {});
    const id = (await file(habilitationId, requestBody({ scopes: ['dgfip_rfr', 'dgfip_nbpart'] }))).body.id;

    // When an admin validates it
    const response = await decide(id, 'validate', { message: 'Accordé pour le calcul des aides.' });

    // Then the request is validated…
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'validated', decisionMessage: 'Accordé pour le calcul des aides.' });
    expect(response.body.decidedAt).not.toBeNull();
    // …both clients have the FD's scopes after the identity ones, as a new version published to the core
    const clients = await clientsOf(habilitationId);
    expect(clients.map((client) => [client.environment, client.scopes, client.configVersion])).toEqual([
      ['sandbox', ['openid', 'given_name', 'family_name', 'dgfip_rfr', 'dgfip_nbpart'], 2],
      ['production', ['openid', 'given_name', 'family_name', 'dgfip_rfr', 'dgfip_nbpart'], 2],
    ]);
    for (const client of clients) {
      const last = (await publicationsOf(test, client.id)).at(-1);
      expect(last).toMatchObject({ version: 2, status: 'pending' });
      expect(last?.configuration.scopes).toEqual(['openid', 'given_name', 'family_name', 'dgfip_rfr', 'dgfip_nbpart']);
    }
    // …the decision is in the habilitation's thread and the audit log, and the requester is told
    const [thread] = await test.dataSource.getRepository(HabilitationMessageEntity).find({ where: { requestId: habilitationId }, order: { createdAt: 'DESC' } });
    expect(thread?.body).toContain('Demande d’API FranceConnectée validée : Direction générale des Finances publiques (démo).');
    expect(thread?.body).toContain('Revenu fiscal de référence, Nombre de parts fiscales');
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id, action: 'api_habilitation_request.validate', actorAccountId: instructor.account.id })).toBe(1);
    const mail = await test.mailbox.waitForMail(member.account.email, (candidate) => candidate.subject === 'Nouveau message : Aides au logement');
    expect(mail.text).toContain(`http://portail.test/habilitations/${habilitationId}#api-franceconnectees`);
  });

  it('keeps the granted scopes through a later update of the habilitation, and gives them to clients issued afterwards', async () => {
    // Given a habilitation whose CNAF request was validated
    const habilitationId = await validated();
    const id = (await file(habilitationId, requestBody({ dataProviderSlug: 'cnaf', scopes: ['cnaf_quotient_familial'] }))).body.id;
    await decide(id, 'validate');

    // When the habilitation is updated with other claims, then a production client is issued
    await validatedUpdate(member.client, instructor.client, habilitationId, { claims: ['given_name', 'birthdate'], eidasLevel: 'eidas2' });
    const production = await member.client.post(`/api/habilitations/${habilitationId}/production-requests`, {
      serviceName: 'Cantine',
      connectPageUrl: 'https://cantine.mairie-lyon.fr/connexion',
      redirectUris: ['https://cantine.mairie-lyon.fr/login-callback'],
      technicalContact: { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@mairie-lyon.fr', phone: '06 12 34 56 78', jobTitle: 'Cheffe de projet' },
    });
    await instructor.client.post(`/api/admin/production-requests/${production.body.id}/validate`, {});

    // Then every client has the new identity scopes and still the CNAF's
    const expected = ['openid', 'given_name', 'birthdate', 'cnaf_quotient_familial'];
    const clients = await clientsOf(habilitationId);
    expect(clients.map((client) => [client.environment, client.scopes])).toEqual([
      ['sandbox', expected],
      ['production', expected],
    ]);
    expect((await publicationsOf(test, clients[0]?.id ?? '')).at(-1)?.configuration.scopes).toEqual(expected);
    expect((await publicationsOf(test, clients[1]?.id ?? '')).at(-1)?.configuration.scopes).toEqual(expected);
  });

  it('refuses a request with its reason, shown to the members; the clients keep their scopes', async () => {
    const habilitationId = await validated('Bourses');
    const id = (await file(habilitationId, requestBody({ dataProviderSlug: 'mesr', scopes: ['mesr_statut_etudiant'] }))).body.id;

    const response = await decide(id, 'refuse', { message: 'Le statut étudiant n’est pas nécessaire pour ce service.' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'refused', decisionMessage: 'Le statut étudiant n’est pas nécessaire pour ce service.' });
    expect((await member.client.get(`/api/habilitations/${habilitationId}/api-requests`)).body[0]).toMatchObject({
      status: 'refused',
      decisionMessage: 'Le statut étudiant n’est pas nécessaire pour ce service.',
    });
    expect((await clientsOf(habilitationId)).map((client) => [client.scopes, client.configVersion])).toEqual([[['openid', 'given_name', 'family_name'], 1]]);
    const [thread] = await test.dataSource.getRepository(HabilitationMessageEntity).find({ where: { requestId: habilitationId }, order: { createdAt: 'DESC' } });
    expect(thread?.body).toContain('Motif du refus : Le statut étudiant n’est pas nécessaire pour ce service.');
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: id, action: 'api_habilitation_request.refuse' })).toBe(1);
    await test.mailbox.waitForMail(member.account.email, (candidate) => candidate.subject === 'Nouveau message : Bourses');
    // And a new request for the same FD may be filed
    expect((await file(habilitationId, requestBody({ dataProviderSlug: 'mesr', scopes: ['mesr_statut_etudiant'] }))).status).toBe(201);
  });

  it('needs a reason to refuse', async () => {
    const id = (await file(await validated())).body.id;

    const response = await decide(id, 'refuse', {});

    expect([response.status, response.body.errors.map((error: { field: string }) => error.field)]).toEqual([400, ['message']]);
    expect((await instructor.client.get(`/api/admin/api-requests/${id}`)).body.status).toBe('submitted');
  });

  describe('checks the request, naming each wrong field, and stores nothing', () => {
    it('a scope of another data provider, an unknown one', async () => {
      const habilitationId = await validated();

      const response = await file(habilitationId, requestBody({ scopes: ['dgfip_rfr', 'cnaf_quotient_familial', 'inconnu'] }));

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P000001');
      expect(response.body.errors).toEqual([
        { field: 'scopes.1', messages: ['La donnée « cnaf_quotient_familial » n’est pas proposée par Direction générale des Finances publiques (démo).'] },
        { field: 'scopes.2', messages: ['La donnée « inconnu » n’est pas proposée par Direction générale des Finances publiques (démo).'] },
      ]);
      expect(await test.dataSource.getRepository(ApiHabilitationRequestEntity).countBy({ habilitationId })).toBe(0);
    });

    it('an unknown data provider', async () => {
      const response = await file(await validated(), requestBody({ dataProviderSlug: 'urssaf' }));

      expect([response.status, response.body.errors.map((error: { field: string }) => error.field)]).toEqual([400, ['dataProviderSlug']]);
    });

    it('missing fields, no scope, a justification too short or too long', async () => {
      const habilitationId = await validated();

      const missing = await file(habilitationId, {});
      const noScope = await file(habilitationId, requestBody({ scopes: [] }));
      const short = await file(habilitationId, requestBody({ justification: '   Trop court.      ' }));
      const long = await file(habilitationId, requestBody({ justification: 'x'.repeat(4001) }));

      expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(['dataProviderSlug', 'scopes', 'justification']);
      expect(noScope.body.errors).toEqual([{ field: 'scopes', messages: ['Cochez au moins une donnée.'] }]);
      expect(short.body.errors).toEqual([{ field: 'justification', messages: ['Expliquez en 20 à 4 000 caractères pourquoi votre service a besoin de ces données.'] }]);
      expect(long.body.errors.map((error: { field: string }) => error.field)).toEqual(['justification']);
      expect(await test.dataSource.getRepository(ApiHabilitationRequestEntity).countBy({ habilitationId })).toBe(0);
    });
  });

  describe('refuses what the state does not allow, with a 409 and a French message', () => {
    it('a request from a habilitation not validated yet', async () => {
      const habilitationId = await submittedHabilitation(member.client, member.organisation.id);

      const response = await file(habilitationId);

      expect([response.status, response.body.code]).toEqual([409, 'P070001']);
      expect(response.body.message).toContain('habilitation FranceConnect validée');
      expect(await test.dataSource.getRepository(ApiHabilitationRequestEntity).countBy({ habilitationId })).toBe(0);
    });

    it('a second request for the same data provider while one is under review (another FD is fine)', async () => {
      const habilitationId = await validated();
      await file(habilitationId);

      const again = await file(habilitationId, requestBody({ scopes: ['dgfip_nbpart'] }));
      const otherProvider = await file(habilitationId, requestBody({ dataProviderSlug: 'cnaf', scopes: ['cnaf_quotient_familial'] }));

      expect([again.status, again.body.code]).toEqual([409, 'P070002']);
      expect(again.body.message).toContain('« Direction générale des Finances publiques (démo) » est déjà en cours d’examen');
      expect(otherProvider.status).toBe(201);
    });

    it('a decision on a request already decided', async () => {
      const validatedId = (await file(await validated())).body.id;
      await decide(validatedId, 'validate');
      const refusedId = (await file(await validated())).body.id;
      await decide(refusedId, 'refuse', { message: 'Justification insuffisante.' });

      const responses = [await decide(validatedId, 'validate'), await decide(validatedId, 'refuse', { message: 'Finalement non, désolé.' }), await decide(refusedId, 'validate')];

      expect(responses.map((response) => [response.status, response.body.code])).toEqual([
        [409, 'P070003'],
        [409, 'P070003'],
        [409, 'P070003'],
      ]);
      expect(responses[2]?.body.message).toContain('« Refusée »');
    });

    it('the validation of a request whose habilitation was revoked meanwhile: no scope given', async () => {
      const habilitationId = await validated();
      const id = (await file(habilitationId)).body.id;
      await instructor.client.post(`/api/admin/habilitations/${habilitationId}/revoke`, { message: 'Le service a fermé ses portes.' });

      const response = await decide(id, 'validate');

      expect([response.status, response.body.code]).toEqual([409, 'P070001']);
      expect((await instructor.client.get(`/api/admin/api-requests/${id}`)).body.status).toBe('submitted');
    });
  });

  it('keeps each organisation’s requests to itself, and the review to the admins', async () => {
    const habilitationId = await validated();
    const id = (await file(habilitationId)).body.id;

    const list = await otherMember.client.get(`/api/habilitations/${habilitationId}/api-requests`);
    const create = await otherMember.client.post(`/api/habilitations/${habilitationId}/api-requests`, requestBody());
    const queue = await member.client.get('/api/admin/api-requests');
    const validation = await member.client.post(`/api/admin/api-requests/${id}/validate`, {});

    expect([list.status, list.body.code]).toEqual([404, 'P000006']);
    expect([create.status, create.body.code]).toEqual([404, 'P000006']);
    expect([queue.status, queue.body.code]).toEqual([403, 'P000005']);
    expect([validation.status, validation.body.code]).toEqual([403, 'P000005']);
    expect((await instructor.client.get(`/api/admin/api-requests/${id}`)).body.status).toBe('submitted');
    expect((await instructor.client.get('/api/admin/api-requests/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lists the requests for the admins, newest first, by status and by project, organisation or SIRET', async () => {
    // Given requests of two organisations
    const mine = (await file(await validated('Médiathèque en ligne'))).body;
    const otherHabilitation = await validatedHabilitation(otherMember.client, instructor.client, otherMember.organisation.id, habilitationContent({ projectName: 'Démarches du ministère' }));
    const theirs = (await otherMember.client.post(`/api/habilitations/${otherHabilitation}/api-requests`, requestBody({ dataProviderSlug: 'cnaf', scopes: ['cnaf_quotient_familial'] }))).body;

    // When the admins browse and search
    const all = (await instructor.client.get('/api/admin/api-requests?pageSize=2')).body;
    const byProject = (await instructor.client.get(`/api/admin/api-requests?search=${encodeURIComponent('médiathèque')}`)).body;
    const bySiret = (await instructor.client.get(`/api/admin/api-requests?search=${OTHER_SIRET}`)).body;
    const submitted = (await instructor.client.get('/api/admin/api-requests?status=submitted&pageSize=100')).body;
    const wrong = await instructor.client.get('/api/admin/api-requests?status=perdu');

    // Then they find them
    expect(all.items.map((item: { id: string }) => item.id)).toEqual([theirs.id, mine.id]);
    expect(all).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.total).toBeGreaterThan(2);
    expect(byProject.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
    expect(bySiret.items.map((item: { id: string }) => item.id)).toEqual([theirs.id]);
    expect(submitted.items.every((item: { status: string }) => item.status === 'submitted')).toBe(true);
    expect(submitted.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect([wrong.status, wrong.body.errors[0].field]).toEqual([400, 'status']);
  });
});
