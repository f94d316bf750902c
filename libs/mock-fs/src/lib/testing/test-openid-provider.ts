import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EIDAS_LEVELS, oidcProviderClaimsConfig, SUPPORTED_SCOPES } from '@federation/identity';
import express from 'express';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type ClientMetadata, type KoaContextWithOIDC } from 'oidc-provider';

/*
 * Test-only: an in-process OpenID provider standing in for the core in the mock's own tests (the
 * real core is another project). Not exported from the library.
 */

/** The identity every test sign-in returns (a fictitious citizen). */
export const TEST_CITIZEN = {
  accountId: 'citizen-1',
  claims: {
    given_name: 'Angela Claire Louise',
    family_name: 'DUBOIS',
    birthdate: '1962-08-24',
    gender: 'female',
    birthplace: '75107',
    birthcountry: '99100',
    email: 'angela.dubois@example.fr',
    preferred_username: 'MARTIN',
  },
};

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

/** How the next authentication ends, set by a test. */
export interface NextAuthentication {
  /** The level put in the ID token; by default the requested one. */
  acr?: string;
  /** An OAuth error to send back instead (e.g. access_denied). */
  error?: string;
}

/** The data provider scopes the stand-in grants (the real core learns them from the consent service). */
export const TEST_DATA_PROVIDER_SCOPES = ['dgfip_rfr', 'dgfip_nbpart', 'cnaf_quotient_familial', 'mesr_statut_etudiant'];

export interface TestOpenIdProvider {
  issuer: string;
  /** The scopes of an access token the provider issued, or undefined when it is unknown, expired or revoked. */
  accessTokenScopes(token: string): Promise<string[] | undefined>;
  /** Revokes every access token issued so far (the citizen withdrew their consent). */
  revokeAccessTokens(): Promise<void>;
  /** Authentications performed so far (single sign-on does not add one). */
  authentications(): number;
  setNextAuthentication(next: NextAuthentication): void;
  close(): Promise<void>;
}

const MOUNT_PATH = '/api/v2';

export async function startTestOpenIdProvider(clients: TestClient[], port = 0): Promise<TestOpenIdProvider> {
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening));
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT_PATH}`;

  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-es256', alg: 'ES256', use: 'sig' };

  let authentications = 0;
  let next: NextAuthentication = {};

  const provider = new Provider(issuer, {
    clients: clients.map(
      (client): ClientMetadata => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      }),
    ),
    jwks: { keys: [signingKey] },
    cookies: { keys: ['test-only-provider-cookie-key-0123456789abcdef'] },
    claims: { acr: null, amr: null, auth_time: null, sid: null, ...oidcProviderClaimsConfig() },
    scopes: [...SUPPORTED_SCOPES, ...TEST_DATA_PROVIDER_SCOPES],
    acrValues: [...EIDAS_LEVELS],
    responseTypes: ['code'],
    conformIdTokenClaims: true,
    ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: async (_ctx, sub) =>
      sub === TEST_CITIZEN.accountId ? { accountId: sub, claims: async () => ({ sub, ...TEST_CITIZEN.claims }) } : undefined,
    interactions: { url: (_ctx, interaction) => `${MOUNT_PATH}/interaction/${interaction.uid}` },
    // Consent is implicit: every requested scope is granted once the citizen is authenticated.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const accountId = ctx.oidc.session?.accountId;
      const clientId = ctx.oidc.client?.clientId;
      if (!accountId || !clientId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope(String(ctx.oidc.params?.['scope'] ?? 'openid'));
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The confirmation form with a plain submit button (no script), that a test can post.
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = `<!doctype html><html><body>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Se déconnecter</button></body></html>`;
        },
      },
    },
  });

  app.get(`${MOUNT_PATH}/interaction/:uid`, async (req, res, failed) => {
    try {
      const interaction = await provider.interactionDetails(req, res);
      const requested = String(interaction.params['acr_values'] ?? 'eidas1');
      const outcome = next;
      next = {};
      if (outcome.error) {
        await provider.interactionFinished(req, res, { error: outcome.error, error_description: 'Test refusal' });
        return;
      }
      authentications += 1;
      await provider.interactionFinished(req, res, {
        login: { accountId: TEST_CITIZEN.accountId, acr: outcome.acr ?? requested, amr: ['pwd'] },
      });
    } catch (error) {
      failed(error);
    }
  });
  app.use(MOUNT_PATH, provider.callback());

  const issuedAccessTokens = new Set<string>();
  provider.on('access_token.saved', (token: { jti: string }) => issuedAccessTokens.add(token.jti));

  return {
    issuer,
    accessTokenScopes: async (token) => {
      const found = await provider.AccessToken.find(token);
      return found ? String(found.scope ?? '').split(' ').filter(Boolean) : undefined;
    },
    revokeAccessTokens: async () => {
      for (const jti of issuedAccessTokens) await (await provider.AccessToken.find(jti))?.destroy();
    },
    authentications: () => authentications,
    setNextAuthentication: (value) => {
      next = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
