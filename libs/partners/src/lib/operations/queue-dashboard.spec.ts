import { memberOf, platformAdmin, startPartnersTestApp, type PartnersTestApp } from '../../testing';

describe('the queue dashboard (Bull Board) for platform admins', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('queue-dashboard');
  });

  afterAll(() => test?.close());

  it('shows the platform’s queues to a platform admin, read-only', async () => {
    const admin = await platformAdmin(test);

    const page = await admin.client.get('/api/admin/queues');
    expect(page.status).toBe(200);
    // Its assets and API are linked through the portal, which relays them
    expect(String(page.body)).toContain('<base href="/admin/files-d-attente/" />');
    expect(String(page.body)).toContain('<title>Files d’attente</title>');

    const queues = await admin.client.get('/api/admin/queues/api/queues');
    expect(queues.status).toBe(200);
    const names = (queues.body.queues as { name: string; readOnlyMode: boolean }[]).map((queue) => [queue.name, queue.readOnlyMode]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['mail', true],
        ['business-events', true],
        ['client-publications', true],
      ]),
    );
  });

  it('is closed to visitors and to members who are not platform admins', async () => {
    const member = await memberOf(test, '21690123100011', 'camille.martin@mairie-lyon.fr');

    const anonymous = await test.client().get('/api/admin/queues/api/queues');
    const notAdmin = await member.client.get('/api/admin/queues/api/queues');

    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'P000003']);
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, expect.stringMatching(/^P0000/)]);
    expect(JSON.stringify(notAdmin.body)).not.toContain('client-publications');
  });

  it('changes nothing: every other method is refused', async () => {
    const admin = await platformAdmin(test, 'autre.instructeur@federation.gouv.fr');
    const retry = await admin.client.put('/api/admin/queues/api/queues/mail/retry/failed', {});
    const clean = await admin.client.post('/api/admin/queues/api/queues/mail/clean/completed', {});

    expect([retry.status, clean.status]).toEqual([405, 405]);
  });
});
