import {
  chooseFiAndLogIn,
  consent,
  DEMO_CLIENT_A,
  FederationStack,
  HttpBrowser,
  openAuthorization,
  StrictRelyingParty,
  type HttpPage,
} from '@federation/federation-harness';
import { waitFor } from '@federation/testing';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';

const DATA_SCOPE = 'openid given_name family_name dgfip_rfr dgfip_nbpart';
const CITIZEN = { fi: 'impots', login: 'test' };

/**
 * The FranceConnect-ed API flow with the real processes: core, FI gateway, mock FI, consent
 * service (checktoken, dashboard) and mock data provider. The FS is openid-client (strict).
 */
describe('data provider APIs: consent at the core, checktoken, the citizen dashboard', () => {
  let stack: FederationStack;
  let serviceA: StrictRelyingParty;

  beforeAll(async () => {
    stack = await FederationStack.start('data-provider-api', {
      services: ['core', 'fi-gateway', 'mock-identity-provider', 'consent', 'mock-data-provider'],
    });
    serviceA = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** The citizen logs in to service A asking for `scope`, up to the core's consent page. */
  async function upToConsentPage(browser: HttpBrowser, scope: string, citizen = CITIZEN) {
    const pending = await serviceA.authorizationRequest({ scope });
    const choice = await openAuthorization(browser, pending, stack.redirectUri('a'));
    const consentPage = await chooseFiAndLogIn(browser, choice, citizen, stack.redirectUri('a'));
    return { pending, consentPage };
  }

  async function accessToken(scope: string, browser = new HttpBrowser()): Promise<string> {
    const { pending, consentPage } = await upToConsentPage(browser, scope);
    const callback = await consent(browser, consentPage, stack.redirectUri('a'));
    const { tokens } = await serviceA.complete(callback, pending);
    return String(tokens.access_token);
  }

  const callDataProvider = (token?: string, path = '/dgfip/revenu-fiscal-de-reference') =>
    fetch(`${stack.url('mock-data-provider')}${path}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  const checktoken = (token: string, secret: string) =>
    fetch(`${stack.url('consent')}/api/checktoken`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`fd-dgfip:${secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ token }),
    });

  /** The citizen opens their dashboard (in the same browser: their SSO session at the core). */
  async function openDashboard(browser: HttpBrowser): Promise<HttpPage> {
    const dashboardUrl = `${stack.url('consent')}/tableau-de-bord`;
    // SSO: no FI this time; the core shows what the dashboard will receive, then sends the citizen back.
    let page = await browser.follow(`${stack.url('consent')}/connexion`);
    if (page.body.includes('Continuer sur')) page = await browser.follow(await browser.submit(page, {}, '/consent'));
    expect({ url: page.url, status: page.status }).toEqual({ url: dashboardUrl, status: 200 });
    return page;
  }

  it('shows data provider scopes apart, with the provider’s name, and needs the citizen to tick their consent', async () => {
    const browser = new HttpBrowser();
    const { pending, consentPage } = await upToConsentPage(browser, DATA_SCOPE);

    expect(consentPage.body).toContain('Données demandées à des administrations');
    expect(consentPage.body).toContain('Direction générale des Finances publiques (démo)');
    expect(consentPage.body).toContain('Revenu fiscal de référence');
    expect(consentPage.body).toContain('Nombre de parts fiscales');

    const refused = await browser.submit(consentPage, {}, '/consent');
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Pour continuer, cochez la case');

    const callback = await consent(browser, refused, stack.redirectUri('a'));
    const { tokens, claims } = await serviceA.complete(callback, pending);
    expect(tokens.scope?.split(' ').sort()).toEqual(['dgfip_nbpart', 'dgfip_rfr', 'family_name', 'given_name', 'openid']);
    expect(claims.sub).toMatch(/^[0-9a-f]{64}v1$/);
  });

  it('lets the FS obtain the data from the data provider, which learns the citizen through checktoken', async () => {
    const token = await accessToken(DATA_SCOPE);

    const response = await callDataProvider(token);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      sub: expect.stringMatching(/^[0-9a-f]{64}$/),
      referenceTaxIncome: expect.any(Number),
      taxShares: expect.any(Number),
    });
  });

  it('answers checktoken with a signed token-introspection+jwt carrying only the provider’s scopes and the pivot identity', async () => {
    const token = await accessToken('openid given_name dgfip_rfr mesr_statut_etudiant');
    const jwks = createLocalJWKSet((await (await fetch(`${stack.url('consent')}/api/jwks`)).json()) as { keys: JWK[] });

    const response = await checktoken(token, stack.secrets['MOCK_FD_DGFIP_CLIENT_SECRET'] as string);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/token-introspection+jwt');
    const jwt = await response.text();
    expect(decodeProtectedHeader(jwt)).toMatchObject({ alg: 'ES256', typ: 'token-introspection+jwt' });
    const { payload } = await jwtVerify(jwt, jwks, { issuer: stack.url('consent'), audience: 'fd-dgfip' });
    expect(payload['token_introspection']).toMatchObject({
      active: true,
      scope: 'dgfip_rfr',
      client_id: DEMO_CLIENT_A.clientId,
      client_name: 'Démarche en ligne A (démo)',
      acr: 'eidas1',
      identity: { given_name: 'Angela Claire Louise', family_name: 'Dubois', birthdate: '1962-08-24' },
    });
  });

  it('refuses wrong data provider credentials with 401, and a token without the provider’s scopes is inactive', async () => {
    const withoutData = await accessToken('openid given_name');

    const wrongCredentials = await checktoken(withoutData, 'pas-le-bon-secret-du-fournisseur-de-donnees');
    const noScope = await checktoken(withoutData, stack.secrets['MOCK_FD_DGFIP_CLIENT_SECRET'] as string);
    const atDataProvider = await callDataProvider(withoutData);

    expect(wrongCredentials.status).toBe(401);
    expect(await wrongCredentials.json()).toMatchObject({ error: 'invalid_client' });
    expect(noScope.status).toBe(200);
    const payload = JSON.parse(Buffer.from((await noScope.text()).split('.')[1] as string, 'base64url').toString());
    expect(payload.token_introspection).toEqual({ active: false });
    expect(atDataProvider.status).toBe(401);
    expect((await callDataProvider()).status).toBe(401);
  });

  it('shows the citizen their connections and the data shared, and a revoked consent stops the next call at once', async () => {
    const browser = new HttpBrowser();
    const token = await accessToken(DATA_SCOPE, browser);
    expect((await callDataProvider(token)).status).toBe(200);

    const dashboard = await openDashboard(browser);
    expect(dashboard.body).toContain('Démarche en ligne A (démo)');
    expect(dashboard.body).toContain('Impots');
    expect(dashboard.body).toContain('Direction générale des Finances publiques (démo)');
    expect(dashboard.body).toContain('Revenu fiscal de référence');

    const revokeForms = [...dashboard.body.matchAll(/action="([^"]*\/autorisations\/[^"]+\/retrait)"/g)].map((match) => match[1]);
    expect(revokeForms.length).toBeGreaterThan(0);
    let page = dashboard;
    for (const action of revokeForms) {
      page = await browser.follow(await browser.submit(page, {}, action));
      expect(page.status).toBe(200);
    }
    expect(page.body).toContain('Retirée le');

    const afterRevocation = await callDataProvider(token);
    expect(afterRevocation.status).toBe(401);
  });

  it('lets the citizen block an identity provider: the core then refuses it for them with a clear message', async () => {
    const browser = new HttpBrowser();
    await accessToken('openid given_name', browser);
    const dashboard = await openDashboard(browser);
    const blocked = await browser.follow(await browser.submit(dashboard, {}, '/comptes/impots/blocage'));
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatch(/Débloquer/);

    const other = new HttpBrowser();
    // After the FI, the core shows its refusal instead of the consent page.
    const { consentPage: refusal } = await upToConsentPage(other, 'openid given_name');
    expect(refusal.status).toBe(403);
    expect(refusal.body).toContain('Vous avez bloqué ce compte pour vous connecter');
    expect(refusal.body).toContain('Y000011');
    expect(refusal.body).toContain('Choisir un autre compte');

    // Another identity provider still works for them.
    const pending = await serviceA.authorizationRequest({ scope: 'openid given_name' });
    const again = new HttpBrowser();
    const choice = await openAuthorization(again, pending, stack.redirectUri('a'));
    const consentPage = await chooseFiAndLogIn(again, choice, { fi: 'ameli', login: 'test', acr: 'eidas1' }, stack.redirectUri('a'));
    expect(consentPage.body).toContain('Continuer sur');

    const unblocked = await browser.follow(await browser.submit(blocked, {}, '/comptes/impots/deblocage'));
    expect(unblocked.status).toBe(200);
    const { consentPage: allowed } = await upToConsentPage(new HttpBrowser(), 'openid given_name');
    expect(allowed.body).toContain('Continuer sur');
  });

  it('records every connection for the dashboard, the silent SSO ones included', async () => {
    const browser = new HttpBrowser();
    const citizen = { fi: 'impots', login: 'nom-usage' };
    const first = await serviceA.authorizationRequest({ scope: 'openid given_name' });
    const choice = await openAuthorization(browser, first, stack.redirectUri('a'));
    const consentPage = await chooseFiAndLogIn(browser, choice, citizen, stack.redirectUri('a'));
    await serviceA.complete(await consent(browser, consentPage, stack.redirectUri('a')), first);
    // Same service, same session: the core answers at once, without any page.
    const second = await serviceA.authorizationRequest({ scope: 'openid given_name' });
    const silent = await openAuthorization(browser, second, stack.redirectUri('a'));
    expect(silent.status).toBe(0);
    await serviceA.complete(silent.url, second);

    const dashboard = await waitFor(
      async () => {
        const page = await openDashboard(browser);
        return page.body.split('Démarche en ligne A (démo)').length - 1 === 2 ? page : undefined;
      },
      { timeoutMs: 5_000, intervalMs: 200, description: 'two connections to service A on the dashboard' },
    );
    expect(dashboard.body).toContain('Tableau de bord usager');
  });

  it('logs no personal data of the citizen in any service', () => {
    const logs = stack.logs();
    for (const value of ['Angela', 'Dubois', '1962-08-24', 'angela.dubois@example.com']) expect(logs).not.toContain(value);
  });
});
