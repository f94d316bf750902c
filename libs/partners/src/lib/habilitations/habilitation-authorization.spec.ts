import { HABILITATION_STEPS } from '@federation/partners-contracts';
import { HabilitationEventEntity, HabilitationMessageEntity, HabilitationRequestEntity, MembershipEntity, VendorEntity } from '@federation/partners-data';
import {
  createAccount,
  memberOf,
  organisationFor,
  platformAdmin,
  signedInClient,
  startPartnersTestApp,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';
import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from './content/habilitation-example';

const ORGANISATION_A = '11000101300017';
const ORGANISATION_B = '11000102100010';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Call = [name: string, method: Method, path: () => string, body: unknown];

/** Always four cells: jest hands a `done` callback to a test taking more arguments than its row has. */
const call = (name: string, method: Method, path: () => string, body?: unknown): Call => [name, method, path, body];

describe('habilitation requests: who may see and do what', () => {
  let test: PartnersTestApp;
  let memberOfA: ApiClient;
  let memberOfB: ApiClient;
  let pendingOfB: ApiClient;
  let rejectedOfB: ApiClient;
  let admin: ApiClient;
  let organisationB: string;
  /** Of organisation B: a complete draft never submitted, and a validated request. */
  let draftB: string;
  let validatedB: string;
  let vendor: VendorEntity;

  async function memberWithStatus(email: string, status: 'pending' | 'rejected'): Promise<ApiClient> {
    const account = await createAccount(test, { email });
    const organisation = await organisationFor(test, ORGANISATION_B);
    await test.dataSource.getRepository(MembershipEntity).save({
      accountId: account.id,
      organisationId: organisation.id,
      role: 'member',
      status,
      rejectionReason: status === 'rejected' ? 'Adresse sans rapport avec l’organisation.' : null,
      decidedBy: null,
      decidedAt: null,
    });
    return signedInClient(test, account);
  }

  async function completeDraft(client: ApiClient, organisationId: string): Promise<string> {
    const id = (await client.post(`/api/organisations/${organisationId}/habilitations`, {})).body.id as string;
    for (const step of HABILITATION_STEPS) expect((await client.put(`/api/habilitations/${id}/steps/${step}`, EXAMPLE[step])).status).toBe(200);
    return id;
  }

  /** Everything a refused caller could have changed about organisation B's requests. */
  async function snapshotOfB() {
    const requests = await test.dataSource.getRepository(HabilitationRequestEntity).find({ where: { organisationId: organisationB }, order: { id: 'ASC' } });
    const ids = requests.map((request) => request.id);
    return {
      requests,
      events: await test.dataSource.getRepository(HabilitationEventEntity).count({ where: ids.map((requestId) => ({ requestId })) }),
      messages: await test.dataSource.getRepository(HabilitationMessageEntity).count({ where: ids.map((requestId) => ({ requestId })) }),
    };
  }

  beforeAll(async () => {
    test = await startPartnersTestApp('habilitation-authorization');
    memberOfA = (await memberOf(test, ORGANISATION_A, 'agent@interieur.gouv.fr')).client;
    const b = await memberOf(test, ORGANISATION_B, 'agent@finances.gouv.fr');
    memberOfB = b.client;
    organisationB = b.organisation.id;
    pendingOfB = await memberWithStatus('en-attente@finances.gouv.fr', 'pending');
    rejectedOfB = await memberWithStatus('refuse@finances.gouv.fr', 'rejected');
    admin = (await platformAdmin(test)).client;
    vendor = await test.dataSource.getRepository(VendorEntity).save({ name: 'Éditeur témoin', siret: null, active: true });
    draftB = await completeDraft(memberOfB, organisationB);
    validatedB = await completeDraft(memberOfB, organisationB);
    await memberOfB.post(`/api/habilitations/${validatedB}/submit`);
    await admin.post(`/api/admin/habilitations/${validatedB}/validate`, {});
  });

  afterAll(() => test?.close());

  const applicantCalls: Call[] = [
    call('list the organisation’s requests', 'get', () => `/api/organisations/${organisationB}/habilitations`),
    call('create a request in the organisation', 'post', () => `/api/organisations/${organisationB}/habilitations`, {}),
    call('read a request', 'get', () => `/api/habilitations/${draftB}`),
    ...HABILITATION_STEPS.map((step) => call(`save the ${step} step`, 'put', () => `/api/habilitations/${draftB}/steps/${step}`, EXAMPLE[step])),
    call('submit', 'post', () => `/api/habilitations/${draftB}/submit`),
    call('reopen', 'post', () => `/api/habilitations/${validatedB}/reopen`),
    call('delete', 'delete', () => `/api/habilitations/${draftB}`),
    call('read the history', 'get', () => `/api/habilitations/${validatedB}/events`),
    call('read the thread', 'get', () => `/api/habilitations/${validatedB}/messages`),
    call('write in the thread', 'post', () => `/api/habilitations/${validatedB}/messages`, { body: 'Bonjour, je ne suis pas de cette organisation.' }),
  ];

  describe.each([
    ['a member of another organisation', () => memberOfA],
    ['a member whose membership waits for moderation', () => pendingOfB],
    ['a member whose membership was rejected', () => rejectedOfB],
    ['a platform admin who is not a member', () => admin],
  ])('%s', (_, caller) => {
    it.each(applicantCalls)('gets the same 404 as for an unknown request when trying to %s, and changes nothing', async (__, method, path, body) => {
      // Given organisation B's requests as they are
      const before = await snapshotOfB();

      // When the caller tries
      const response = await caller()[method](path(), body);

      // Then it is a 404 of the catalogue, and nothing changed
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ statusCode: 404, code: 'P000006', message: 'La ressource demandée n’existe pas ou vous n’y avez pas accès.' });
      expect(await snapshotOfB()).toEqual(before);
    });
  });

  it('lets the members of the organisation do those same things', async () => {
    expect((await memberOfB.get(`/api/organisations/${organisationB}/habilitations`)).status).toBe(200);
    expect((await memberOfB.get(`/api/habilitations/${draftB}`)).status).toBe(200);
    expect((await memberOfB.get(`/api/habilitations/${validatedB}/events`)).status).toBe(200);
    expect((await memberOfB.post(`/api/habilitations/${validatedB}/messages`, { body: 'Question du demandeur.' })).status).toBe(201);
    const spare = await completeDraft(memberOfB, organisationB);
    expect((await memberOfB.post(`/api/habilitations/${spare}/submit`)).status).toBe(200);
    expect((await memberOfB.delete(`/api/habilitations/${draftB}`)).status).toBe(204);
  });

  it('lets a platform admin who is not a member read the request through the instruction endpoints', async () => {
    const view = await admin.get(`/api/admin/habilitations/${validatedB}`);
    const events = await admin.get(`/api/admin/habilitations/${validatedB}/events`);

    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: validatedB, status: 'validated', allowedActions: ['revoke'] });
    expect(events.status).toBe(200);
  });

  describe('instruction endpoints, for an account that is not a platform admin', () => {
    const adminCalls: Call[] = [
      call('list the queue', 'get', () => '/api/admin/habilitations'),
      call('read a request', 'get', () => `/api/admin/habilitations/${validatedB}`),
      call('read the history', 'get', () => `/api/admin/habilitations/${validatedB}/events`),
      call('read the thread', 'get', () => `/api/admin/habilitations/${validatedB}/messages`),
      call('write in the thread', 'post', () => `/api/admin/habilitations/${validatedB}/messages`, { body: 'Je me fais passer pour l’instructeur.' }),
      call('ask for changes', 'post', () => `/api/admin/habilitations/${validatedB}/request-changes`, { message: 'Je me fais passer pour l’instructeur.' }),
      call('validate', 'post', () => `/api/admin/habilitations/${validatedB}/validate`, {}),
      call('refuse', 'post', () => `/api/admin/habilitations/${validatedB}/refuse`, { message: 'Je me fais passer pour l’instructeur.' }),
      call('revoke', 'post', () => `/api/admin/habilitations/${validatedB}/revoke`, { message: 'Je me fais passer pour l’instructeur.' }),
      call('list the vendors', 'get', () => '/api/admin/vendors'),
      call('add a vendor', 'post', () => '/api/admin/vendors', { name: 'Éditeur pirate' }),
      call('change a vendor', 'patch', () => `/api/admin/vendors/${vendor.id}`, { active: false }),
      call('read the audit log', 'get', () => '/api/admin/audit-log'),
    ];

    it.each(adminCalls)('answers 403 to a member of the organisation trying to %s', async (_, method, path, body) => {
      const before = { ...(await snapshotOfB()), vendors: await test.dataSource.getRepository(VendorEntity).find({ order: { id: 'ASC' } }) };

      const response = await memberOfB[method](path(), body);

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('P000005');
      expect({ ...(await snapshotOfB()), vendors: await test.dataSource.getRepository(VendorEntity).find({ order: { id: 'ASC' } }) }).toEqual(before);
    });

    it.each(adminCalls)('answers 401 to an anonymous caller trying to %s', async (_, method, path, body) => {
      const response = await test.client()[method](path(), body);

      expect(response.status).toBe(401);
      expect(response.body.code).toBe('P000003');
    });
  });

  it.each(applicantCalls)('answers 401 to an anonymous caller trying to %s', async (_, method, path, body) => {
    const response = await test.client()[method](path(), body);

    expect(response.status).toBe(401);
  });

  it('refuses a state-changing call without the CSRF token, even from a member', async () => {
    const withoutToken = Object.assign(Object.create(Object.getPrototypeOf(memberOfB)) as ApiClient, memberOfB, { csrfToken: undefined });

    const response = await withoutToken.post(`/api/habilitations/${validatedB}/reopen`);

    expect(response.status).toBe(403);
    expect(response.body.code).toBe('P000004');
  });
});
