import { freePort } from '@federation/testing';
import { decodeJwt } from 'jose';
import {
  createStrictRelyingParty,
  RelyingPartyError,
  type AuthorizationRequest,
  type StrictRelyingParty,
  type StrictRelyingPartyOptions,
} from '@federation/relying-party';
import { locationOf, TestBrowser } from './testing/test-browser';
import { startTestOpenIdProvider, TEST_CITIZEN, type TestOpenIdProvider } from './testing/test-openid-provider';

const CLIENT = {
  clientId: 'strict-rp',
  clientSecret: 'test-only-strict-rp-secret-0123456789abcdef',
  redirectUri: 'http://rp.localhost/callback',
  postLogoutRedirectUri: 'http://rp.localhost/logged-out',
};
const SCOPE = 'openid identite_pivot email';

describe('createStrictRelyingParty', () => {
  let provider: TestOpenIdProvider;

  beforeAll(async () => {
    provider = await startTestOpenIdProvider([CLIENT]);
  });

  afterAll(async () => {
    await provider?.close();
  });

  const relyingParty = (overrides: Partial<StrictRelyingPartyOptions> = {}) =>
    createStrictRelyingParty({ issuer: provider.issuer, ...CLIENT, ...overrides });

  /** Sends the browser through the provider and returns the URL it lands on at the relying party. */
  async function authorize(request: AuthorizationRequest, browser = new TestBrowser()): Promise<URL> {
    const response = await browser.open(request.url.href, (url) => url.origin === new URL(CLIENT.redirectUri).origin);
    return locationOf(response);
  }

  async function signIn(rp: StrictRelyingParty, acr: 'eidas1' | 'eidas2' | 'eidas3' = 'eidas2') {
    const request = await rp.authorizationRequest({ acr, scope: SCOPE });
    return { request, callbackUrl: await authorize(request) };
  }

  it('builds an authorization request with state, a 43-character nonce, PKCE S256 and the level', async () => {
    // When a request is built for eidas2
    const request = await relyingParty().authorizationRequest({ acr: 'eidas2', scope: SCOPE });

    // Then every parameter the core requires is there
    const parameters = request.url.searchParams;
    expect(request.url.href.startsWith(`${provider.issuer}/auth?`)).toBe(true);
    expect(Object.fromEntries(parameters)).toMatchObject({
      client_id: CLIENT.clientId,
      redirect_uri: CLIENT.redirectUri,
      response_type: 'code',
      scope: SCOPE,
      acr_values: 'eidas2',
      state: request.state,
      nonce: request.nonce,
      code_challenge_method: 'S256',
    });
    expect(request.nonce).toHaveLength(43);
    expect(parameters.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.codeVerifier).toBeDefined();
  });

  it('completes the code flow: verified ID token, level, and userinfo for the same sub', async () => {
    // Given a citizen sent back with a code
    const rp = relyingParty({ idTokenSignedResponseAlg: 'ES256' });
    const { request, callbackUrl } = await signIn(rp, 'eidas2');

    // When the relying party completes the flow
    const { tokens, claims, userinfo } = await rp.complete(callbackUrl, { ...request, acr: 'eidas2' });

    // Then it has the ID token's claims and the identity from userinfo
    expect(claims).toMatchObject({ iss: provider.issuer, aud: CLIENT.clientId, acr: 'eidas2', nonce: request.nonce });
    expect(decodeJwt(tokens.id_token as string).sub).toBe(claims.sub);
    expect(userinfo).toMatchObject({ sub: claims.sub, family_name: TEST_CITIZEN.claims.family_name, email: TEST_CITIZEN.claims.email });
  });

  it('throws when the response’s state is not the expected one', async () => {
    const rp = relyingParty();
    const { request, callbackUrl } = await signIn(rp);

    await expect(rp.complete(callbackUrl, { ...request, state: 'another-state' })).rejects.toMatchObject({
      code: 'OAUTH_INVALID_RESPONSE',
      cause: expect.objectContaining({ message: expect.stringMatching(/"state"/) }),
    });
  });

  it('throws when the ID token’s nonce is not the expected one', async () => {
    const rp = relyingParty();
    const { request, callbackUrl } = await signIn(rp);

    await expect(rp.complete(callbackUrl, { ...request, nonce: 'another-nonce-0123456789abcdef' })).rejects.toMatchObject({
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
    });
  });

  it('throws when the PKCE verifier is not the one of the request', async () => {
    const rp = relyingParty();
    const { request, callbackUrl } = await signIn(rp);

    await expect(
      rp.complete(callbackUrl, { ...request, codeVerifier: 'another-verifier-0123456789abcdefghijklmnopqrstuvwxyz' }),
    ).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('throws when the ID token’s level is below the requested one', async () => {
    // Given a provider that authenticates at eidas1 when eidas3 was asked
    const rp = relyingParty();
    provider.setNextAuthentication({ acr: 'eidas1' });
    const { request, callbackUrl } = await signIn(rp, 'eidas3');

    // Then completing the flow fails on the level
    const attempt = rp.complete(callbackUrl, { ...request, acr: 'eidas3' });
    await expect(attempt).rejects.toBeInstanceOf(RelyingPartyError);
    await expect(attempt).rejects.toMatchObject({ code: 'acr_not_satisfied' });
  });

  it('throws when the ID token is not signed with the registered algorithm', async () => {
    // Given a client registered for RS256, and an issuer that signs with ES256
    const rp = relyingParty({ idTokenSignedResponseAlg: 'RS256' });
    const { request, callbackUrl } = await signIn(rp);

    await expect(rp.complete(callbackUrl, request)).rejects.toThrow();
  });

  it('builds the end_session URL with id_token_hint, post_logout_redirect_uri and state', async () => {
    // When a logout URL is built
    const url = await relyingParty().endSessionUrl({ idTokenHint: 'header.payload.signature', state: 'logout-state' });

    // Then it targets the discovered end_session_endpoint with the three parameters
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      id_token_hint: 'header.payload.signature',
      post_logout_redirect_uri: CLIENT.postLogoutRedirectUri,
      state: 'logout-state',
      client_id: CLIENT.clientId,
    });
  });

  it('reports an unreachable issuer, and discovers it on a later call once it is up', async () => {
    // Given an issuer that is not up yet
    const port = await freePort();
    const rp = createStrictRelyingParty({ ...CLIENT, issuer: `http://127.0.0.1:${port}/api/v2`, timeoutSeconds: 2 });

    // When a request is built, Then the failure says the issuer is unreachable
    await expect(rp.authorizationRequest({ acr: 'eidas1', scope: SCOPE })).rejects.toMatchObject({ code: 'issuer_unreachable' });

    // When the issuer starts, Then the next call succeeds
    const late = await startTestOpenIdProvider([CLIENT], port);
    try {
      const request = await rp.authorizationRequest({ acr: 'eidas1', scope: SCOPE });
      expect(request.url.href.startsWith(`${late.issuer}/auth?`)).toBe(true);
    } finally {
      await late.close();
    }
  });
});
