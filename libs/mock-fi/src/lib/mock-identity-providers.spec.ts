import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as client from 'openid-client';
import { freePort } from '@federation/testing';
import {
  MOCK_IDENTITY_PROVIDERS,
  type MockIdentityProviderDefinition,
} from './identity-providers';
import { MockFiModule } from './mock-fi.module';
import {
  TEST_CITIZEN_PASSWORD,
  findTestCitizen,
  subjectFor,
  type TestCitizen,
} from './test-citizens';

const CLIENT_ID = 'fi-gateway';
const CLIENT_SECRET = 'test-only-client-secret-0123456789abcdef';
const FI_GATEWAY_PUBLIC_URL = 'http://gateway.localhost:4100';
const SCOPE = 'openid identite_pivot email';

const fiBySlug = (slug: string) =>
  MOCK_IDENTITY_PROVIDERS.find(
    (fi) => fi.slug === slug,
  ) as MockIdentityProviderDefinition;

describe('mock identity providers, seen by a strict relying party (the gateway)', () => {
  let app: INestApplication;
  let publicUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    app = await NestFactory.create(
      MockFiModule.register({
        publicUrl,
        gatewayUrl: FI_GATEWAY_PUBLIC_URL,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        cookieKeys: ['test-only-cookie-key-0123456789abcdefghij'],
      }),
      { logger: false, bodyParser: false },
    );
    await app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  const issuerOf = (slug: string) => `${publicUrl}/${slug}`;
  const redirectUriOf = (slug: string) => `${FI_GATEWAY_PUBLIC_URL}/fi/${slug}/callback`;
  const postLogoutRedirectUriOf = (slug: string) =>
    `${FI_GATEWAY_PUBLIC_URL}/fi/${slug}/logout/callback`;

  /** What the gateway does: discovery with its credentials, checking the FI's signature algorithm. */
  const discover = (fi: MockIdentityProviderDefinition) =>
    client.discovery(
      new URL(issuerOf(fi.slug)),
      CLIENT_ID,
      { id_token_signed_response_alg: fi.idTokenSigningAlg },
      client.ClientSecretPost(CLIENT_SECRET),
      { execute: [client.allowInsecureRequests] },
    );

  interface AuthorizationRequest {
    fi: MockIdentityProviderDefinition;
    config: client.Configuration;
    browser: Browser;
    codeVerifier: string;
    state: string;
    nonce: string;
    /** The response to the authorization request, after the redirects inside the FI. */
    landing: Response;
  }

  async function startAuthorization(
    fi: MockIdentityProviderDefinition,
    parameters: Record<string, string> = {},
    options: { withPkce?: boolean; browser?: Browser } = {},
  ): Promise<AuthorizationRequest> {
    const config = await discover(fi);
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUriOf(fi.slug),
      scope: SCOPE,
      state,
      nonce,
      ...(options.withPkce === false
        ? {}
        : {
            code_challenge:
              await client.calculatePKCECodeChallenge(codeVerifier),
            code_challenge_method: 'S256',
          }),
      ...parameters,
    });
    const browser = options.browser ?? new Browser();
    const landing = await browser.follow(await browser.fetch(url.href));
    return { fi, config, browser, codeVerifier, state, nonce, landing };
  }

  async function submitLogin(
    request: AuthorizationRequest,
    fields: { login: string; password?: string; acr?: string },
    overrides: Record<string, string> = {},
  ): Promise<Response> {
    const page = await request.landing.clone().text();
    const form = parseForm(page);
    const body = new URLSearchParams({
      ...form.fields,
      login: fields.login,
      password: fields.password ?? TEST_CITIZEN_PASSWORD,
      ...(fields.acr ? { acr: fields.acr } : {}),
      ...overrides,
    });
    return request.browser.fetch(
      new URL(form.action, request.landing.url || publicUrl).href,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      },
    );
  }

  /** A whole sign-in: authorization, login form, automatic consent, token and userinfo calls. */
  async function signIn(
    fi: MockIdentityProviderDefinition,
    login: string,
    acr: string,
  ) {
    const request = await startAuthorization(fi);
    const callback = await request.browser.follow(
      await submitLogin(request, { login, acr }),
    );
    const callbackUrl = new URL(location(callback));
    const tokens = await client.authorizationCodeGrant(
      request.config,
      callbackUrl,
      {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: request.state,
        expectedNonce: request.nonce,
      },
    );
    return { ...request, callbackUrl, tokens };
  }

  describe('discovery', () => {
    it.each(MOCK_IDENTITY_PROVIDERS.map((fi) => [fi.slug, fi] as const))(
      'publishes the metadata of %s under its own issuer',
      async (_slug, fi) => {
        // Given the FI's issuer, When the gateway discovers it
        const config = await discover(fi);
        const metadata = config.serverMetadata();

        // Then the FI advertises its levels, PKCE S256, RFC 9207 and logout
        expect(metadata.issuer).toBe(issuerOf(fi.slug));
        expect(metadata.acr_values_supported).toEqual([...fi.acrValues]);
        expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
        expect(metadata.authorization_response_iss_parameter_supported).toBe(
          true,
        );
        expect(metadata.end_session_endpoint).toBe(
          `${issuerOf(fi.slug)}/session/end`,
        );
        expect(metadata.response_types_supported).toEqual(['code']);
        expect(metadata.id_token_signing_alg_values_supported).toEqual(
          expect.arrayContaining(['ES256', 'RS256']),
        );
        expect(metadata.scopes_supported).toEqual(
          expect.arrayContaining([
            'openid',
            'identite_pivot',
            'profile',
            'birth',
            'email',
            'given_name',
            'birthplace',
          ]),
        );
      },
    );

    it('gives each FI its own signing keys', async () => {
      // Given two FIs, When their key sets are fetched
      const [impots, ameli] = await Promise.all(
        ['impots', 'ameli'].map(async (slug) => {
          const jwks = (await (
            await fetch(`${issuerOf(slug)}/jwks`)
          ).json()) as {
            keys: { kid: string; alg: string; d?: string }[];
          };
          return jwks.keys;
        }),
      );

      // Then each has an ES256 and an RS256 public key, none shared
      expect(impots?.map((key) => key.alg).sort()).toEqual(['ES256', 'RS256']);
      expect(impots?.some((key) => key.d)).toBe(false);
      const ameliKids = new Set(ameli?.map((key) => key.kid));
      expect(impots?.some((key) => ameliKids.has(key.kid))).toBe(false);
    });
  });

  describe('authorization code flow', () => {
    const scenarios = [
      { slug: 'impots', login: 'test', acr: 'eidas1' },
      { slug: 'ameli', login: 'nom-usage', acr: 'eidas2' },
      { slug: 'identite-numerique', login: 'ne-etranger', acr: 'eidas3' },
    ];

    it.each(scenarios)(
      'signs $login in at $slug with the chosen level $acr and a signed ID token',
      async ({ slug, login, acr }) => {
        // Given a citizen at an FI, When they sign in choosing a level
        const fi = fiBySlug(slug);
        const { tokens, callbackUrl } = await signIn(fi, login, acr);

        // Then the response names the issuer (RFC 9207) and the ID token carries the level
        expect(callbackUrl.origin + callbackUrl.pathname).toBe(
          redirectUriOf(slug),
        );
        expect(callbackUrl.searchParams.get('iss')).toBe(issuerOf(slug));
        const idToken = tokens.claims();
        expect(idToken?.['acr']).toBe(acr);
        expect(idToken?.['amr']).toEqual(['pwd']);
        expect(idToken?.sub).toBe(subjectFor(slug, login));
        expect(decodeProtectedHeader(tokens.id_token as string).alg).toBe(
          fi.idTokenSigningAlg,
        );
        // Identity claims travel through userinfo only
        expect(decodeJwt(tokens.id_token as string)).not.toHaveProperty(
          'given_name',
        );
      },
    );

    it('returns the citizen’s identity from userinfo for the scopes openid identite_pivot email', async () => {
      // Given a citizen with a "nom d'usage", signed in at Ameli
      const fi = fiBySlug('ameli');
      const { tokens, config } = await signIn(fi, 'nom-usage', 'eidas1');

      // When the gateway calls userinfo
      const userinfo = await client.fetchUserInfo(
        config,
        tokens.access_token,
        subjectFor('ameli', 'nom-usage'),
      );

      // Then it gets the identité pivot and the e-mail, not the unrequested nom d'usage
      const { claims } = findTestCitizen('nom-usage') as TestCitizen;
      expect(userinfo).toEqual({
        sub: subjectFor('ameli', 'nom-usage'),
        given_name: claims.given_name,
        family_name: claims.family_name,
        birthdate: claims.birthdate,
        gender: claims.gender,
        birthplace: claims.birthplace,
        birthcountry: claims.birthcountry,
        email: claims.email,
      });
    });

    it('returns an empty birthplace for a citizen born abroad', async () => {
      // Given a citizen born in Spain
      const { tokens, config } = await signIn(
        fiBySlug('impots'),
        'ne-etranger',
        'eidas1',
      );

      // When the gateway calls userinfo
      const userinfo = await client.fetchUserInfo(
        config,
        tokens.access_token,
        client.skipSubjectCheck,
      );

      // Then the birth country is Spain and the birthplace is empty, as FranceConnect does
      expect(userinfo['birthcountry']).toBe('99134');
      expect(userinfo['birthplace']).toBe('');
    });

    it('gives the same citizen a different sub at each FI', async () => {
      // Given the same citizen, When they sign in at two FIs
      const atImpots = await signIn(fiBySlug('impots'), 'test', 'eidas1');
      const atAmeli = await signIn(fiBySlug('ameli'), 'test', 'eidas1');

      // Then the identifiers differ
      expect(atImpots.tokens.claims()?.sub).not.toBe(
        atAmeli.tokens.claims()?.sub,
      );
    });

    it('refuses a replayed authorization code and revokes what the first use issued', async () => {
      // Given a code already exchanged, whose access token works
      const signedIn = await signIn(fiBySlug('impots'), 'test', 'eidas1');
      const userinfo = () =>
        client.fetchUserInfo(
          signedIn.config,
          signedIn.tokens.access_token,
          client.skipSubjectCheck,
        );
      await expect(userinfo()).resolves.toHaveProperty('sub');

      // When it is presented again
      const replay = client.authorizationCodeGrant(
        signedIn.config,
        signedIn.callbackUrl,
        {
          pkceCodeVerifier: signedIn.codeVerifier,
          expectedState: signedIn.state,
          expectedNonce: signedIn.nonce,
        },
      );

      // Then the FI refuses it and the access token of the first exchange stops working
      await expect(replay).rejects.toMatchObject({ error: 'invalid_grant' });
      await expect(userinfo()).rejects.toMatchObject({
        response: expect.objectContaining({ status: 401 }),
      });
    });

    it('refuses an authorization request without PKCE', async () => {
      // Given an authorization request without code_challenge
      const request = await startAuthorization(
        fiBySlug('impots'),
        {},
        { withPkce: false },
      );

      // Then the FI answers the gateway with an error, before any login page
      const callbackUrl = new URL(location(request.landing));
      expect(callbackUrl.origin + callbackUrl.pathname).toBe(
        redirectUriOf('impots'),
      );
      expect(callbackUrl.searchParams.get('error')).toBe('invalid_request');
      expect(callbackUrl.searchParams.get('error_description')).toMatch(/PKCE/);
      expect(callbackUrl.searchParams.get('iss')).toBe(issuerOf('impots'));
    });

    it('shows a French error page when the redirect URI is not the gateway’s', async () => {
      // Given an authorization request with an unregistered redirect URI
      const request = await startAuthorization(fiBySlug('impots'), {
        redirect_uri: 'https://attacker.example/callback',
      });

      // Then the citizen sees a DSFR page in French, with no stack trace
      expect(request.landing.status).toBe(400);
      const page = await request.landing.text();
      expect(page).toContain('<html lang="fr"');
      expect(page).toContain('Connexion impossible');
      expect(page).toContain(
        'L’adresse de retour indiquée par le service n’est pas autorisée.',
      );
      expect(page).not.toMatch(/at .*\.js:\d+/);
    });
  });

  describe('login page', () => {
    it('shows the FI, the fields and the test accounts, in French', async () => {
      // Given an authorization request at Ameli
      const request = await startAuthorization(fiBySlug('ameli'));

      // Then the login page is served with its labelled fields
      expect(request.landing.status).toBe(200);
      expect(
        new URL(request.landing.url || location(request.landing)).pathname,
      ).toMatch(/^\/interaction\/ameli\//);
      const page = await request.landing.text();
      expect(page).toContain('Ameli (démo)');
      expect(page).toContain('Connexion (service de démonstration)');
      expect(page).toMatch(
        /<label class="fr-label" for="login"\s*>Identifiant/,
      );
      expect(page).toMatch(
        /<label class="fr-label" for="password"\s*>Mot de passe/,
      );
      expect(page).toContain('Niveau de garantie eIDAS renvoyé');
      expect(page).toContain('<code>lieu-invalide</code>');
    });

    it('pre-selects the highest requested level the FI supports', async () => {
      // Given a request for eidas1 or eidas2 at an FI that supports eidas3 too
      const request = await startAuthorization(fiBySlug('identite-numerique'), {
        acr_values: 'eidas1 eidas2',
      });

      // Then eidas2 is pre-selected
      expect(selectedAcr(await request.landing.text())).toBe('eidas2');
    });

    it('pre-selects the FI’s highest level when no requested level is supported', async () => {
      // Given a request for eidas3 at an FI that stops at eidas2
      const request = await startAuthorization(fiBySlug('ameli'), {
        acr_values: 'eidas3',
      });

      // Then eidas2 is pre-selected
      expect(selectedAcr(await request.landing.text())).toBe('eidas2');
    });

    it('shows the login page again with an error on the password field when it is wrong', async () => {
      // Given the login page
      const request = await startAuthorization(fiBySlug('impots'));

      // When the citizen types a wrong password
      const response = await submitLogin(request, {
        login: 'test',
        password: 'wrong',
      });

      // Then the page comes back (200, no redirect) with the error linked to the field
      expect(response.status).toBe(200);
      expect(response.headers.get('location')).toBeNull();
      const page = await response.text();
      expect(page).toContain('fr-input-group--error');
      expect(page).toMatch(
        /id="password"[^>]*aria-describedby="password-hint password-error"/,
      );
      expect(page).toContain(
        '<p class="fr-error-text" id="password-error">Mot de passe incorrect.',
      );
      expect(page).toContain('<title>Erreur : Connexion');
      expect(page).toContain('value="test"');
    });

    it('shows an error on the login field for an unknown account', async () => {
      // Given the login page, When the citizen types an unknown login
      const request = await startAuthorization(fiBySlug('impots'));
      const response = await submitLogin(request, { login: 'inconnu' });

      // Then the error is on the login field
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(
        '<p class="fr-error-text" id="login-error">Identifiant inconnu',
      );
    });

    it('refuses a level the FI does not support', async () => {
      // Given Impots.gouv, which only asserts eidas1, When the form claims eidas3
      const request = await startAuthorization(fiBySlug('impots'));
      const response = await submitLogin(request, {
        login: 'test',
        acr: 'eidas3',
      });

      // Then the error is on the level field
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('id="acr-error"');
    });

    it('refuses a form without the token of the page', async () => {
      // Given the login page, When the form is posted with another token
      const request = await startAuthorization(fiBySlug('impots'));
      const response = await submitLogin(
        request,
        { login: 'test' },
        { csrf: 'forged' },
      );

      // Then the FI refuses it with a French page
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('MOCK-FI-003');
    });

    it('explains in French that an unknown interaction has expired', async () => {
      // Given no interaction cookie, When a login page URL is opened
      const response = await fetch(
        `${publicUrl}/interaction/impots/unknown-uid`,
      );

      // Then a French error page says the request expired
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('Demande de connexion expirée');
      expect(page).toContain('MOCK-FI-002');
    });
  });

  describe('logout', () => {
    it('ends the FI session and returns to the gateway’s logout callback', async () => {
      // Given a signed-in citizen
      const fi = fiBySlug('identite-numerique');
      const { tokens, config, browser } = await signIn(fi, 'test', 'eidas2');

      // When the gateway sends them to end_session with id_token_hint and its logout callback
      const endSessionUrl = client.buildEndSessionUrl(config, {
        id_token_hint: tokens.id_token as string,
        post_logout_redirect_uri: postLogoutRedirectUriOf(fi.slug),
        state: 'logout-state',
      });
      const confirmation = await browser.fetch(endSessionUrl.href);
      expect(confirmation.status).toBe(200);
      const page = await confirmation.text();
      expect(page).toContain('Se déconnecter');
      expect(page).toContain('<html lang="fr"');
      // (a browser submits the form by script; without JavaScript the citizen clicks the button)
      const form = parseForm(page);
      const done = await browser.fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form.fields),
      });

      // Then they land on the gateway's logout callback with the state
      const landing = new URL(location(done));
      expect(landing.origin + landing.pathname).toBe(
        postLogoutRedirectUriOf(fi.slug),
      );
      expect(landing.searchParams.get('state')).toBe('logout-state');

      // And the FI asks for a login again
      const again = await startAuthorization(fi, {}, { browser });
      expect(again.landing.status).toBe(200);
      expect(await again.landing.text()).toContain('id="password"');
    });
  });

  describe('home page', () => {
    it('lists every FI with its discovery URL', async () => {
      // When the home page is opened
      const response = await fetch(`${publicUrl}/`);

      // Then every FI is listed with its discovery URL
      expect(response.status).toBe(200);
      const page = await response.text();
      for (const fi of MOCK_IDENTITY_PROVIDERS) {
        expect(page).toContain(
          `${issuerOf(fi.slug)}/.well-known/openid-configuration`,
        );
      }
    });

    it('serves the DSFR stylesheet the pages link to', async () => {
      // When the stylesheet is fetched
      const response = await fetch(`${publicUrl}/dsfr/dsfr.min.css`);

      // Then it is there
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/css');
    });
  });
});

/** A tiny browser: a cookie jar that honours cookie paths, and redirects followed by hand. */
class Browser {
  private readonly cookies = new Map<
    string,
    { name: string; value: string; path: string }
  >();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies.values()]
      .filter(({ path }) => pathMatches(target.pathname, path))
      .map(({ name, value }) => `${name}=${value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(target, {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.store(line);
    Object.defineProperty(response, 'url', { value: target.href });
    return response;
  }

  /** Follows redirects within the FI; stops at a page or at a redirect to the gateway. */
  async follow(response: Response): Promise<Response> {
    let current = response;
    for (let hops = 0; hops < 10; hops += 1) {
      const next = current.headers.get('location');
      if (!(current.status >= 300 && current.status < 400) || !next)
        return current;
      const target = new URL(next, current.url);
      if (target.href.startsWith(FI_GATEWAY_PUBLIC_URL)) return current;
      current = await this.fetch(target.href);
    }
    throw new Error('too many redirects');
  }

  private store(line: string): void {
    const [pair = '', ...attributes] = line
      .split(';')
      .map((part) => part.trim());
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    const path =
      attributes
        .find((attribute) => /^path=/i.test(attribute))
        ?.slice('path='.length) ?? '/';
    const expired = attributes.some(
      (attribute) =>
        /^expires=/i.test(attribute) &&
        new Date(attribute.slice('expires='.length)).getTime() < Date.now(),
    );
    const key = `${name};${path}`;
    if (expired || value === '') this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) &&
      (cookiePath.endsWith('/') ||
        requestPath.charAt(cookiePath.length) === '/'))
  );
}

function location(response: Response): string {
  const value = response.headers.get('location');
  if (!value) throw new Error(`expected a redirect, got ${response.status}`);
  return new URL(value, response.url).href;
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attribute = (tag: string, name: string) => {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1] as string) : undefined;
};

/** The first form of a page: its action, its hidden fields and its named submit button. */
function parseForm(page: string): {
  action: string;
  fields: Record<string, string>;
} {
  const formTag = /<form\b[^>]*>/.exec(page)?.[0];
  const action = formTag && attribute(formTag, 'action');
  if (!action) throw new Error(`no form in page:\n${page.slice(0, 2000)}`);
  const fields: Record<string, string> = {};
  for (const [input] of page.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(input, 'name');
    if (attribute(input, 'type') === 'hidden' && name)
      fields[name] = attribute(input, 'value') ?? '';
  }
  for (const [button] of page.matchAll(/<button\b[^>]*>/g)) {
    const name = attribute(button, 'name');
    if (name) fields[name] = attribute(button, 'value') ?? '';
  }
  return { action, fields };
}

function selectedAcr(page: string): string | undefined {
  return /<option\s+value="([^"]+)"\s+selected\s*>/.exec(page)?.[1];
}
