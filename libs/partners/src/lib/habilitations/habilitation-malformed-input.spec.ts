import { HABILITATION_STEPS } from '@federation/partners-contracts';
import { VendorEntity } from '@federation/partners-data';
import { memberOf, platformAdmin, startPartnersTestApp, type ApiClient, type PartnersTestApp } from '../../testing';
import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from './content/habilitation-example';

const TABLES = ['habilitation_request', 'habilitation_event', 'habilitation_message', 'vendor', 'audit_log', 'mail_outbox', 'organisation', 'membership'];
const NOT_A_UUID = '12345';
const UNKNOWN_ID = '7d1f0a4e-9a53-4c1b-8f5e-2f0c7a9b1d22';
const huge = (length: number) => 'x'.repeat(length);

interface Case {
  name: string;
  as: 'applicant' | 'admin';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: () => string;
  /** A value sent as JSON, or `raw` for a body sent as it is. */
  body?: unknown;
  raw?: { body: string; contentType: string };
  status: number;
  code: string;
  /** The fields the answer must name (400 validation errors). */
  fields?: string[];
}

describe('habilitation requests, vendors, audit log: malformed input', () => {
  let test: PartnersTestApp;
  let clients: Record<Case['as'], ApiClient>;
  let organisationId: string;
  let draftId: string;
  let submittedId: string;
  let vendorId: string;

  /** Every row of the tables a request could touch, as text: equal before and after means nothing changed. */
  async function database(): Promise<Record<string, string>> {
    const entries = await Promise.all(
      TABLES.map(async (table) => {
        const [row] = await test.dataSource.query<[{ digest: string | null; count: number }]>(
          `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest, count(*)::int AS count FROM partners.${table} t`,
        );
        return [table, `${row.count}:${row.digest}`] as const;
      }),
    );
    return Object.fromEntries(entries);
  }

  beforeAll(async () => {
    test = await startPartnersTestApp('habilitation-malformed');
    const applicant = await memberOf(test, '13000106800019', 'agent@francetravail.fr');
    const admin = await platformAdmin(test);
    clients = { applicant: applicant.client, admin: admin.client };
    organisationId = applicant.organisation.id;
    draftId = (await applicant.client.post(`/api/organisations/${organisationId}/habilitations`, {})).body.id;
    submittedId = (await applicant.client.post(`/api/organisations/${organisationId}/habilitations`, {})).body.id;
    for (const step of HABILITATION_STEPS) {
      await applicant.client.put(`/api/habilitations/${draftId}/steps/${step}`, EXAMPLE[step]);
      await applicant.client.put(`/api/habilitations/${submittedId}/steps/${step}`, EXAMPLE[step]);
    }
    await applicant.client.post(`/api/habilitations/${submittedId}/submit`);
    vendorId = (await test.dataSource.getRepository(VendorEntity).save({ name: 'Éditeur existant', siret: null, active: true })).id;
    // Let the outbox publish what the setup decided, so that only the cases below could change the tables.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
  });

  afterAll(() => test?.close());

  const step = (name: string) => () => `/api/habilitations/${draftId}/steps/${name}`;
  const contactWith = (change: Record<string, unknown>) => ({ ...EXAMPLE.contacts, dpo: { ...EXAMPLE.contacts.dpo, ...change } });

  const cases: Case[] = [
    // Listing and creating
    { name: 'list: page=0', as: 'applicant', method: 'GET', path: () => `/api/organisations/${organisationId}/habilitations?page=0`, status: 400, code: 'P000001', fields: ['page'] },
    { name: 'list: pageSize=1000', as: 'applicant', method: 'GET', path: () => `/api/organisations/${organisationId}/habilitations?pageSize=1000`, status: 400, code: 'P000001', fields: ['pageSize'] },
    { name: 'list: page=abc', as: 'applicant', method: 'GET', path: () => `/api/organisations/${organisationId}/habilitations?page=abc`, status: 400, code: 'P000001', fields: ['page'] },
    { name: 'list: page given twice', as: 'applicant', method: 'GET', path: () => `/api/organisations/${organisationId}/habilitations?page=1&page=2`, status: 400, code: 'P000001', fields: ['page'] },
    { name: 'list: unknown status', as: 'applicant', method: 'GET', path: () => `/api/organisations/${organisationId}/habilitations?status=archived`, status: 400, code: 'P000001', fields: ['status'] },
    { name: 'list: organisation id not a UUID', as: 'applicant', method: 'GET', path: () => `/api/organisations/${NOT_A_UUID}/habilitations`, status: 404, code: 'P000006' },
    { name: 'create: an unexpected field', as: 'applicant', method: 'POST', path: () => `/api/organisations/${organisationId}/habilitations`, body: { status: 'validated' }, status: 400, code: 'P000001', fields: ['status'] },
    { name: 'create: another type of habilitation', as: 'applicant', method: 'POST', path: () => `/api/organisations/${organisationId}/habilitations`, body: { type: 'api-particulier' }, status: 400, code: 'P000001', fields: ['type'] },
    { name: 'create: an array as body', as: 'applicant', method: 'POST', path: () => `/api/organisations/${organisationId}/habilitations`, body: [{}], status: 400, code: 'P000001' },
    { name: 'create: broken JSON', as: 'applicant', method: 'POST', path: () => `/api/organisations/${organisationId}/habilitations`, raw: { body: '{"type": ', contentType: 'application/json' }, status: 400, code: 'P000002' },
    { name: 'create: organisation id not a UUID', as: 'applicant', method: 'POST', path: () => `/api/organisations/${NOT_A_UUID}/habilitations`, body: {}, status: 404, code: 'P000006' },
    { name: 'read: id not a UUID', as: 'applicant', method: 'GET', path: () => `/api/habilitations/${NOT_A_UUID}`, status: 404, code: 'P000006' },
    { name: 'read: SQL in the id', as: 'applicant', method: 'GET', path: () => `/api/habilitations/${encodeURIComponent("' OR 1=1 --")}`, status: 404, code: 'P000006' },
    { name: 'read: unknown id', as: 'applicant', method: 'GET', path: () => `/api/habilitations/${UNKNOWN_ID}`, status: 404, code: 'P000006' },
    // Steps
    { name: 'project: empty body', as: 'applicant', method: 'PUT', path: step('project'), body: {}, status: 400, code: 'P000001', fields: ['projectName', 'description', 'usesVendorSolution'] },
    { name: 'project: no body at all', as: 'applicant', method: 'PUT', path: step('project'), status: 400, code: 'P000001', fields: ['projectName', 'description', 'usesVendorSolution'] },
    { name: 'project: an unexpected field', as: 'applicant', method: 'PUT', path: step('project'), body: { ...EXAMPLE.project, validated: true }, status: 400, code: 'P000001', fields: ['validated'] },
    { name: 'project: wrong types', as: 'applicant', method: 'PUT', path: step('project'), body: { projectName: 42, description: ['a'], usesVendorSolution: 'oui', vendorId: null }, status: 400, code: 'P000001', fields: ['projectName', 'description', 'usesVendorSolution'] },
    { name: 'project: a name of 10,000 characters', as: 'applicant', method: 'PUT', path: step('project'), body: { ...EXAMPLE.project, projectName: huge(10_000) }, status: 400, code: 'P000001', fields: ['projectName'] },
    { name: 'project: a body over 100 kB', as: 'applicant', method: 'PUT', path: step('project'), body: { ...EXAMPLE.project, description: huge(200_000) }, status: 413, code: 'P000008' },
    { name: 'project: vendorId not a UUID', as: 'applicant', method: 'PUT', path: step('project'), body: { ...EXAMPLE.project, usesVendorSolution: true, vendorId: "1'; DROP TABLE partners.vendor; --" }, status: 400, code: 'P000001', fields: ['vendorId'] },
    { name: 'project: an array as body', as: 'applicant', method: 'PUT', path: step('project'), body: [EXAMPLE.project], status: 400, code: 'P000001' },
    { name: 'project: a string as body', as: 'applicant', method: 'PUT', path: step('project'), raw: { body: '"Portail famille"', contentType: 'application/json' }, status: 400, code: 'P000002' },
    { name: 'project: null as body', as: 'applicant', method: 'PUT', path: step('project'), raw: { body: 'null', contentType: 'application/json' }, status: 400, code: 'P000002' },
    { name: 'project: form-encoded body', as: 'applicant', method: 'PUT', path: step('project'), raw: { body: 'projectName=Portail', contentType: 'application/x-www-form-urlencoded' }, status: 415, code: 'P000010' },
    { name: 'data: claims as an object', as: 'applicant', method: 'PUT', path: step('data'), body: { claims: { given_name: true }, eidasLevel: 'eidas1' }, status: 400, code: 'P000001', fields: ['claims'] },
    { name: 'data: claims of objects', as: 'applicant', method: 'PUT', path: step('data'), body: { claims: [{ claim: 'email' }], eidasLevel: 'eidas1' }, status: 400, code: 'P000001', fields: ['claims'] },
    { name: 'data: 10,000 claims', as: 'applicant', method: 'PUT', path: step('data'), body: { claims: Array.from({ length: 10_000 }, (_, i) => `c${i}`), eidasLevel: 'eidas1' }, status: 400, code: 'P000001', fields: ['claims'] },
    { name: 'data: eidasLevel as a number', as: 'applicant', method: 'PUT', path: step('data'), body: { claims: ['email'], eidasLevel: 2 }, status: 400, code: 'P000001', fields: ['eidasLevel'] },
    { name: 'legal: retentionMonths as a huge number', as: 'applicant', method: 'PUT', path: step('legal'), body: { ...EXAMPLE.legal, retentionMonths: 1e308 }, status: 400, code: 'P000001', fields: ['retentionMonths', 'retentionJustification'] },
    { name: 'legal: a javascript: URL', as: 'applicant', method: 'PUT', path: step('legal'), body: { ...EXAMPLE.legal, legalBasisUrl: 'javascript:alert(1)' }, status: 400, code: 'P000001', fields: ['legalBasisUrl'] },
    { name: 'legal: justification as an object', as: 'applicant', method: 'PUT', path: step('legal'), body: { ...EXAMPLE.legal, retentionMonths: 60, retentionJustification: { why: 'x' } }, status: 400, code: 'P000001', fields: ['retentionJustification'] },
    { name: 'contacts: a contact as an array', as: 'applicant', method: 'PUT', path: step('contacts'), body: { ...EXAMPLE.contacts, dpo: [EXAMPLE.contacts.dpo] }, status: 400, code: 'P000001', fields: ['dpo'] },
    { name: 'contacts: a contact as a string', as: 'applicant', method: 'PUT', path: step('contacts'), body: { ...EXAMPLE.contacts, dataController: 'Claire Dubois' }, status: 400, code: 'P000001', fields: ['dataController'] },
    { name: 'contacts: nested garbage', as: 'applicant', method: 'PUT', path: step('contacts'), body: contactWith({ email: { $ne: null }, extra: { deep: [1, 2] } }), status: 400, code: 'P000001', fields: ['dpo.extra', 'dpo.email'] },
    { name: 'contacts: a phone as a number', as: 'applicant', method: 'PUT', path: step('contacts'), body: contactWith({ phone: 123456789 }), status: 400, code: 'P000001', fields: ['dpo.phone'] },
    { name: 'contacts: null contacts', as: 'applicant', method: 'PUT', path: step('contacts'), body: { dataController: null, dpo: null, technicalContact: null }, status: 400, code: 'P000001', fields: ['dataController', 'dpo', 'technicalContact'] },
    { name: 'terms: "true" as a string', as: 'applicant', method: 'PUT', path: step('terms'), body: { termsAccepted: 'true' }, status: 400, code: 'P000001', fields: ['termsAccepted'] },
    { name: 'a step that does not exist', as: 'applicant', method: 'PUT', path: step('budget'), body: {}, status: 404, code: 'P030005' },
    { name: 'a step of an id that is not a UUID', as: 'applicant', method: 'PUT', path: () => `/api/habilitations/${NOT_A_UUID}/steps/terms`, body: { termsAccepted: true }, status: 404, code: 'P000006' },
    // Actions without input
    { name: 'submit: with fields', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${draftId}/submit`, body: { status: 'validated' }, status: 400, code: 'P000001', fields: ['status'] },
    { name: 'submit: an array as body', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${draftId}/submit`, body: [], status: 400, code: 'P000002' },
    { name: 'submit: id not a UUID', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${NOT_A_UUID}/submit`, status: 404, code: 'P000006' },
    { name: 'reopen: with fields', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${submittedId}/reopen`, body: { force: true }, status: 400, code: 'P000001', fields: ['force'] },
    { name: 'delete: id not a UUID', as: 'applicant', method: 'DELETE', path: () => `/api/habilitations/${NOT_A_UUID}`, status: 404, code: 'P000006' },
    { name: 'events: id not a UUID', as: 'applicant', method: 'GET', path: () => `/api/habilitations/${NOT_A_UUID}/events`, status: 404, code: 'P000006' },
    // Thread
    { name: 'message: no body field', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${submittedId}/messages`, body: {}, status: 400, code: 'P000001', fields: ['body'] },
    { name: 'message: blank', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${submittedId}/messages`, body: { body: '   ' }, status: 400, code: 'P000001', fields: ['body'] },
    { name: 'message: 5,001 characters', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${submittedId}/messages`, body: { body: huge(5_001) }, status: 400, code: 'P000001', fields: ['body'] },
    { name: 'message: an object as body field', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${submittedId}/messages`, body: { body: { text: 'Bonjour' } }, status: 400, code: 'P000001', fields: ['body'] },
    { name: 'message: an extra field', as: 'applicant', method: 'POST', path: () => `/api/habilitations/${submittedId}/messages`, body: { body: 'Bonjour', authorRole: 'instructor' }, status: 400, code: 'P000001', fields: ['authorRole'] },
    { name: 'message: id not a UUID', as: 'applicant', method: 'GET', path: () => `/api/habilitations/${NOT_A_UUID}/messages`, status: 404, code: 'P000006' },
    // Instruction
    { name: 'queue: a date that does not exist', as: 'admin', method: 'GET', path: () => '/api/admin/habilitations?submittedFrom=2026-13-01', status: 400, code: 'P000001', fields: ['submittedFrom'] },
    { name: 'queue: pageSize=1000 and page=0', as: 'admin', method: 'GET', path: () => '/api/admin/habilitations?page=0&pageSize=1000', status: 400, code: 'P000001', fields: ['page', 'pageSize'] },
    { name: 'queue: a search of 101 characters', as: 'admin', method: 'GET', path: () => `/api/admin/habilitations?q=${huge(101)}`, status: 400, code: 'P000001', fields: ['q'] },
    { name: 'queue: a search given twice', as: 'admin', method: 'GET', path: () => '/api/admin/habilitations?q=ab&q=cd', status: 400, code: 'P000001', fields: ['q'] },
    { name: 'instruction: id not a UUID', as: 'admin', method: 'GET', path: () => `/api/admin/habilitations/${NOT_A_UUID}`, status: 404, code: 'P000006' },
    { name: 'instruction: unknown id', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${UNKNOWN_ID}/validate`, body: {}, status: 404, code: 'P000006' },
    { name: 'request changes: no message', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/request-changes`, body: {}, status: 400, code: 'P000001', fields: ['message'] },
    { name: 'request changes: a message too short', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/request-changes`, body: { message: 'Non.' }, status: 400, code: 'P000001', fields: ['message'] },
    { name: 'refuse: a reason of 5,001 characters', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/refuse`, body: { message: huge(5_001) }, status: 400, code: 'P000001', fields: ['message'] },
    { name: 'refuse: a reason as an array', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/refuse`, body: { message: ['Motif un', 'Motif deux'] }, status: 400, code: 'P000001', fields: ['message'] },
    { name: 'revoke: an extra field', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/revoke`, body: { message: 'Un motif assez long.', notify: false }, status: 400, code: 'P000001', fields: ['notify'] },
    { name: 'validate: a message as a number', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/validate`, body: { message: 42 }, status: 400, code: 'P000001', fields: ['message'] },
    { name: 'validate: an unexpected field', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/validate`, body: { validatedVersion: 7 }, status: 400, code: 'P000001', fields: ['validatedVersion'] },
    { name: 'validate: broken JSON', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/validate`, raw: { body: '{', contentType: 'application/json' }, status: 400, code: 'P000002' },
    { name: 'instructor message: empty', as: 'admin', method: 'POST', path: () => `/api/admin/habilitations/${submittedId}/messages`, body: { body: '' }, status: 400, code: 'P000001', fields: ['body'] },
    // Vendors
    { name: 'vendor: no name', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: {}, status: 400, code: 'P000001', fields: ['name'] },
    { name: 'vendor: a name of one letter', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: { name: 'X' }, status: 400, code: 'P000001', fields: ['name'] },
    { name: 'vendor: a name as a number', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: { name: 42 }, status: 400, code: 'P000001', fields: ['name'] },
    { name: 'vendor: a SIRET of 13 digits', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: { name: 'Éditeur', siret: '1234567890123' }, status: 400, code: 'P000001', fields: ['siret'] },
    { name: 'vendor: a SIRET with a wrong checksum', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: { name: 'Éditeur', siret: '11000101300018' }, status: 400, code: 'P000001', fields: ['siret'] },
    { name: 'vendor: an extra field', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: { name: 'Éditeur', active: false }, status: 400, code: 'P000001', fields: ['active'] },
    { name: 'vendor: the same name in capitals', as: 'admin', method: 'POST', path: () => '/api/admin/vendors', body: { name: 'ÉDITEUR EXISTANT' }, status: 409, code: 'P040001', fields: ['name'] },
    { name: 'vendor update: nothing to change', as: 'admin', method: 'PATCH', path: () => `/api/admin/vendors/${vendorId}`, body: {}, status: 400, code: 'P040002' },
    { name: 'vendor update: a null name', as: 'admin', method: 'PATCH', path: () => `/api/admin/vendors/${vendorId}`, body: { name: null }, status: 400, code: 'P000001', fields: ['name'] },
    { name: 'vendor update: active as a string', as: 'admin', method: 'PATCH', path: () => `/api/admin/vendors/${vendorId}`, body: { active: 'false' }, status: 400, code: 'P000001', fields: ['active'] },
    { name: 'vendor update: id not a UUID', as: 'admin', method: 'PATCH', path: () => `/api/admin/vendors/${NOT_A_UUID}`, body: { active: false }, status: 404, code: 'P000006' },
    { name: 'vendor update: unknown id', as: 'admin', method: 'PATCH', path: () => `/api/admin/vendors/${UNKNOWN_ID}`, body: { active: false }, status: 404, code: 'P000006' },
    { name: 'vendors: pageSize=1000', as: 'admin', method: 'GET', path: () => '/api/admin/vendors?pageSize=1000', status: 400, code: 'P000001', fields: ['pageSize'] },
    // Audit log
    { name: 'audit log: an unknown target type', as: 'admin', method: 'GET', path: () => '/api/admin/audit-log?targetType=planet', status: 400, code: 'P000001', fields: ['targetType'] },
    { name: 'audit log: an action of 65 characters', as: 'admin', method: 'GET', path: () => `/api/admin/audit-log?action=${huge(65)}`, status: 400, code: 'P000001', fields: ['action'] },
    { name: 'audit log: page=-1', as: 'admin', method: 'GET', path: () => '/api/admin/audit-log?page=-1', status: 400, code: 'P000001', fields: ['page'] },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s: a 4xx of the catalogue, and nothing changed', async (_, c) => {
    // Given the database as it is
    const before = await database();
    const client = clients[c.as];

    // When the malformed request is sent
    const response = c.raw
      ? await client.raw(c.method, c.path(), { body: c.raw.body, headers: { 'content-type': c.raw.contentType } })
      : await client.request(c.method, c.path(), c.body);

    // Then the answer is the expected 4xx, with the fields named, and the database is as it was
    expect({ status: response.status, code: response.body?.code }).toEqual({ status: c.status, code: c.code });
    expect(typeof response.body.message).toBe('string');
    if (c.fields) expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([...c.fields].sort());
    for (const error of response.body.errors ?? []) expect(error.messages.every((message: string) => !/\b(must|should)\b/.test(message))).toBe(true);
    expect(await database()).toEqual(before);
  });
});
