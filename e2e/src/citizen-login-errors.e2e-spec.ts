import Redis from 'ioredis';
import { DEMO_CLIENT_A, FederationStack } from '@federation/federation-harness';
import {
  chooseFiAndLogIn,
  consent,
  loginThroughFederation,
  openAuthorization,
} from '@federation/federation-harness';
import { HttpBrowser, type HttpPage } from '@federation/federation-harness';
import { StrictRelyingParty } from '@federation/federation-harness';

describe('citizen login: what is refused, and how', () => {
  let stack: FederationStack;
  let rp: StrictRelyingParty;
  let redis: Redis;

  beforeAll(async () => {
    stack = await FederationStack.start('citizen-login-errors');
    rp = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
    redis = new Redis(stack.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await stack?.stop();
  });

  const authorizeUrl = (params: Record<string, string | undefined>) => {
    const url = new URL(`${stack.issuer}/authorize`);
    const defaults = {
      client_id: DEMO_CLIENT_A.clientId,
      redirect_uri: stack.redirectUri('a'),
      response_type: 'code',
      scope: 'openid identite_pivot',
      state: 'state-1234567890',
      nonce: 'nonce-long-enough-1234567890',
      acr_values: 'eidas1',
    };
    for (const [key, value] of Object.entries({ ...defaults, ...params }))
      if (value !== undefined) url.searchParams.set(key, value);
    return url.toString();
  };

  const redirectedError = async (
    params: Record<string, string | undefined>,
  ) => {
    const response = await new HttpBrowser().request(authorizeUrl(params));
    const location = new URL(response.headers.get('location') ?? 'http://none');
    return {
      status: response.status,
      location,
      error: location.searchParams.get('error'),
      state: location.searchParams.get('state'),
    };
  };

  /** Logs a citizen in at the FI and stops on the gateway's redirect to the core (the hand-off URL). */
  const loginUntilHandoff = async (browser: HttpBrowser) => {
    const choice = await openAuthorization(
      browser,
      await rp.authorizationRequest(),
      stack.redirectUri('a'),
    );
    const fiPage = await browser.follow(
      await browser.submit(choice, { fi: 'impots' }, '/identity-provider'),
    );
    return browser.follow(
      await browser.submit(fiPage, { login: 'test', password: '123' }),
      (url) =>
        url.pathname.endsWith('/identity') && url.searchParams.has('handoff'),
    );
  };

  const errorCode = (page: HttpPage) =>
    /data-testid="error-code">([A-Z]\d{6})</.exec(page.body)?.[1];

  describe('authorization requests from the FS', () => {
    it('never redirects to an unregistered redirect_uri: a French error page instead', async () => {
      const page = await new HttpBrowser().request(
        authorizeUrl({ redirect_uri: 'https://attacker.example/callback' }),
      );

      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(page.body).toContain('Le service n’a pas pu lancer la connexion');
      expect(errorCode(page)).toBe('Y000010');
      expect(page.body).not.toMatch(/at .*\.js:\d+/);
    });

    it('refuses a redirect_uri that only starts like the registered one', async () => {
      const page = await new HttpBrowser().request(
        authorizeUrl({ redirect_uri: `${stack.redirectUri('a')}/../evil` }),
      );

      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
    });

    it.each([
      ['a missing nonce', { nonce: undefined }],
      ['a nonce shorter than 22 characters', { nonce: 'a'.repeat(21) }],
      ['an unknown acr_values', { acr_values: 'eidas9' }],
    ])(
      'sends invalid_request back to the FS for %s',
      async (_label, params) => {
        const { status, location, error, state } =
          await redirectedError(params);

        expect(status).toBe(303);
        expect(location.toString().startsWith(stack.redirectUri('a'))).toBe(
          true,
        );
        expect(error).toBe('invalid_request');
        expect(state).toBe('state-1234567890');
      },
    );

    it('sends invalid_request back to the FS when state is missing', async () => {
      const { location, error } = await redirectedError({ state: undefined });

      expect(location.toString().startsWith(stack.redirectUri('a'))).toBe(true);
      expect(error).toBe('invalid_request');
    });

    it('accepts only the authorization code flow', async () => {
      const page = await new HttpBrowser().request(
        authorizeUrl({ response_type: 'id_token' }),
      );
      const location = page.headers.get('location');

      // Implicit is not offered at all: either a standard error to the FS or a French page, never a token.
      if (location) {
        expect(
          new URL(location.replace('#', '?')).searchParams.get('error'),
        ).toMatch(
          /^(unsupported_response_type|unauthorized_client|invalid_request)$/,
        );
        expect(location).not.toContain('id_token=');
      } else {
        expect(page.status).toBe(400);
        expect(errorCode(page)).toBe('Y000010');
      }
    });

    it('refuses an unknown client with a French page, without redirecting', async () => {
      const page = await new HttpBrowser().request(
        authorizeUrl({ client_id: 'unknown-client' }),
      );

      expect(page.status).toBe(400);
      expect(page.headers.get('location')).toBeNull();
      expect(errorCode(page)).toBe('Y000010');
    });
  });

  describe('tokens', () => {
    it('refuses a replayed code and revokes what the first exchange produced', async () => {
      const pending = await rp.authorizationRequest();
      const callbackUrl = await loginThroughFederation(
        new HttpBrowser(),
        pending,
        { fi: 'impots', login: 'test' },
        stack.redirectUri('a'),
      );
      const { tokens } = await rp.complete(callbackUrl, pending);

      await expect(rp.complete(callbackUrl, pending)).rejects.toMatchObject({
        error: 'invalid_grant',
      });
      const userinfo = await fetch(`${stack.issuer}/userinfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      });
      expect(userinfo.status).toBe(401);
    });

    it('keeps codes short-lived (at most 60 s) and single-use in Redis', async () => {
      const pending = await rp.authorizationRequest();
      const callbackUrl = await loginThroughFederation(
        new HttpBrowser(),
        pending,
        { fi: 'impots', login: 'test' },
        stack.redirectUri('a'),
      );
      const code = new URL(callbackUrl).searchParams.get('code');

      const ttl = await redis.ttl(
        `${stack.prefix}:oidc:AuthorizationCode:${code}`,
      );

      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    });

    it('refuses a wrong client secret with invalid_client', async () => {
      const wrong = await StrictRelyingParty.discover({
        issuer: stack.issuer,
        clientId: DEMO_CLIENT_A.clientId,
        clientSecret: 'not-the-secret-at-all-0123456789',
        redirectUri: stack.redirectUri('a'),
        postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
      });
      const pending = await wrong.authorizationRequest();
      const callbackUrl = await loginThroughFederation(
        new HttpBrowser(),
        pending,
        { fi: 'impots', login: 'test' },
        stack.redirectUri('a'),
      );

      const failure = await wrong
        .complete(callbackUrl, pending)
        .catch((error: unknown) => error);

      expect(failure).toMatchObject({
        response: { status: 401 },
        cause: [
          expect.objectContaining({
            parameters: expect.objectContaining({ error: 'invalid_client' }),
          }),
        ],
      });
    });

    it('refuses a token request whose PKCE verifier does not match', async () => {
      const pending = await rp.authorizationRequest();
      const callbackUrl = await loginThroughFederation(
        new HttpBrowser(),
        pending,
        { fi: 'impots', login: 'test' },
        stack.redirectUri('a'),
      );

      await expect(
        rp.complete(callbackUrl, { ...pending, codeVerifier: 'x'.repeat(43) }),
      ).rejects.toMatchObject({ error: 'invalid_grant' });
    });

    it('lets the strict RP detect a state that is not the one it sent', async () => {
      const pending = await rp.authorizationRequest();
      const callbackUrl = await loginThroughFederation(
        new HttpBrowser(),
        pending,
        { fi: 'impots', login: 'test' },
        stack.redirectUri('a'),
      );

      const failure = (await rp
        .complete(callbackUrl, { ...pending, state: 'another-state' })
        .then(
          () => new Error('accepted'),
          (error: unknown) => error,
        )) as Error & { cause?: Error };

      expect(`${failure.message} ${failure.cause?.message ?? ''}`).toMatch(
        /state/,
      );
    });
  });

  describe('the citizen’s journey', () => {
    it('shows a French page when the FI returns a level below the requested one, and sends access_denied to the FS', async () => {
      const browser = new HttpBrowser();
      const pending = await rp.authorizationRequest({ acr: 'eidas2' });
      const choice = await openAuthorization(
        browser,
        pending,
        stack.redirectUri('a'),
      );

      const page = await chooseFiAndLogIn(
        browser,
        choice,
        { fi: 'ameli', login: 'test', acr: 'eidas1' },
        stack.redirectUri('a'),
      );
      const back = await browser.follow(
        await browser.submit(page, {}, '/abort'),
        (url) => url.toString().startsWith(stack.redirectUri('a')),
      );

      expect(page.status).toBe(403);
      expect(errorCode(page)).toBe('Y000004');
      expect(page.body).toContain('Niveau de sécurité insuffisant');
      expect(new URL(back.url).searchParams.get('error')).toBe('access_denied');
      expect(new URL(back.url).searchParams.get('state')).toBe(pending.state);
    });

    it('sends nothing to the FS when the identity is invalid (unknown birthplace)', async () => {
      const browser = new HttpBrowser();
      const pending = await rp.authorizationRequest();
      const choice = await openAuthorization(
        browser,
        pending,
        stack.redirectUri('a'),
      );

      const page = await chooseFiAndLogIn(
        browser,
        choice,
        { fi: 'impots', login: 'lieu-invalide' },
        stack.redirectUri('a'),
      );

      expect(page.status).toBe(422);
      expect(errorCode(page)).toBe('Y000005');
      expect(page.body).toContain('Votre identité n’a pas pu être vérifiée');
      expect(
        browser.visited.some((url) => url.startsWith(stack.redirectUri('a'))),
      ).toBe(false);
    });

    it('refuses a replayed identity hand-off', async () => {
      const browser = new HttpBrowser();
      const handoff = await loginUntilHandoff(browser);

      const first = await browser.follow(handoff.url, (url) =>
        url.toString().startsWith(stack.redirectUri('a')),
      );
      const replay = await browser.request(handoff.url);

      expect(first.body).toContain('Continuer sur');
      expect(replay.status).toBe(400);
      expect(['Y000002', 'Y000001']).toContain(errorCode(replay));
    });

    it('refuses a hand-off carried into another browser, and leaves it usable by the right one', async () => {
      const browser = new HttpBrowser();
      const handoff = await loginUntilHandoff(browser);

      const stolen = await new HttpBrowser().request(handoff.url);
      const legit = await browser.follow(handoff.url, (url) =>
        url.toString().startsWith(stack.redirectUri('a')),
      );

      expect(stolen.status).toBe(400);
      expect(errorCode(stolen)).toBe('Y000001');
      expect(legit.body).toContain('Continuer sur');
    });

    it('refuses an FI that is not offered (unknown slug) with a French page', async () => {
      const browser = new HttpBrowser();
      const choice = await openAuthorization(
        browser,
        await rp.authorizationRequest(),
        stack.redirectUri('a'),
      );

      const page = await browser.submit(
        choice,
        { fi: 'unknown-fi' },
        '/identity-provider',
      );

      expect(page.status).toBe(400);
      expect(errorCode(page)).toBe('Y000003');
    });

    it('refuses a form posted without its CSRF token', async () => {
      const browser = new HttpBrowser();
      const choice = await openAuthorization(
        browser,
        await rp.authorizationRequest(),
        stack.redirectUri('a'),
      );

      const page = await browser.submit(
        choice,
        { fi: 'impots', csrf: 'forged' },
        '/identity-provider',
      );

      expect(page.status).toBe(403);
      expect(errorCode(page)).toBe('Y000007');
    });

    it('refuses, at the gateway, a callback whose state it never issued', async () => {
      const page = await new HttpBrowser().request(
        `${stack.url('fi-gateway')}/fi/impots/callback?code=abc&state=forged-state&iss=${encodeURIComponent(`${stack.url('mock-identity-provider')}/impots`)}`,
      );

      expect(page.status).toBe(400);
      expect(errorCode(page)).toBe('G000002');
    });

    it('refuses, before exchanging the code, an FI answer whose iss is another FI (RFC 9207 mix-up)', async () => {
      const browser = new HttpBrowser();
      const choice = await openAuthorization(
        browser,
        await rp.authorizationRequest(),
        stack.redirectUri('a'),
      );
      const fiPage = await browser.follow(
        await browser.submit(choice, { fi: 'impots' }, '/identity-provider'),
      );
      const isGatewayCallback = (url: URL) =>
        url.pathname === '/fi/impots/callback';
      const callback = await browser.follow(
        await browser.submit(fiPage, { login: 'test', password: '123' }),
        isGatewayCallback,
      );
      const tampered = new URL(callback.url);
      tampered.searchParams.set(
        'iss',
        `${stack.url('mock-identity-provider')}/ameli`,
      );

      const page = await browser.follow(tampered.toString(), (url) =>
        url.toString().startsWith(stack.redirectUri('a')),
      );

      expect(new URL(callback.url).searchParams.get('iss')).toBe(
        `${stack.url('mock-identity-provider')}/impots`,
      );
      expect(errorCode(page)).toBe('Y000006');
    });

    it('shows a French 404 page for an unknown URL of the core', async () => {
      const page = await new HttpBrowser().request(`${stack.url('core')}/nope`);

      expect(page.status).toBe(404);
      expect(page.body).toContain('Page non trouvée');
    });
  });

  describe('personal data', () => {
    it('never puts personal data in URLs or in the logs of the services', async () => {
      const browser = new HttpBrowser();
      const pending = await rp.authorizationRequest({
        scope: 'openid identite_pivot email',
      });
      const choice = await openAuthorization(
        browser,
        pending,
        stack.redirectUri('a'),
      );
      const consentPage = await chooseFiAndLogIn(
        browser,
        choice,
        { fi: 'impots', login: 'prenoms-composes' },
        stack.redirectUri('a'),
      );
      const { userinfo } = await rp.complete(
        await consent(browser, consentPage, stack.redirectUri('a')),
        pending,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));

      const personalValues = [
        userinfo['given_name'],
        userinfo['family_name'],
        userinfo['email'],
        userinfo['birthdate'],
      ].map(String);
      const urls = browser.visited.join('\n');
      const logs = stack.logs();
      for (const value of [
        ...personalValues,
        ...personalValues.map(encodeURIComponent),
      ]) {
        expect({ value, inUrls: urls.includes(value) }).toEqual({
          value,
          inUrls: false,
        });
        expect({ value, inLogs: logs.includes(value) }).toEqual({
          value,
          inLogs: false,
        });
      }
    });
  });
});
