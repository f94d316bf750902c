import { MembershipEntity } from '@federation/partners-data';
import {
  createAccount,
  memberOf,
  organisationFor,
  platformAdmin,
  signedInClient,
  startPartnersTestApp,
  validatedHabilitation,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';

const ORGANISATION_A = '11000101300017';
const ORGANISATION_B = '11000102100010';

type Method = 'get' | 'post' | 'patch';
type Call = [name: string, method: Method, path: () => string, body: unknown];

/** Always four cells: jest hands a `done` callback to a test taking more arguments than its row has. */
const call = (name: string, method: Method, path: () => string, body?: unknown): Call => [name, method, path, body];

const PRODUCTION_REQUEST = {
  serviceName: 'Démarches du ministère',
  connectPageUrl: 'https://demarches.finances.gouv.fr/connexion',
  redirectUris: ['https://demarches.finances.gouv.fr/callback'],
  postLogoutRedirectUris: [],
  technicalContact: { givenName: 'Yasmine', familyName: 'Benali', email: 'yasmine.benali@finances.gouv.fr', phone: '06 12 34 56 78', jobTitle: 'Cheffe de projet' },
};

describe('service providers: who may see and do what', () => {
  let test: PartnersTestApp;
  let memberOfA: ApiClient;
  let memberOfB: ApiClient;
  let pendingOfB: ApiClient;
  let admin: ApiClient;
  /** Of organisation B: a validated habilitation, its sandbox client, a production request under review and its production client once validated. */
  let habilitationB: string;
  let sandboxB: string;
  let productionRequestB: string;

  /** Everything a refused caller could have changed about organisation B's clients. */
  async function snapshotOfB() {
    const ofHabilitation = (columns: string, table: string) =>
      test.dataSource.query(`SELECT ${columns} FROM partners.${table} WHERE habilitation_id = $1 ORDER BY id`, [habilitationB]);
    const ofItsClients = (columns: string, table: string) =>
      test.dataSource.query(
        `SELECT ${columns} FROM partners.${table} WHERE service_provider_id IN (SELECT id FROM partners.service_provider WHERE habilitation_id = $1) ORDER BY id`,
        [habilitationB],
      );
    return {
      clients: await ofHabilitation('*', 'service_provider'),
      requests: await ofHabilitation('*', 'production_request'),
      secrets: await ofItsClients('*', 'client_secret'),
      // Not enqueued_at: the relay sets it on its own schedule.
      publications: await ofItsClients('id, version, configuration, status', 'client_publication'),
    };
  }

  beforeAll(async () => {
    test = await startPartnersTestApp('service-providers-authorization');
    memberOfA = (await memberOf(test, ORGANISATION_A, 'agent@interieur.gouv.fr')).client;
    const b = await memberOf(test, ORGANISATION_B, 'agent@finances.gouv.fr');
    memberOfB = b.client;
    const pending = await createAccount(test, { email: 'en-attente@finances.gouv.fr' });
    await test.dataSource.getRepository(MembershipEntity).save({
      accountId: pending.id,
      organisationId: (await organisationFor(test, ORGANISATION_B)).id,
      role: 'member',
      status: 'pending',
      rejectionReason: null,
      decidedBy: null,
      decidedAt: null,
    });
    pendingOfB = await signedInClient(test, pending);
    admin = (await platformAdmin(test)).client;
    habilitationB = await validatedHabilitation(memberOfB, admin, b.organisation.id);
    sandboxB = (await memberOfB.get(`/api/habilitations/${habilitationB}/service-providers`)).body[0].id;
    productionRequestB = (await memberOfB.post(`/api/habilitations/${habilitationB}/production-requests`, PRODUCTION_REQUEST)).body.id;
  });

  afterAll(() => test?.close());

  const memberCalls: Call[] = [
    call('list the habilitation’s clients', 'get', () => `/api/habilitations/${habilitationB}/service-providers`),
    call('read a client', 'get', () => `/api/service-providers/${sandboxB}`),
    call('configure the sandbox', 'patch', () => `/api/service-providers/${sandboxB}`, { name: 'Détourné' }),
    call('issue a secret', 'post', () => `/api/service-providers/${sandboxB}/secrets`, {}),
    call('list the production requests', 'get', () => `/api/habilitations/${habilitationB}/production-requests`),
    call('file a production request', 'post', () => `/api/habilitations/${habilitationB}/production-requests`, PRODUCTION_REQUEST),
  ];

  describe.each([
    ['a member of another organisation', () => memberOfA],
    ['a member whose membership waits for moderation', () => pendingOfB],
    ['a platform admin who is not a member', () => admin],
  ])('%s', (_, caller) => {
    it.each(memberCalls)('gets the same 404 as for an unknown id when trying to %s, and changes nothing', async (__, method, path, body) => {
      const before = await snapshotOfB();

      const response = await caller()[method](path(), body);

      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, code: 'P000006', message: 'La ressource demandée n’existe pas ou vous n’y avez pas accès.' });
      expect(await snapshotOfB()).toEqual(before);
    });
  });

  it('answers unknown and malformed ids with the same 404', async () => {
    for (const path of [
      '/api/service-providers/00000000-0000-4000-8000-000000000000',
      '/api/service-providers/pas-un-uuid',
      '/api/habilitations/00000000-0000-4000-8000-000000000000/service-providers',
      '/api/habilitations/00000000-0000-4000-8000-000000000000/production-requests',
    ])
      expect({ path, status: (await memberOfB.get(path)).status }).toEqual({ path, status: 404 });
  });

  const adminCalls: Call[] = [
    call('browse the production requests', 'get', () => '/api/admin/production-requests'),
    call('read a production request', 'get', () => `/api/admin/production-requests/${productionRequestB}`),
    call('validate a production request', 'post', () => `/api/admin/production-requests/${productionRequestB}/validate`, {}),
    call('refuse a production request', 'post', () => `/api/admin/production-requests/${productionRequestB}/refuse`, { message: 'Je ne suis pas administrateur.' }),
    call('list any habilitation’s clients', 'get', () => `/api/admin/habilitations/${habilitationB}/service-providers`),
    call('revoke a client', 'post', () => `/api/admin/service-providers/${sandboxB}/revoke`, { reason: 'Je ne suis pas administrateur.' }),
  ];

  it.each(adminCalls)('keeps members, even of the organisation, from the admin route to %s (403), and changes nothing', async (_, method, path, body) => {
    const before = await snapshotOfB();

    const response = await memberOfB[method](path(), body);

    expect(response.status).toBe(403);
    expect(response.body.code).toBe('P000005');
    expect(await snapshotOfB()).toEqual(before);
  });

  it.each([...memberCalls, ...adminCalls].filter(([, method]) => method !== 'get'))(
    'refuses to %s without the CSRF token (403), and changes nothing',
    async (_, method, path, body) => {
      const before = await snapshotOfB();
      const caller = path().includes('/admin/') ? admin : memberOfB;
      const token = caller.csrfToken;
      caller.csrfToken = undefined;

      const response = await caller[method](path(), body).finally(() => (caller.csrfToken = token));

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('P000004');
      expect(await snapshotOfB()).toEqual(before);
    },
  );

  it('asks for a session on every route (401)', async () => {
    for (const [, method, path, body] of [...memberCalls, ...adminCalls]) expect((await test.client()[method](path(), body)).status).toBe(401);
  });

  it('lets the members of the organisation and the admins do those same things', async () => {
    // The members
    expect((await memberOfB.get(`/api/habilitations/${habilitationB}/service-providers`)).status).toBe(200);
    expect((await memberOfB.get(`/api/service-providers/${sandboxB}`)).status).toBe(200);
    expect((await memberOfB.patch(`/api/service-providers/${sandboxB}`, { name: 'Démarches (recette)' })).status).toBe(200);
    expect((await memberOfB.post(`/api/service-providers/${sandboxB}/secrets`, {})).status).toBe(201);
    expect((await memberOfB.get(`/api/habilitations/${habilitationB}/production-requests`)).body).toHaveLength(1);

    // The admins
    expect((await admin.get('/api/admin/production-requests')).body.total).toBe(1);
    expect((await admin.get(`/api/admin/production-requests/${productionRequestB}`)).status).toBe(200);
    expect((await admin.get(`/api/admin/habilitations/${habilitationB}/service-providers`)).body).toHaveLength(1);
    expect((await admin.post(`/api/admin/production-requests/${productionRequestB}/validate`, {})).status).toBe(200);
    expect((await admin.post(`/api/admin/service-providers/${sandboxB}/revoke`, { reason: 'Fin de la recette du service.' })).status).toBe(200);
  });
});
