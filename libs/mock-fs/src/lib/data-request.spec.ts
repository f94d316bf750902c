import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { freePort } from '@federation/testing';
import { DEFAULT_MOCK_FS_DATA_SCOPES, DEFAULT_MOCK_FS_SCOPE, MOCK_FD_DATA_ENDPOINT } from './mock-fs.config';
import { MockFsModule } from './mock-fs.module';
import { MOCK_SERVICES, mockServiceUrls, type MockServiceUrls } from './mock-services';
import { startTestDataProvider, TEST_DATA_PROVIDER_SUB, type TestDataProvider } from './testing/test-data-provider';
import { locationOf, TestBrowser } from './testing/test-browser';
import { startTestOpenIdProvider, TEST_CITIZEN, type TestOpenIdProvider } from './testing/test-openid-provider';

const [SERVICE_A, SERVICE_B] = MOCK_SERVICES;
const TOKEN_REFUSED = 'Le fournisseur de données a refusé le jeton : l’autorisation a peut-être été retirée ou a expiré';

/** Every line the app logs, to prove that the access token never reaches the logs. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, ...rest: unknown[]) {
    this.lines.push(JSON.stringify([message, ...rest]));
  }
  error = this.log;
  warn = this.log;
  debug = this.log;
  verbose = this.log;
  fatal = this.log;
}

interface StartedMockFs {
  app: INestApplication;
  urls: MockServiceUrls;
}

const clientsFor = (suffix: string) => ({
  [SERVICE_A.id]: { clientId: `demo-service-a${suffix}`, clientSecret: 'test-only-demo-service-a-secret-0123456789' },
  [SERVICE_B.id]: { clientId: `demo-service-b${suffix}`, clientSecret: 'test-only-demo-service-b-secret-0123456789' },
});

describe('« Récupérer mes données »: an access token for the data provider, and « Mes données »', () => {
  let provider: TestOpenIdProvider;
  let dataProvider: TestDataProvider;
  let fs: StartedMockFs;
  /** A second mock whose data scopes lack dgfip_rfr, to meet a 403. */
  let narrowFs: StartedMockFs;
  const logger = new CapturingLogger();
  const publicUrls: Record<string, string> = {};

  async function startMockFs(suffix: string, dataScope: string, capture?: LoggerService): Promise<StartedMockFs> {
    const publicUrl = publicUrls[suffix] as string;
    const app = await NestFactory.create(
      MockFsModule.register({
        issuer: provider.issuer,
        publicUrl,
        scope: DEFAULT_MOCK_FS_SCOPE,
        dataScope,
        dataProviderEndpoint: `${dataProvider.url}${MOCK_FD_DATA_ENDPOINT}`,
        cookieSecret: 'test-only-mock-fs-cookie-secret-0123456789',
        clients: clientsFor(suffix),
        timeoutSeconds: 2,
      }),
      { logger: capture ?? false },
    );
    await app.listen(Number(new URL(publicUrl).port), '127.0.0.1');
    return { app, urls: mockServiceUrls(SERVICE_A, publicUrl) };
  }

  beforeAll(async () => {
    for (const suffix of ['', '-narrow']) publicUrls[suffix] = `http://127.0.0.1:${await freePort()}`;
    provider = await startTestOpenIdProvider(
      Object.entries(publicUrls).flatMap(([suffix, publicUrl]) =>
        [SERVICE_A, SERVICE_B].map((service) => ({
          ...clientsFor(suffix)[service.id],
          redirectUri: mockServiceUrls(service, publicUrl).redirectUri,
          postLogoutRedirectUri: mockServiceUrls(service, publicUrl).postLogoutRedirectUri,
        })),
      ),
    );
    dataProvider = await startTestDataProvider(provider);
    fs = await startMockFs('', DEFAULT_MOCK_FS_DATA_SCOPES, logger);
    // Nest's logger is process-wide: both apps log to the same capture.
    narrowFs = await startMockFs('-narrow', 'openid given_name dgfip_nbpart', logger);
  });

  afterEach(() => {
    dataProvider.failWith(undefined);
  });

  afterAll(async () => {
    await fs?.app.close();
    await narrowFs?.app.close();
    await dataProvider?.close();
    await provider?.close();
  });

  it('offers « Récupérer mes données » on the home page, signed in or not, with the scopes it asks for', async () => {
    // When a citizen opens the home page without a session
    const page = await (await fetch(fs.urls.home)).text();

    // Then the action is there, a GET form towards /data/authorize
    expect(page).toContain('<form method="get" action="/data/authorize"><button type="submit" class="fr-btn fr-btn--secondary" data-testid="fetch-data-button">Récupérer mes données</button>');
    expect(page).toContain(`<code data-testid="data-scope">${DEFAULT_MOCK_FS_DATA_SCOPES}</code>`);

    // And it is there too once signed in
    const browser = new TestBrowser();
    const signedIn = await (await browser.open(`${fs.urls.login}?acr=eidas1`)).text();
    expect(signedIn).toContain('Vous êtes connecté');
    expect(signedIn).toContain('data-testid="fetch-data-button"');
    expect(signedIn).not.toContain('data-testid="view-data-link"');
  });

  it('sends the browser to the core with the data scopes, state, nonce and PKCE S256', async () => {
    const response = await new TestBrowser().fetch(fs.urls.dataRequest);

    expect(response.status).toBe(302);
    const location = locationOf(response);
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
    const parameters = Object.fromEntries(location.searchParams);
    expect(parameters).toMatchObject({
      client_id: 'demo-service-a',
      redirect_uri: fs.urls.redirectUri,
      response_type: 'code',
      scope: 'openid given_name family_name dgfip_rfr dgfip_nbpart',
      acr_values: 'eidas1',
      code_challenge_method: 'S256',
    });
    expect(parameters['state']?.length).toBeGreaterThanOrEqual(22);
    expect(parameters['nonce']?.length).toBeGreaterThanOrEqual(22);
    expect(parameters['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('calls the data provider with the access token after the callback, and shows its answer with French labels', async () => {
    // When the citizen clicks « Récupérer mes données » and consents at the core
    const browser = new TestBrowser();
    const page = await browser.open(fs.urls.dataRequest);

    // Then « Mes données » shows what the data provider answered
    expect(page.url).toBe(fs.urls.data);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<h1>Mes données</h1>');
    expect(html).toContain('data-testid="data-table"');
    expect(html).toContain('<th scope="row">Revenu fiscal de référence</th>');
    expect(html).toMatch(/<td data-testid="data-value-referenceTaxIncome">23\s456\s€<\/td>/u);
    expect(html).toContain('<th scope="row">Année des revenus</th><td data-testid="data-value-incomeYear">2025</td>');
    expect(html).toContain('<th scope="row">Nombre de parts fiscales</th><td data-testid="data-value-taxShares">2,5</td>');
    expect(html).toContain(`<td data-testid="data-value-sub">${TEST_DATA_PROVIDER_SUB}</td>`);
    expect(html).toContain('Appeler à nouveau l’API');

    // And the data provider received the access token the core issued, with the data scopes
    const authorization = dataProvider.authorizations.at(-1) as string;
    expect(authorization).toMatch(/^Bearer \S+$/);
    const token = authorization.slice('Bearer '.length);
    expect(await provider.accessTokenScopes(token)).toEqual(expect.arrayContaining(['openid', 'dgfip_rfr', 'dgfip_nbpart']));

    // And the citizen is signed in, the home page offering to see the data again
    const home = await (await browser.fetch(fs.urls.home)).text();
    expect(home).toContain('Vous êtes connecté');
    expect(home).toContain(TEST_CITIZEN.claims.family_name);
    expect(home).toContain('href="/data" data-testid="view-data-link"');
  });

  it('never shows nor logs the access token, and keeps it sealed in the cookie', async () => {
    const browser = new TestBrowser();
    const html = await (await browser.open(fs.urls.dataRequest)).text();
    const token = (dataProvider.authorizations.at(-1) as string).slice('Bearer '.length);

    const cookie = browser.cookie(SERVICE_A.cookieName) as string;
    const home = await (await browser.fetch(fs.urls.home)).text();
    for (const visible of [html, home, cookie, Buffer.from(cookie, 'base64url').toString('latin1'), logger.lines.join('\n')]) {
      expect(visible).not.toContain(token);
    }
    expect(logger.lines.join('\n')).toContain('data provider call: data');
  });

  it('« Appeler à nouveau l’API » calls the data provider again with the same token', async () => {
    // Given data fetched once
    const browser = new TestBrowser();
    await browser.open(fs.urls.dataRequest);
    const first = dataProvider.authorizations.at(-1);

    // When the citizen clicks the button (a GET form to /data)
    const again = await browser.fetch(fs.urls.data);

    // Then the page shows the data again, from a new call with the same token
    expect(await again.text()).toContain('data-testid="data-table"');
    expect(dataProvider.authorizations.at(-1)).toBe(first);
    expect(dataProvider.authorizations.filter((value) => value === first)).toHaveLength(2);
  });

  it('says in French that the token was refused once the authorization is withdrawn (401)', async () => {
    // Given data fetched once
    const browser = new TestBrowser();
    await browser.open(fs.urls.dataRequest);

    // When the citizen withdraws their consent, and the service calls the API again
    await provider.revokeAccessTokens();
    const page = await browser.fetch(fs.urls.data);

    // Then « Mes données » explains the refusal and offers a new authorization
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="data-error" data-outcome="token-refused"');
    expect(html).toContain(TOKEN_REFUSED);
    expect(html).not.toContain('data-testid="data-table"');
    expect(html).toContain('data-testid="fetch-data-button"');
  });

  it('says the data provider is unavailable when it answers 503', async () => {
    const browser = new TestBrowser();
    await browser.open(fs.urls.dataRequest);

    dataProvider.failWith(503);
    const html = await (await browser.fetch(fs.urls.data)).text();

    expect(html).toContain('data-outcome="unavailable"');
    expect(html).toContain('Le fournisseur de données est momentanément indisponible');
  });

  it('shows the status and the data provider’s French message for another error (502, misconfigured FD)', async () => {
    const browser = new TestBrowser();
    await browser.open(fs.urls.dataRequest);

    dataProvider.failWith(502);
    const html = await (await browser.fetch(fs.urls.data)).text();

    expect(html).toContain('data-outcome="failed"');
    expect(html).toContain('<strong data-testid="data-error-status">502</strong>');
    expect(html).toContain('Le fournisseur de données est mal configuré');
  });

  it('says the data provider is unavailable when it does not answer at all', async () => {
    // Given a service whose data provider is not running
    const browser = new TestBrowser();
    await browser.open(fs.urls.dataRequest);
    await dataProvider.close();
    try {
      // When the citizen calls the API again
      const html = await (await browser.fetch(fs.urls.data)).text();

      // Then the page says so, in French
      expect(html).toContain('data-outcome="unavailable"');
    } finally {
      dataProvider = await startTestDataProvider(provider, Number(new URL(dataProvider.url).port));
    }
  });

  it('says the token does not give access to these data when the scope was not granted (403)', async () => {
    // Given a service whose data request lacks dgfip_rfr
    const browser = new TestBrowser();

    // When the citizen fetches their data
    const html = await (await browser.open(narrowFs.urls.dataRequest)).text();

    // Then the refusal is explained
    expect(html).toContain('data-outcome="insufficient-scope"');
    expect(html).toContain('le jeton ne comporte pas l’autorisation nécessaire');
  });

  it('calls nothing and offers to fetch the data when no access token is stored', async () => {
    const before = dataProvider.authorizations.length;

    const html = await (await fetch(fs.urls.data)).text();

    expect(html).toContain('data-testid="no-data-authorization"');
    expect(html).not.toContain('Appeler à nouveau l’API');
    expect(dataProvider.authorizations.length).toBe(before);
  });

  it('offers to retry the data request when the citizen refuses at the core', async () => {
    provider.setNextAuthentication({ error: 'access_denied' });

    const response = await new TestBrowser().open(fs.urls.dataRequest);

    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<strong data-testid="error-code">access_denied</strong>');
    expect(html).toContain('href="/data/authorize" data-testid="retry"');
  });
});
