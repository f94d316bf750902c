import { Logger } from '@nestjs/common';
import { oidcProviderClaimsConfig } from '@federation/identity';
import {
  mockIdentityProviderUrls,
  type MockIdentityProviderDefinition,
  type MockIdentityProviderUrls,
} from '../identity-providers';
import type { MockFiOptions } from '../mock-fi.config';
import { renderMockFiErrorPage } from '../pages/layout';
import { renderLoggedOutPage, renderLogoutPage } from '../pages/logout.page';
import {
  TEST_CITIZENS,
  subjectFor,
  userinfoClaimsOf,
  type TestCitizen,
} from '../test-citizens';
import {
  OidcProviderClass,
  type OidcAccount,
  type OidcProvider,
} from './oidc-provider';
import { createInMemoryOidcAdapter } from './in-memory-oidc.adapter';
import { generateSigningKeys } from './signing-keys';

/** One running FI: its definition, its public URLs and its own oidc-provider instance. */
export interface MockIdentityProvider {
  definition: MockIdentityProviderDefinition;
  urls: MockIdentityProviderUrls;
  provider: OidcProvider;
}

/** Path of the login/consent pages of an interaction (served by Nest, not by oidc-provider). */
export function interactionPath(slug: string, uid: string): string {
  return `/interaction/${encodeURIComponent(slug)}/${encodeURIComponent(uid)}`;
}

/**
 * The federation's scope → claims catalogue (the same as the core's), except that `openid` also
 * puts acr and amr in every ID token, even when the request named no acr_values: the gateway
 * checks the level it gets back.
 */
const SCOPE_CLAIMS: Record<string, string[]> = {
  ...oidcProviderClaimsConfig(),
  openid: ['sub', 'acr', 'amr'],
};

/** French wording of the OAuth errors a citizen may land on (the others get a generic message). */
const ERROR_MESSAGES: Record<string, string> = {
  invalid_request:
    'La demande de connexion envoyée par le service est invalide.',
  invalid_client:
    'Le service qui demande la connexion n’est pas reconnu par ce fournisseur d’identité.',
  invalid_redirect_uri:
    'L’adresse de retour indiquée par le service n’est pas autorisée.',
  unauthorized_client:
    'Le service n’est pas autorisé à effectuer cette demande.',
  session_not_found:
    'Votre demande de connexion a expiré. Retournez sur le service pour recommencer.',
};

export async function createMockIdentityProvider(
  definition: MockIdentityProviderDefinition,
  options: MockFiOptions,
): Promise<MockIdentityProvider> {
  const { slug, name } = definition;
  const urls = mockIdentityProviderUrls(
    slug,
    options.publicUrl,
    options.gatewayUrl,
  );
  const logger = new Logger(`MockFi:${slug}`);

  const citizensBySubject = new Map<string, TestCitizen>(
    TEST_CITIZENS.map((citizen) => [subjectFor(slug, citizen.login), citizen]),
  );

  const provider = new OidcProviderClass(urls.issuer, {
    adapter: createInMemoryOidcAdapter(),
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        client_name: 'Passerelle des fournisseurs d’identité',
        redirect_uris: [urls.redirectUri],
        post_logout_redirect_uris: [urls.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // passport-openidconnect (the gateway) posts its credentials in the body.
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: definition.idTokenSigningAlg,
      },
    ],
    jwks: { keys: await generateSigningKeys() },
    async findAccount(_ctx, sub): Promise<OidcAccount | undefined> {
      const citizen = citizensBySubject.get(sub);
      if (!citizen) return undefined;
      return {
        accountId: sub,
        // oidc-provider keeps only the claims of the granted scopes.
        claims: async () => ({ sub, ...userinfoClaimsOf(citizen) }),
      };
    },
    interactions: {
      url: (_ctx, interaction) =>
        `${options.publicUrl}${interactionPath(slug, interaction.uid)}`,
    },
    acrValues: [...definition.acrValues],
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      iss: null,
      sid: null,
      ...SCOPE_CLAIMS,
    },
    // Scope claims go to userinfo only, as with FranceConnect's FIs.
    conformIdTokenClaims: true,
    responseTypes: ['code'],
    pkce: { required: () => true },
    cookies: {
      keys: options.cookieKeys,
      // Every FI shares the host: distinct names keep their sessions apart.
      names: {
        session: `fi_${slug}_session`,
        interaction: `fi_${slug}_interaction`,
        resume: `fi_${slug}_resume`,
      },
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 300,
      IdToken: 300,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ctx.type = 'html';
          ctx.body = renderLogoutPage(name, form);
        },
        postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage(name);
        },
      },
    },
    // Only the gateway's back end calls the FI: no browser origin is allowed.
    clientBasedCORS: () => false,
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderMockFiErrorPage({
        serviceName: name,
        code: out.error,
        title: 'Connexion impossible',
        message:
          ERROR_MESSAGES[out.error] ??
          'Une erreur est survenue pendant la connexion. Retournez sur le service pour recommencer.',
        detail: out.error_description
          ? `${out.error} : ${out.error_description}`
          : out.error,
      });
    },
  });

  provider.on('server_error', (_ctx, error) =>
    logger.error(`server_error: ${describe(error)}`),
  );
  for (const event of [
    'authorization.error',
    'grant.error',
    'userinfo.error',
    'end_session.error',
  ]) {
    provider.on(event, (_ctx, error) =>
      logger.warn(`${event}: ${describe(error)}`),
    );
  }

  return { definition, urls, provider };
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'error' in error) {
    const { error: code, error_description: description } = error as {
      error: string;
      error_description?: string;
    };
    return description ? `${code} (${description})` : code;
  }
  return error instanceof Error ? error.message : String(error);
}
