import {
  builtApp,
  chooseFiAndLogIn,
  consent,
  DEMO_APPLICANT,
  DEMO_HABILITATION_CONTENT,
  DEMO_INSTRUCTOR,
  FederationStack,
  HttpBrowser,
  openAuthorization,
  PartnersClient,
  StrictRelyingParty,
  validatedHabilitation,
} from '@federation/federation-harness';
import { freePort, startNodeProcess, TestMailbox, waitFor, waitForHealthy, type RunningProcess } from '@federation/testing';

const REDIRECT_URI = 'https://aides-sociales.lyon.test/connexion/retour';
const DATA_SCOPE = 'openid given_name family_name dgfip_rfr';

/**
 * An « API FranceConnectée » habilitation end to end, with the real processes: the partner files
 * it, an admin validates it, the worker publishes the new scopes to the core, and the FS's own
 * sandbox client can then ask for the data provider's scope, get the citizen's consent and a
 * token the data provider accepts at checktoken.
 */
describe('« API FranceConnectée » habilitation: from the portal to checktoken', () => {
  let stack: FederationStack;
  let mailbox: TestMailbox;
  const processes: RunningProcess[] = [];
  let partnersBase: string;

  beforeAll(async () => {
    stack = await FederationStack.start('e2e-api-habilitation', {
      services: ['core', 'fi-gateway', 'mock-identity-provider', 'consent'],
    });
    mailbox = await TestMailbox.start();
    const apiPort = await freePort();
    const workerPort = await freePort();
    partnersBase = `http://127.0.0.1:${apiPort}`;
    processes.push(
      startNodeProcess(builtApp('partners-api'), { ...stack.env(), PORT: `${apiPort}`, PORTAL_URL: 'http://portail.test', PASSWORD_SCRYPT_LOG_N: '12' }),
      startNodeProcess(builtApp('worker'), { ...stack.env(), PORT: `${workerPort}`, SMTP_URL: mailbox.smtpUrl }),
    );
    await waitForHealthy(`${partnersBase}/health`, processes[0] as RunningProcess);
    await waitForHealthy(`http://127.0.0.1:${workerPort}/health`, processes[1] as RunningProcess);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((running) => running.stop('SIGTERM')));
    await mailbox?.stop();
    await stack?.stop();
  });

  const published = (client: PartnersClient, id: string, expectedScope: string) =>
    waitFor(
      async () => {
        const view = (await client.call('GET', `/api/service-providers/${id}`)).body;
        if (view.publication?.status === 'failed') throw new Error(`publication failed: ${view.publication.failureReason}`);
        return view.publication?.status === 'published' && view.publication.version === view.configVersion && view.scopes.includes(expectedScope)
          ? view
          : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, description: 'the publication to be acknowledged' },
    );

  it('lets the FS ask for the data provider’s scope only once its request is validated, and the data provider accepts its token', async () => {
    const instructor = await PartnersClient.signIn(partnersBase, DEMO_INSTRUCTOR);
    const applicant = await PartnersClient.signIn(partnersBase, DEMO_APPLICANT);
    const habilitationId = await validatedHabilitation(applicant, instructor, DEMO_HABILITATION_CONTENT);
    const [sandbox] = (await applicant.call('GET', `/api/habilitations/${habilitationId}/service-providers`)).body;
    expect((await applicant.call('PATCH', `/api/service-providers/${sandbox.id}`, { redirectUris: [REDIRECT_URI] })).status).toBe(200);
    const issued = await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {});
    expect(issued.status).toBe(201);
    await published(applicant, sandbox.id, 'openid');
    const rp = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      clientId: sandbox.clientId,
      clientSecret: issued.body.clientSecret,
      redirectUri: REDIRECT_URI,
      postLogoutRedirectUri: 'http://localhost:8080/logout-callback',
    });

    // Before: the core refuses the data provider's scope to this client
    const early = await rp.authorizationRequest({ scope: DATA_SCOPE });
    const refused = await openAuthorization(new HttpBrowser(), early, REDIRECT_URI);
    expect(new URL(refused.url).searchParams.get('error')).toBe('invalid_scope');

    // The partner files the request; the admin validates it
    const filed = await applicant.call('POST', `/api/habilitations/${habilitationId}/api-requests`, {
      dataProviderSlug: 'dgfip',
      scopes: ['dgfip_rfr'],
      justification: 'Calcul du quotient pour la tarification sociale de la restauration scolaire.',
    });
    expect(filed.status).toBe(201);
    const validated = await instructor.call('POST', `/api/admin/api-requests/${filed.body.id}/validate`, {});
    expect(validated.status).toBe(200);
    await published(applicant, sandbox.id, 'dgfip_rfr');

    // After: the citizen sees the data provider on the consent page, consents, and the FS gets the scope
    await waitFor(
      async () => {
        const pending = await rp.authorizationRequest({ scope: DATA_SCOPE });
        const browser = new HttpBrowser();
        const choice = await openAuthorization(browser, pending, REDIRECT_URI);
        if (choice.status === 0) return undefined; // the core's 2 s cache still has the old scopes
        const consentPage = await chooseFiAndLogIn(browser, choice, { fi: 'impots', login: 'test' }, REDIRECT_URI);
        expect(consentPage.body).toContain('Direction générale des Finances publiques (démo)');
        const { tokens } = await rp.complete(await consent(browser, consentPage, REDIRECT_URI), pending);
        expect(tokens.scope?.split(' ')).toContain('dgfip_rfr');

        const checked = await fetch(`${stack.url('consent')}/api/checktoken`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            authorization: `Basic ${Buffer.from(`fd-dgfip:${stack.secrets['MOCK_FD_DGFIP_CLIENT_SECRET']}`).toString('base64')}`,
          },
          body: new URLSearchParams({ token: String(tokens.access_token) }),
        });
        const payload = JSON.parse(Buffer.from((await checked.text()).split('.')[1] as string, 'base64url').toString());
        expect(payload.token_introspection).toMatchObject({ active: true, scope: 'dgfip_rfr', client_id: sandbox.clientId });
        return true;
      },
      { timeoutMs: 10_000, intervalMs: 250, description: 'the core to accept the data provider scope for this client' },
    );
  });
});
