import { createServer, type Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { freePort } from '@federation/testing';
import { DEFAULT_MOCK_FS_DATA_SCOPES, DEFAULT_MOCK_FS_SCOPE, type MockFsOptions } from './mock-fs.config';
import { MockFsModule } from './mock-fs.module';
import { MOCK_SERVICES, mockServiceUrls } from './mock-services';
import { locationOf, parseForm, TestBrowser } from './testing/test-browser';
import { startTestOpenIdProvider, TEST_CITIZEN, type TestOpenIdProvider } from './testing/test-openid-provider';

const [SERVICE_A, SERVICE_B] = MOCK_SERVICES;
const CLIENTS = {
  [SERVICE_A.id]: { clientId: 'demo-service-a', clientSecret: 'test-only-demo-service-a-secret-0123456789' },
  [SERVICE_B.id]: { clientId: 'demo-service-b', clientSecret: 'test-only-demo-service-b-secret-0123456789' },
};

async function startMockFs(
  options: Omit<MockFsOptions, 'scope' | 'cookieSecret' | 'clients' | 'dataScope' | 'dataProviderEndpoint'>,
): Promise<INestApplication> {
  const app = await NestFactory.create(
    MockFsModule.register({
      ...options,
      scope: DEFAULT_MOCK_FS_SCOPE,
      dataScope: DEFAULT_MOCK_FS_DATA_SCOPES,
      // No data provider in these tests: « Récupérer mes données » has its own (data-request.spec.ts).
      dataProviderEndpoint: 'http://127.0.0.1:9/dgfip/revenu-fiscal-de-reference',
      cookieSecret: 'test-only-mock-fs-cookie-secret-0123456789',
      clients: CLIENTS,
      timeoutSeconds: 2,
    }),
    { logger: false },
  );
  await app.listen(Number(new URL(options.publicUrl).port), '127.0.0.1');
  return app;
}

/** The value of a cookie, and the attributes of the last Set-Cookie line that set it. */
function lastSetCookie(browser: TestBrowser, name: string): string {
  const line = [...browser.setCookieLines].reverse().find((candidate) => candidate.startsWith(`${name}=`));
  if (!line) throw new Error(`no Set-Cookie for ${name}`);
  return line;
}

describe('demo service providers, signing in through a stand-in for the core', () => {
  let provider: TestOpenIdProvider;
  let app: INestApplication;
  let publicUrl: string;
  const urlsA = () => mockServiceUrls(SERVICE_A, publicUrl);
  const urlsB = () => mockServiceUrls(SERVICE_B, publicUrl);

  beforeAll(async () => {
    publicUrl = `http://127.0.0.1:${await freePort()}`;
    provider = await startTestOpenIdProvider(
      [SERVICE_A, SERVICE_B].map((service) => ({
        ...CLIENTS[service.id],
        redirectUri: mockServiceUrls(service, publicUrl).redirectUri,
        postLogoutRedirectUri: mockServiceUrls(service, publicUrl).postLogoutRedirectUri,
      })),
    );
    app = await startMockFs({ issuer: provider.issuer, publicUrl });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  /** From the home page's form to the page shown after the callback. */
  async function signIn(browser: TestBrowser, urls = urlsA(), acr = 'eidas2'): Promise<Response> {
    return browser.open(`${urls.login}?acr=${acr}`);
  }

  describe('without a session', () => {
    it('shows service A’s home page in French, with the level choice and the login button', async () => {
      // When the citizen opens service A
      const response = await fetch(urlsA().home);

      // Then the page is in French, with a GET form to /login choosing the eIDAS level (eidas1 by default)
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      const page = await response.text();
      expect(page).toContain('<html lang="fr"');
      expect(page).toContain('Démarche en ligne A — démo');
      expect(page).toMatch(/<form method="get" action="\/login"/);
      expect(page).toContain('<label class="fr-label" for="acr">Niveau eIDAS demandé');
      expect(page).toContain('<option value="eidas1" selected>eidas1 — Faible</option>');
      expect(page).toContain('<option value="eidas2">eidas2 — Substantiel</option>');
      expect(page).toContain('<option value="eidas3">eidas3 — Élevé</option>');
      expect(page).toContain('Se connecter avec la fédération d’identité');
      expect(page).toContain('href="/dsfr/dsfr.min.css"');
      expect(page).not.toContain('Vous êtes connecté');
    });

    it('shows service B’s home page under /autre-service, with a link to service A', async () => {
      const page = await (await fetch(urlsB().home)).text();

      expect(page).toContain('Démarche en ligne B — démo');
      expect(page).toMatch(/<form method="get" action="\/autre-service\/login"/);
      expect(page).toContain('href="/"');
    });

    it('serves the DSFR stylesheet the pages link to', async () => {
      const response = await fetch(`${publicUrl}/dsfr/dsfr.min.css`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/css');
    });
  });

  describe('login', () => {
    it('sends the browser to the core with state, a nonce of at least 22 characters, PKCE S256 and the chosen level', async () => {
      // When the citizen chooses eidas2 and clicks the button
      const response = await new TestBrowser().fetch(`${urlsA().login}?acr=eidas2`);

      // Then the browser goes to the authorization endpoint with every parameter the core requires
      expect(response.status).toBe(302);
      const location = locationOf(response);
      expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
      const parameters = Object.fromEntries(location.searchParams);
      expect(parameters).toMatchObject({
        client_id: 'demo-service-a',
        redirect_uri: urlsA().redirectUri,
        response_type: 'code',
        scope: 'openid identite_pivot email preferred_username',
        acr_values: 'eidas2',
        code_challenge_method: 'S256',
      });
      expect(parameters['state']?.length).toBeGreaterThanOrEqual(22);
      expect(parameters['nonce']?.length).toBeGreaterThanOrEqual(22);
      expect(parameters['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('keeps the login in progress in an httpOnly, SameSite=Lax cookie that reveals neither state nor nonce', async () => {
      // When the login starts
      const browser = new TestBrowser();
      const location = locationOf(await browser.fetch(`${urlsB().login}?acr=eidas1`));

      // Then service B's cookie is httpOnly, Lax, scoped to its path, and encrypted
      const line = lastSetCookie(browser, SERVICE_B.cookieName);
      expect(line).toMatch(/; HttpOnly/i);
      expect(line).toMatch(/; SameSite=Lax/i);
      expect(line).toMatch(/; Path=\/autre-service(;|$)/);
      const value = browser.cookie(SERVICE_B.cookieName) as string;
      for (const secret of [location.searchParams.get('state'), location.searchParams.get('nonce')]) {
        expect(value).not.toContain(secret);
        expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain(secret);
      }
    });

    it('refuses an unknown level with a French page', async () => {
      const response = await fetch(`${urlsA().login}?acr=eidas9`);

      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('Demande de connexion invalide');
      expect(page).toContain('MOCK-FS-004');
    });

    it('signs the citizen in and shows their sub, level and identity with French labels', async () => {
      // When the citizen signs in at eidas2
      const browser = new TestBrowser();
      const page = await signIn(browser, urlsA(), 'eidas2');

      // Then the home page of service A says who they are
      expect(page.url).toBe(urlsA().home);
      const html = await page.text();
      expect(html).toContain('Vous êtes connecté');
      expect(html).toMatch(/<code data-testid="sub">[^<]+<\/code>/);
      expect(html).toContain('<dd data-testid="acr">eidas2 — Substantiel</dd>');
      expect(html).toContain('<th scope="row">Prénom(s)</th>');
      expect(html).toContain('<th scope="row">Nom de naissance</th>');
      expect(html).toContain('<th scope="row">Adresse électronique</th>');
      expect(html).toContain('<th scope="row">Nom d’usage</th>');
      expect(html).toContain(TEST_CITIZEN.claims.family_name);
      expect(html).toContain('24/08/1962');
      expect(html).toContain('Se déconnecter');
    });

    it('keeps the session in an httpOnly cookie that does not contain the ID token nor the identity in clear', async () => {
      // Given a signed-in citizen
      const browser = new TestBrowser();
      await signIn(browser);

      // Then the session cookie is httpOnly and opaque
      const line = lastSetCookie(browser, SERVICE_A.cookieName);
      expect(line).toMatch(/; HttpOnly/i);
      expect(line).toMatch(/; SameSite=Lax/i);
      const value = browser.cookie(SERVICE_A.cookieName) as string;
      expect(value.length).toBeLessThan(4000);
      const decoded = Buffer.from(value, 'base64url').toString('latin1');
      for (const clear of [value, decoded]) {
        expect(clear).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
        expect(clear).not.toContain(TEST_CITIZEN.claims.family_name);
      }

      // And the ID token the core issued (seen in the logout URL) is not in it
      const logout = locationOf(await browser.fetch(urlsA().logout));
      const idToken = logout.searchParams.get('id_token_hint') as string;
      expect(idToken).toMatch(/^eyJ/);
      expect(value).not.toContain(idToken);
      expect(value).not.toContain(idToken.split('.')[1]);
    });

    it('shows “La connexion n’a pas abouti” with the error code when the core answers access_denied', async () => {
      // Given a citizen who cancels at the core
      provider.setNextAuthentication({ error: 'access_denied' });

      // When they come back to the callback
      const response = await signIn(new TestBrowser(), urlsA(), 'eidas3');

      // Then a French page shows the code and offers to try again at the same level
      expect(new URL(response.url).pathname).toBe('/login-callback');
      expect(new URL(response.url).searchParams.get('error')).toBe('access_denied');
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('<html lang="fr"');
      expect(page).toContain('La connexion n’a pas abouti');
      expect(page).toContain('<strong data-testid="error-code">access_denied</strong>');
      expect(page).toContain('href="/login?acr=eidas3" data-testid="retry">Réessayer</a>');
      expect(page).not.toMatch(/at .*\.js:\d+/);
    });

    it('shows the same French page for an error callback opened without a login in progress', async () => {
      const response = await fetch(`${urlsB().redirectUri}?error=access_denied&error_description=Annul%C3%A9&state=x`);

      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('La connexion n’a pas abouti');
      expect(page).toContain('access_denied');
      expect(page).toContain('href="/autre-service" data-testid="retry"');
    });

    it('refuses a callback that matches no login in progress', async () => {
      const response = await fetch(`${urlsA().redirectUri}?code=forged&state=forged`);

      expect(response.status).toBe(400);
      expect(await response.text()).toContain('MOCK-FS-002');
    });

    it('refuses an ID token whose level is below the requested one', async () => {
      // Given a core that authenticates at eidas1 when eidas3 was asked
      provider.setNextAuthentication({ acr: 'eidas1' });
      const browser = new TestBrowser();

      // When the citizen comes back
      const response = await signIn(browser, urlsA(), 'eidas3');

      // Then the login fails, and they are not signed in
      expect(response.status).toBe(502);
      const page = await response.text();
      expect(page).toContain('La connexion n’a pas abouti');
      expect(page).toContain('acr_not_satisfied');
      expect(await (await browser.fetch(urlsA().home)).text()).not.toContain('Vous êtes connecté');
    });

    it('signs the citizen in at service B without authenticating again (single sign-on)', async () => {
      // Given a citizen signed in at service A
      const browser = new TestBrowser();
      await signIn(browser, urlsA(), 'eidas1');
      const before = provider.authentications();

      // When they log in at service B
      const page = await signIn(browser, urlsB(), 'eidas1');

      // Then they are signed in there too, with no new authentication
      expect(page.url).toBe(urlsB().home);
      expect(await page.text()).toContain('Vous êtes connecté');
      expect(provider.authentications()).toBe(before);
    });

    it('ignores a session cookie copied from the other service', async () => {
      // Given a session of service A, copied under service B's cookie name
      const browser = new TestBrowser();
      await signIn(browser);
      const stolen = browser.cookie(SERVICE_A.cookieName) as string;

      // When service B's home page is opened with it
      const page = await (await fetch(urlsB().home, { headers: { cookie: `${SERVICE_B.cookieName}=${stolen}` } })).text();

      // Then service B does not consider the citizen signed in
      expect(page).not.toContain('Vous êtes connecté');
    });
  });

  describe('logout', () => {
    it('ends the session at the core and comes back to “Vous êtes déconnecté”', async () => {
      // Given a signed-in citizen
      const browser = new TestBrowser();
      await signIn(browser);

      // When they click "Se déconnecter"
      const toCore = await browser.fetch(urlsA().logout);

      // Then they are sent to the core's end_session endpoint with the ID token, the return URL and a state
      const endSession = locationOf(toCore);
      expect(`${endSession.origin}${endSession.pathname}`).toBe(`${provider.issuer}/session/end`);
      expect(endSession.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
      expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(urlsA().postLogoutRedirectUri);
      const state = endSession.searchParams.get('state');
      expect(state?.length).toBeGreaterThanOrEqual(22);

      // When they confirm at the core
      const confirmation = await browser.fetch(endSession.href);
      const form = parseForm(await confirmation.text());
      const back = await browser.follow(
        await browser.fetch(new URL(form.action, endSession).href, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form.fields),
        }),
      );

      // Then the service confirms the logout and forgets the session
      expect(new URL(back.url).pathname).toBe('/logout-callback');
      expect(new URL(back.url).searchParams.get('state')).toBe(state);
      expect(back.status).toBe(200);
      expect(await back.text()).toContain('Vous êtes déconnecté');
      expect(browser.cookie(SERVICE_A.cookieName)).toBeUndefined();
      expect(await (await browser.fetch(urlsA().home)).text()).toContain('Se connecter avec la fédération d’identité');
    });

    it('refuses a logout callback whose state is not the one sent', async () => {
      const response = await fetch(`${urlsA().postLogoutRedirectUri}?state=forged`);

      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Déconnexion non confirmée');
    });

    it('sends a visitor without a session back to the home page', async () => {
      const response = await fetch(urlsB().logout, { redirect: 'manual' });

      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/autre-service');
    });
  });
});

describe('demo service providers, while the core is down', () => {
  let app: INestApplication;
  let publicUrl: string;
  let corePort: number;
  let fakeCore: Server | undefined;

  beforeAll(async () => {
    publicUrl = `http://127.0.0.1:${await freePort()}`;
    corePort = await freePort();
    app = await startMockFs({ issuer: `http://127.0.0.1:${corePort}/api/v2`, publicUrl });
  });

  afterAll(async () => {
    await app?.close();
    fakeCore?.closeAllConnections();
    await new Promise((resolve) => (fakeCore ? fakeCore.close(resolve) : resolve(undefined)));
  });

  it('starts and serves its home page', async () => {
    const response = await fetch(`${publicUrl}/`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Se connecter avec la fédération d’identité');
  });

  it('shows a French page when the core cannot be reached, then logs in once it answers', async () => {
    // When the citizen logs in while the core is down
    const down = await fetch(`${publicUrl}/login?acr=eidas2`, { redirect: 'manual' });

    // Then a French page says the connection is unavailable for now, with a retry at the same level
    expect(down.status).toBe(503);
    const page = await down.text();
    expect(page).toContain('Connexion momentanément indisponible');
    expect(page).toContain('href="/login?acr=eidas2" data-testid="retry"');

    // When the core comes up (its discovery document), Then the next try goes to it
    const issuer = `http://127.0.0.1:${corePort}/api/v2`;
    fakeCore = await serveDiscoveryDocument(corePort, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/session/end`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
    });
    const up = await fetch(`${publicUrl}/login?acr=eidas2`, { redirect: 'manual' });
    expect(up.status).toBe(302);
    expect(up.headers.get('location')?.startsWith(`${issuer}/authorize?`)).toBe(true);
  });
});

/** A stand-in core that only publishes its discovery document. */
function serveDiscoveryDocument(port: number, metadata: Record<string, unknown>): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/api/v2/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(metadata));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
