import { HABILITATION_STEPS } from '@federation/partners-contracts';
import { memberOf, platformAdmin, startPartnersTestApp, type PartnersTestApp } from '../../testing';
import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from '../habilitations/content/habilitation-example';

describe('audit log: what the admins did', () => {
  let test: PartnersTestApp;
  let admin: Awaited<ReturnType<typeof platformAdmin>>;
  let requestId: string;
  let vendorId: string;

  beforeAll(async () => {
    test = await startPartnersTestApp('audit-log');
    admin = await platformAdmin(test);
    const applicant = await memberOf(test, '26000109400010', 'agent@chu-nantes.fr');
    requestId = (await applicant.client.post(`/api/organisations/${applicant.organisation.id}/habilitations`, {})).body.id;
    for (const step of HABILITATION_STEPS) await applicant.client.put(`/api/habilitations/${requestId}/steps/${step}`, EXAMPLE[step]);
    await applicant.client.post(`/api/habilitations/${requestId}/submit`);
    // Three admin actions, in this order
    vendorId = (await admin.client.post('/api/admin/vendors', { name: 'Éditeur audité' })).body.id;
    await admin.client.post(`/api/admin/habilitations/${requestId}/request-changes`, { message: 'Précisez la durée de conservation.' });
    await admin.client.patch(`/api/admin/vendors/${vendorId}`, { active: false });
  });

  afterAll(() => test?.close());

  it('lists the entries newest first, with the actor’s e-mail address', async () => {
    const response = await admin.client.get('/api/admin/audit-log');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(response.body.items.map((entry: { action: string }) => entry.action)).toEqual(['vendor.update', 'habilitation.request_changes', 'vendor.create']);
    expect(response.body.items[1]).toEqual({
      id: expect.any(String),
      actor: { id: admin.account.id, email: admin.account.email },
      action: 'habilitation.request_changes',
      targetType: 'habilitation',
      targetId: requestId,
      details: { fromStatus: 'submitted', toStatus: 'changes_requested', validatedVersion: 0 },
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('filters by action, by target type and by target', async () => {
    const byAction = await admin.client.get('/api/admin/audit-log?action=vendor.create');
    const byType = await admin.client.get('/api/admin/audit-log?targetType=vendor');
    const byTarget = await admin.client.get(`/api/admin/audit-log?targetId=${requestId}`);

    expect(byAction.body.items.map((entry: { targetId: string }) => entry.targetId)).toEqual([vendorId]);
    expect(byType.body.total).toBe(2);
    expect(byTarget.body.items.map((entry: { action: string }) => entry.action)).toEqual(['habilitation.request_changes']);
  });

  it('pages through the entries', async () => {
    const second = await admin.client.get('/api/admin/audit-log?pageSize=2&page=2');

    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.body.items.map((entry: { action: string }) => entry.action)).toEqual(['vendor.create']);
  });
});
