import { Logger } from '@nestjs/common';
import {
  acrSatisfies,
  EIDAS_LEVELS,
  eidasRank,
  isEidasLevel,
  oidcProviderClaimsConfig,
  pairwiseSubject,
  SUPPORTED_SCOPES,
  type EidasLevel,
} from '@federation/identity';
import { RedisOidcAdapter } from '@federation/oidc';
import type Redis from 'ioredis';
import Provider, {
  errors,
  interactionPolicy,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { AccountStore } from '../accounts/account-store';
import type { CoreProviderOptions } from '../core-provider.options';
import { OIDC_MOUNT_PATH } from '../core-provider.options';
import type { BusinessEvents } from '../events/business-events';
import { renderCoreError, renderLoggedOutPage } from '../pages/core-pages';
import {
  InteractionExpiredError,
  InvalidServiceProviderRequestError,
  ServiceUnavailableError,
  type CoreError,
} from '../errors/core-errors';
import {
  EXTRA_CLIENT_METADATA,
  type ClientMetadata,
  type ClientRegistry,
} from '../registry/client-registry';
import type { LogoutChain } from '../logout/logout-chain';
import type { DataProviderScopes } from '../consent/data-provider-scopes';

const MIN_NONCE_LENGTH = 22;

export interface ProviderDependencies {
  options: CoreProviderOptions;
  redis: Redis;
  clients: ClientRegistry;
  accounts: AccountStore;
  events: BusinessEvents;
  logoutChain: LogoutChain;
  /** Data provider scopes (known at boot): accepted, never pre-consented. */
  dataScopes: DataProviderScopes;
  dataScopeNames: string[];
}

/** The acr a request asks for: its single `acr_values`, eidas1 when absent. */
export function requestedAcr(acrValues: unknown): EidasLevel {
  return typeof acrValues === 'string' && isEidasLevel(acrValues)
    ? acrValues
    : 'eidas1';
}

export function clientMetadata(client: {
  metadata(): Record<string, unknown>;
}): ClientMetadata {
  return client.metadata() as ClientMetadata;
}

/**
 * The core's OpenID Connect provider: code flow only, state and nonce mandatory, acr among the
 * eIDAS levels, pairwise `sub` per service provider, artefacts in Redis, clients from Postgres.
 */
export function createOidcProvider(deps: ProviderDependencies): Provider {
  const { options, redis, clients, accounts, events } = deps;
  const logger = new Logger('OidcProvider');

  const configuration: Configuration = {
    adapter: (name: string) =>
      (name === 'Client'
        ? clients.asOidcAdapter()
        : new RedisOidcAdapter(name, redis, options.redisPrefix)) as never,
    clients: [],
    jwks: options.signingJwks as Configuration['jwks'],
    cookies: {
      keys: options.cookieKeys,
      names: {
        session: 'fc_session',
        interaction: 'fc_interaction',
        resume: 'fc_interaction_resume',
      },
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    claims: oidcProviderClaimsConfig(),
    scopes: [...new Set([...SUPPORTED_SCOPES, ...deps.dataScopeNames])],
    acrValues: [...EIDAS_LEVELS],
    responseTypes: ['code'],
    pkce: { required: () => false },
    clientAuthMethods: [
      'client_secret_basic',
      'client_secret_post',
      'private_key_jwt',
    ],
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256', 'RS256'],
      userinfoSigningAlgValues: ['ES256', 'RS256'],
      clientAuthSigningAlgValues: ['ES256', 'RS256', 'PS256'],
    },
    extraClientMetadata: { properties: [...EXTRA_CLIENT_METADATA] },
    // Validated after the client and its redirect_uri are known, so errors go back to the FS.
    extraParams: {
      state: (_ctx: KoaContextWithOIDC, value: unknown) => {
        if (typeof value !== 'string' || value.length === 0)
          throw new errors.InvalidRequest('state is required');
      },
      nonce: (_ctx: KoaContextWithOIDC, value: unknown) => {
        if (typeof value !== 'string' || value.length < MIN_NONCE_LENGTH) {
          throw new errors.InvalidRequest(
            `nonce is required and must be at least ${MIN_NONCE_LENGTH} characters long`,
          );
        }
      },
      acr_values: (
        _ctx: KoaContextWithOIDC,
        value: unknown,
        client: unknown,
      ) => {
        if (value === undefined) return;
        if (typeof value !== 'string' || !isEidasLevel(value))
          throw new errors.InvalidRequest(
            `acr_values must be one of ${EIDAS_LEVELS.join(', ')}`,
          );
        const max = clientMetadata(client as never)['max_eidas_level'];
        if (isEidasLevel(max) && eidasRank(value) > eidasRank(max)) {
          throw new errors.InvalidRequest(
            `acr_values ${value} exceeds the level this client is allowed (${max})`,
          );
        }
      },
    } as never,
    allowOmittingSingleRegisteredRedirectUri: false,
    conformIdTokenClaims: true,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) =>
          deps.logoutChain.start(ctx, form),
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = renderLoggedOutPage();
        },
      },
    },
    routes: {
      authorization: '/authorize',
      token: '/token',
      userinfo: '/userinfo',
      jwks: '/jwks',
      end_session: '/session/end',
      revocation: '/token/revocation',
      introspection: '/token/introspection',
    },
    interactions: {
      policy: interactionsPolicy(deps.dataScopes),
      url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) =>
        `/interaction/${interaction.uid}`,
    },
    ttl: {
      AuthorizationCode: 30,
      AccessToken: 60,
      IdToken: 3600,
      Interaction: 15 * 60,
      Session: options.sessionTtlSeconds,
      Grant: options.sessionTtlSeconds,
    },
    findAccount: async (_ctx: KoaContextWithOIDC, accountId: string) => {
      const identity = await accounts.find(accountId);
      if (!identity) return undefined;
      return {
        accountId,
        claims: async () => {
          // `sub` is replaced by oidc-provider with pairwiseIdentifier() below.
          return {
            sub: accountId,
            ...identity,
            // The reference federation sends an empty birthplace for citizens born abroad.
            birthplace: identity.birthplace ?? '',
          };
        },
      };
    },
    // The pairwise `sub` is keyed by the FS entity (its sector), not by redirect_uri hosts: two
    // clients of one FS share it, whatever their hosts (see ClientRegistry for the sector URI).
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: async (
      _ctx: KoaContextWithOIDC,
      accountId: string,
      client,
    ) =>
      pairwiseSubject(
        accountId,
        String(clientMetadata(client)['entity_id']),
        options.identityHashSecret,
      ),
    sectorIdentifierUriValidate: () => false,
    renderError: async (ctx: KoaContextWithOIDC, out, error) => {
      ctx.type = 'html';
      ctx.body = renderCoreError(
        toCoreError(out as unknown as Record<string, unknown>, error),
      );
    },
    ...(options.allowPrivateNetworkFetch
      ? {
          fetch: (url: string | URL | Request, init?: RequestInit) =>
            globalThis.fetch(url, {
              ...init,
              dispatcher: undefined,
            } as RequestInit),
        }
      : {}),
    discovery: {
      ui_locales_supported: ['fr'],
      claims_locales_supported: ['fr'],
    },
  };

  const provider = new Provider(
    `${options.publicUrl}${OIDC_MOUNT_PATH}`,
    configuration,
  );
  provider.proxy = options.trustProxy;

  // Client secrets: the core keeps only their SHA-256 hashes (several during a rotation overlap),
  // so the comparison is the registry's, not oidc-provider's plain one.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(
    this: { clientId: string },
    actual: string,
  ) {
    return clients.verifySecret(this.clientId, actual);
  };

  // One business event per protocol step the FS drives (the interaction steps emit their own).
  provider.use(async (koaCtx, next) => {
    await next();
    const ctx = koaCtx as unknown as KoaContextWithOIDC;
    const route = ctx.oidc?.route;
    const type =
      route === 'authorization'
        ? 'authorize'
        : route === 'token'
          ? 'token'
          : route === 'userinfo'
            ? 'userinfo'
            : route === 'end_session'
              ? 'logout_requested'
              : route === 'end_session_confirm'
                ? 'logout'
                : undefined;
    if (!type) return;
    const location = ctx.response.get('location');
    const redirectedError =
      route === 'authorization' && typeof location === 'string'
        ? /[?&#]error=([^&#]+)/.exec(location)?.[1]
        : undefined;
    const failed = ctx.status >= 400 || redirectedError !== undefined;
    const body = ctx.body as { error?: unknown } | undefined;
    const params = ctx.oidc?.params ?? {};
    const lengthOf = (value: unknown) =>
      typeof value === 'string' ? value.length : 0;
    events.emit({
      type,
      outcome: failed ? 'failure' : 'success',
      clientId: ctx.oidc?.client?.clientId,
      acr:
        route === 'authorization'
          ? requestedAcr(params['acr_values'])
          : undefined,
      ...(failed
        ? {
            errorCode:
              redirectedError ??
              (typeof body?.error === 'string' ? body.error : `http_${ctx.status}`),
          }
        : {}),
      ...(route === 'authorization'
        ? {
            checks: {
              stateLength: lengthOf(params['state']),
              nonceLength: lengthOf(params['nonce']),
              pkce: typeof params['code_challenge'] === 'string',
            },
          }
        : route === 'end_session'
          ? { checks: { idTokenHint: typeof params['id_token_hint'] === 'string' } }
          : {}),
    });
  });

  provider.on('server_error', (_ctx: unknown, error: Error) =>
    logger.error({ reason: error.message }, 'oidc server error'),
  );
  provider.on(
    'grant.error',
    (_ctx: unknown, error: Error & { error?: string; error_detail?: string }) =>
      logger.warn(
        { error: error.error ?? error.message, detail: error.error_detail },
        'token request refused',
      ),
  );
  return provider;
}

/**
 * oidc-provider's prompts, plus one rule: an SSO session whose eIDAS level is below the level
 * requested (acr_values) does not satisfy the request; the citizen logs in again with a stronger FI.
 */
function interactionsPolicy(dataScopes: DataProviderScopes) {
  const policy = interactionPolicy.base();
  // Data provider scopes are never granted silently: each authorization asking for them shows the
  // consent page, until the citizen ticked the consent of this very interaction.
  policy.get('consent')?.checks.add(
    new interactionPolicy.Check(
      'data_provider_scopes',
      'data provider scopes need the explicit consent of the citizen',
      (ctx) => {
        const oidc = (ctx as unknown as KoaContextWithOIDC).oidc;
        const requested = String(oidc.params?.['scope'] ?? '').split(' ');
        if (!dataScopes.hasDataScopes(requested)) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        const result = oidc.result as { dataConsent?: { scopes?: string[] } } | undefined;
        const consented = new Set(result?.dataConsent?.scopes ?? []);
        return requested.every((scope) => !dataScopes.isDataScope(scope) || consented.has(scope))
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );
  policy.get('login')?.checks.add(
    new interactionPolicy.Check(
      'acr_below_requested',
      'the session eIDAS level is below the requested one',
      (ctx) => {
        const oidc = (ctx as unknown as KoaContextWithOIDC).oidc;
        const requested = requestedAcr(oidc.params?.['acr_values']);
        return acrSatisfies(oidc.session?.acr, requested)
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );
  return policy;
}

function toCoreError(out: Record<string, unknown>, error: Error): CoreError {
  const code = typeof out['error'] === 'string' ? out['error'] : 'server_error';
  if (
    error.name === 'SessionNotFound' ||
    code === 'session_not_found' ||
    (error.name === 'InvalidRequest' && /interaction/i.test(error.message))
  ) {
    return new InteractionExpiredError();
  }
  if (code === 'server_error' || code === 'temporarily_unavailable')
    return new ServiceUnavailableError();
  return new InvalidServiceProviderRequestError(code);
}
