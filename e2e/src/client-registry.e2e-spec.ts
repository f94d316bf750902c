import { createServer, type Server } from 'node:http';
import {
  DEMO_CLIENT_A,
  FederationStack,
  HttpBrowser,
  loginThroughFederation,
  openAuthorization,
  StrictRelyingParty,
} from '@federation/federation-harness';
import {
  exportJWK,
  generateKeyPair,
  jwtVerify,
  createRemoteJWKSet,
  decodeProtectedHeader,
} from 'jose';
import * as oidc from 'openid-client';
import { Client } from 'pg';

describe('clients of the core registry: authentication methods, signatures, FI allow/deny lists', () => {
  let stack: FederationStack;
  let db: Client;
  let jwksServer: Server;
  let jwksUri: string;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    // No registry cache in this suite: a change of the client row applies to the next request.
    // The relying party's JWKS is served on loopback: this stack lets the core fetch it there.
    stack = await FederationStack.start('client-registry', {
      env: {
        REGISTRY_CACHE_TTL_MS: '0',
        OIDC_FETCH_ALLOW_PRIVATE_NETWORK: 'true',
      },
    });
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateKey = pair.privateKey;
    const publicJwk = {
      ...(await exportJWK(pair.publicKey)),
      kid: 'rp-key-1',
      alg: 'ES256',
      use: 'sig',
    };
    jwksServer = createServer((_req, res) =>
      res
        .setHeader('content-type', 'application/json')
        .end(JSON.stringify({ keys: [publicJwk] })),
    );
    await new Promise<void>((resolve) =>
      jwksServer.listen(0, '127.0.0.1', resolve),
    );
    const address = jwksServer.address();
    jwksUri = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks`;
    await db.query(
      `INSERT INTO core.client (client_id, secret_hashes, name, entity_id, redirect_uris, post_logout_redirect_uris, scopes, max_eidas_level,
         token_endpoint_auth_method, id_token_signed_response_alg, userinfo_signed_response_alg, jwks_uri, environment)
       VALUES ('jwt-client', '[]', 'Service à clé privée', 'demo:jwt', $1, '{}', '{openid,identite_pivot}', 'eidas2', 'private_key_jwt', 'RS256', 'RS256', $2, 'sandbox')`,
      [[`${stack.url('mock-service-provider')}/jwt-callback`], jwksUri],
    );
  });

  afterAll(async () => {
    await db?.end();
    jwksServer?.close();
    await stack?.stop();
  });

  it('authenticates a client with private_key_jwt, signs its id_token RS256 and its userinfo as a signed JWT', async () => {
    const redirectUri = `${stack.url('mock-service-provider')}/jwt-callback`;
    const config = await oidc.discovery(
      new URL(stack.issuer),
      'jwt-client',
      {
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
      oidc.PrivateKeyJwt({ key: privateKey, kid: 'rp-key-1' }),
      { execute: [oidc.allowInsecureRequests] },
    );
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid identite_pivot',
      state,
      nonce,
      acr_values: 'eidas1',
    });

    const callbackUrl = await loginThroughFederation(
      new HttpBrowser(),
      { url, state, nonce, codeVerifier: '' },
      { fi: 'impots', login: 'test' },
      redirectUri,
    );
    const tokens = await oidc.authorizationCodeGrant(
      config,
      new URL(callbackUrl),
      { expectedState: state, expectedNonce: nonce, idTokenExpected: true },
    );
    const rawUserinfo = await fetch(`${stack.issuer}/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const jwt = await rawUserinfo.text();
    const { payload } = await jwtVerify(
      jwt,
      createRemoteJWKSet(new URL(`${stack.issuer}/jwks`)),
      { issuer: stack.issuer, audience: 'jwt-client' },
    );

    expect(decodeProtectedHeader(tokens.id_token as string).alg).toBe('RS256');
    expect(rawUserinfo.headers.get('content-type')).toContain(
      'application/jwt',
    );
    expect(decodeProtectedHeader(jwt).alg).toBe('RS256');
    expect(payload).toMatchObject({
      sub: tokens.claims()?.sub,
      family_name: 'Dubois',
    });
  });

  it('signs id_tokens ES256 by default', async () => {
    const pending = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
    const request = await pending.authorizationRequest();
    const { tokens } = await pending.complete(
      await loginThroughFederation(
        new HttpBrowser(),
        request,
        { fi: 'impots', login: 'test' },
        stack.redirectUri('a'),
      ),
      request,
    );

    expect(decodeProtectedHeader(tokens.id_token as string).alg).toBe('ES256');
  });

  it('offers only the FIs of an allow list, and all but those of a deny list', async () => {
    const choices = async () => {
      const browser = new HttpBrowser();
      const url = new URL(`${stack.issuer}/authorize`);
      url.search = new URLSearchParams({
        client_id: DEMO_CLIENT_A.clientId,
        redirect_uri: stack.redirectUri('a'),
        response_type: 'code',
        scope: 'openid',
        state: 'state-allow-list',
        nonce: 'nonce-allow-list-0123456789',
      }).toString();
      const page = await openAuthorization(
        browser,
        { url, state: '', nonce: '', codeVerifier: '' },
        stack.redirectUri('a'),
      );
      return [...page.body.matchAll(/name="fi"\s+value="([^"]+)"/g)]
        .map((match) => match[1])
        .sort();
    };

    await db.query(
      `UPDATE core.client SET identity_provider_policy = 'allow', identity_provider_slugs = '{ameli}' WHERE client_id = $1`,
      [DEMO_CLIENT_A.clientId],
    );
    const allowed = await choices();
    await db.query(
      `UPDATE core.client SET identity_provider_policy = 'deny', identity_provider_slugs = '{ameli}' WHERE client_id = $1`,
      [DEMO_CLIENT_A.clientId],
    );
    const denied = await choices();
    await db.query(
      `UPDATE core.client SET identity_provider_policy = 'deny', identity_provider_slugs = '{}' WHERE client_id = $1`,
      [DEMO_CLIENT_A.clientId],
    );

    expect(allowed).toEqual(['ameli']);
    expect(denied).toEqual(['identite-numerique', 'impots']);
  });

  it('refuses the requests of a deactivated client at once', async () => {
    await db.query(
      `UPDATE core.client SET active = false WHERE client_id = 'jwt-client'`,
    );

    const page = await new HttpBrowser().request(
      `${stack.issuer}/authorize?client_id=jwt-client&redirect_uri=${encodeURIComponent(`${stack.url('mock-service-provider')}/jwt-callback`)}&response_type=code&scope=openid&state=s&nonce=nonce-0123456789012345678`,
    );

    expect(page.status).toBe(400);
    expect(page.body).toContain('Y000010');
  });
});
