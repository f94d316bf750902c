import {
  memberOf,
  platformAdmin,
  startPartnersTestApp,
  validatedHabilitation,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';

describe('the integration checklist of a client, as its members see it', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let stranger: Awaited<ReturnType<typeof memberOf>>;
  let instructor: ApiClient;
  let sandbox: { id: string; clientId: string };

  beforeAll(async () => {
    test = await startPartnersTestApp('integration-report');
    member = await memberOf(test, '21690123100011', 'camille.martin@mairie-lyon.fr');
    stranger = await memberOf(test, '21130055300016', 'agent@marseille.fr');
    instructor = (await platformAdmin(test)).client;
    const habilitationId = await validatedHabilitation(member.client, instructor, member.organisation.id);
    sandbox = (await member.client.get(`/api/habilitations/${habilitationId}/service-providers`)).body[0];
  });

  afterAll(() => test?.close());

  const report = () => member.client.get(`/api/service-providers/${sandbox.id}/integration`);

  it('lists every check as still to do before any traffic', async () => {
    const response = await report();

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ clientId: sandbox.clientId, complete: false, errors: [] });
    expect(response.body.checks.map((check: { key: string; status: string }) => [check.key, check.status])).toEqual([
      ['state_nonce', 'pending'],
      ['login_completed', 'pending'],
      ['code_exchanged', 'pending'],
      ['userinfo_called', 'pending'],
      ['logout_id_token_hint', 'pending'],
    ]);
    expect(response.body.checks[0].help).toContain('au moins 22 caractères');
  });

  it('shows what the worker observed, with the errors met and what to fix, in French', async () => {
    const at = new Date('2026-11-20T10:00:00Z');
    for (const [key, status, detail] of [
      ['state_nonce', 'failed', 'state : 8 caractères, nonce : 43 caractères'],
      ['login_completed', 'passed', null],
    ] as const)
      await test.dataSource.query(
        `INSERT INTO partners.integration_check (client_id, check_key, status, detail, last_seen_at) VALUES ($1, $2, $3, $4, $5)`,
        [sandbox.clientId, key, status, detail, at],
      );
    await test.dataSource.query(
      `INSERT INTO partners.integration_error (client_id, event_type, error_code, count, last_seen_at) VALUES ($1, 'token', 'invalid_grant', 3, $2), ($1, 'authorize', 'mystery_error', 1, $2)`,
      [sandbox.clientId, at],
    );

    const { body } = await report();

    expect(body.complete).toBe(false);
    expect(body.checks[0]).toMatchObject({ key: 'state_nonce', status: 'failed', detail: 'state : 8 caractères, nonce : 43 caractères', lastSeenAt: at.toISOString() });
    expect(body.checks[1]).toMatchObject({ key: 'login_completed', status: 'passed' });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'token', stepLabel: 'Échange du code (/token)', code: 'invalid_grant', count: 3, explanation: expect.stringContaining('un code ne sert qu’une fois') }),
        expect.objectContaining({ code: 'mystery_error', explanation: expect.stringContaining('consultez la documentation') }),
      ]),
    );
  });

  it('is complete once every check passed', async () => {
    await test.dataSource.query(
      `INSERT INTO partners.integration_check (client_id, check_key, status, last_seen_at)
       SELECT $1, key, 'passed', now() FROM unnest(ARRAY['state_nonce','login_completed','code_exchanged','userinfo_called','logout_id_token_hint']) AS key
       ON CONFLICT (client_id, check_key) DO UPDATE SET status = 'passed'`,
      [sandbox.clientId],
    );
    expect((await report()).body.complete).toBe(true);
  });

  it('is not shown to a member of another organisation, nor without a session', async () => {
    expect((await stranger.client.get(`/api/service-providers/${sandbox.id}/integration`)).status).toBe(404);
    expect((await test.client().get(`/api/service-providers/${sandbox.id}/integration`)).status).toBe(401);
  });
});
