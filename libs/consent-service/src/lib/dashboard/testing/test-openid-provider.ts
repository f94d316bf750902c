import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EIDAS_LEVELS,
  oidcProviderClaimsConfig,
  SUPPORTED_SCOPES,
} from '@federation/identity';
import express from 'express';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, {
  type ClientMetadata,
  type KoaContextWithOIDC,
} from 'oidc-provider';

/*
 * Test-only: an in-process OpenID provider standing in for the core in the dashboard's tests
 * (adapted from the demo service provider's). It signs real ID tokens; its `sub` is the account id,
 * which is what the core gives the dashboard client: the citizen key. Not exported from the library.
 */

/** Fictitious citizens, by account id (= their `sub`, = their citizen key). */
export const TEST_CITIZENS = {
  angela: {
    sub: 'citizen-angela-0001',
    claims: { given_name: 'Angela Claire Louise', family_name: 'DUBOIS' },
  },
  bruno: {
    sub: 'citizen-bruno-0002',
    claims: { given_name: 'Bruno', family_name: 'MARTIN' },
  },
  chloe: {
    sub: 'citizen-chloe-0003',
    claims: { given_name: 'Chloé', family_name: 'BERNARD' },
  },
} as const;

export type TestCitizenName = keyof typeof TEST_CITIZENS;

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface TestOpenIdProvider {
  issuer: string;
  /** Who logs in at the next authentication (Angela by default). */
  setNextCitizen(name: TestCitizenName): void;
  /** The next authentication ends with this OAuth error instead (e.g. access_denied). */
  setNextError(error: string): void;
  close(): Promise<void>;
}

const MOUNT_PATH = '/api/v2';

export async function startTestOpenIdProvider(
  clients: TestClient[],
): Promise<TestOpenIdProvider> {
  const app = express();
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MOUNT_PATH}`;

  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: 'test-es256',
    alg: 'ES256',
    use: 'sig',
  };

  let nextCitizen: TestCitizenName = 'angela';
  let nextError: string | undefined;
  const citizens = Object.values(TEST_CITIZENS);

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
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      ...oidcProviderClaimsConfig(),
    },
    scopes: SUPPORTED_SCOPES,
    acrValues: [...EIDAS_LEVELS],
    responseTypes: ['code'],
    conformIdTokenClaims: true,
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    findAccount: async (_ctx, sub) => {
      const citizen = citizens.find((candidate) => candidate.sub === sub);
      return citizen
        ? { accountId: sub, claims: async () => ({ sub, ...citizen.claims }) }
        : undefined;
    },
    interactions: {
      url: (_ctx, interaction) =>
        `${MOUNT_PATH}/interaction/${interaction.uid}`,
    },
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
      const [citizen, error] = [TEST_CITIZENS[nextCitizen], nextError];
      nextCitizen = 'angela';
      nextError = undefined;
      if (error) {
        await provider.interactionFinished(req, res, {
          error,
          error_description: 'Test refusal',
        });
        return;
      }
      await provider.interactionFinished(req, res, {
        login: { accountId: citizen.sub, acr: requested, amr: ['pwd'] },
      });
    } catch (error) {
      failed(error);
    }
  });
  app.use(MOUNT_PATH, provider.callback());

  return {
    issuer,
    setNextCitizen: (name) => {
      nextCitizen = name;
    },
    setNextError: (error) => {
      nextError = error;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
