import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { getDataSourceToken, getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClientEntity, IdentityProviderEntity } from '@federation/core-data';
import { serveDsfrAssets } from '@federation/dsfr-pages';
import {
  FEDERATION_RECORDS,
  OneTimeStore,
  oneTimeStoreProvider,
} from '@federation/oidc';
import { JobPublisher } from '@federation/queue';
import {
  HttpMetrics,
  REDIS_CLIENT,
  setMetricsRoute,
  UNMATCHED_ROUTE,
} from '@federation/server';
import { json, urlencoded } from 'express';
import type Redis from 'ioredis';
import type Provider from 'oidc-provider';
import type { DataSource, Repository } from 'typeorm';
import { SUPPORTED_SCOPES } from '@federation/identity';
import { ConsentClient } from './consent/consent-client';
import { DataProviderScopes } from './consent/data-provider-scopes';
import { AccountStore } from './accounts/account-store';
import {
  CORE_PROVIDER_OPTIONS,
  OIDC_MOUNT_PATH,
  type CoreProviderOptions,
} from './core-provider.options';
import { BusinessEvents } from './events/business-events';
import { CsrfTokens } from './interactions/csrf-tokens';
import { InteractionController } from './interactions/interaction.controller';
import {
  FI_LOGIN_REQUESTS,
  FI_SESSIONS,
  IDENTITY_HANDOFFS,
  OIDC_PROVIDER,
} from './interactions/tokens';
import { LogoutChain } from './logout/logout-chain';
import { LogoutController } from './logout/logout.controller';
import { createOidcProvider } from './provider/oidc-provider.factory';
import { ClientRegistry } from './registry/client-registry';
import { ClientRegistrySubscription } from './registry/client-registry-subscription';
import { IdentityProviderRegistry } from './registry/identity-provider-registry';

const PENDING_LOGOUTS = Symbol('PENDING_LOGOUTS');
const FI_LOGOUT_REQUESTS = Symbol('FI_LOGOUT_REQUESTS');

/**
 * The core: OpenID Connect provider of the service providers (oidc-provider, mounted at /api/v2)
 * and the citizen's pages (FI choice, consent, errors, logout chain).
 * Needs TypeORM (core schema), RedisModule and QueueModule from the app.
 */
@Module({})
export class CoreProviderModule {
  static forRoot(options: CoreProviderOptions): DynamicModule {
    return {
      module: CoreProviderModule,
      imports: [
        TypeOrmModule.forFeature([ClientEntity, IdentityProviderEntity]),
      ],
      controllers: [InteractionController, LogoutController],
      providers: [
        { provide: CORE_PROVIDER_OPTIONS, useValue: options },
        {
          provide: ClientRegistry,
          inject: [getRepositoryToken(ClientEntity), DataProviderScopes],
          useFactory: (repository: Repository<ClientEntity>, dataScopes: DataProviderScopes) =>
            new ClientRegistry(
              repository,
              options.registryCacheTtlMs,
              (scope) => SUPPORTED_SCOPES.includes(scope) || dataScopes.isDataScope(scope),
            ),
        },
        ClientRegistrySubscription,
        {
          provide: IdentityProviderRegistry,
          inject: [getRepositoryToken(IdentityProviderEntity)],
          useFactory: (repository: Repository<IdentityProviderEntity>) =>
            new IdentityProviderRegistry(
              repository,
              options.registryCacheTtlMs,
            ),
        },
        {
          provide: AccountStore,
          inject: [REDIS_CLIENT],
          useFactory: (redis: Redis) =>
            new AccountStore(
              redis,
              options.redisPrefix,
              options.sessionTtlSeconds + 120,
            ),
        },
        // Derived from the first cookie key: rotating the cookie keys also rotates CSRF tokens.
        {
          provide: CsrfTokens,
          useFactory: () => new CsrfTokens(`${options.cookieKeys[0]}:csrf`),
        },
        {
          provide: BusinessEvents,
          inject: [JobPublisher, { token: HttpMetrics, optional: true }],
          useFactory: (publisher: JobPublisher, metrics?: HttpMetrics) =>
            new BusinessEvents(publisher, metrics?.registry),
        },
        oneTimeStoreProvider(
          FI_LOGIN_REQUESTS,
          FEDERATION_RECORDS.fiLoginRequest,
          options.redisPrefix,
        ),
        oneTimeStoreProvider(
          IDENTITY_HANDOFFS,
          FEDERATION_RECORDS.identityHandoff,
          options.redisPrefix,
        ),
        oneTimeStoreProvider(
          FI_SESSIONS,
          FEDERATION_RECORDS.fiSession,
          options.redisPrefix,
        ),
        oneTimeStoreProvider(
          FI_LOGOUT_REQUESTS,
          FEDERATION_RECORDS.fiLogoutRequest,
          options.redisPrefix,
        ),
        oneTimeStoreProvider(
          PENDING_LOGOUTS,
          {
            kind: 'core:pending-logout',
            ttlSeconds: 10 * 60,
          },
          options.redisPrefix,
        ),
        {
          provide: LogoutChain,
          inject: [PENDING_LOGOUTS, FI_LOGOUT_REQUESTS],
          useFactory: (
            pending: OneTimeStore<never>,
            requests: OneTimeStore<never>,
          ) =>
            new LogoutChain(
              pending,
              requests,
              options.publicUrl,
              options.gatewayPublicUrl,
            ),
        },
        {
          provide: DataProviderScopes,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new DataProviderScopes(dataSource, options.registryCacheTtlMs),
        },
        {
          provide: ConsentClient,
          useFactory: () => (options.consent ? new ConsentClient(options.consent) : null),
        },
        {
          provide: OIDC_PROVIDER,
          inject: [
            REDIS_CLIENT,
            ClientRegistry,
            AccountStore,
            BusinessEvents,
            LogoutChain,
            DataProviderScopes,
          ],
          useFactory: async (
            redis: Redis,
            clients: ClientRegistry,
            accounts: AccountStore,
            events: BusinessEvents,
            logoutChain: LogoutChain,
            dataScopes: DataProviderScopes,
          ) =>
            createOidcProvider({
              options,
              redis,
              clients,
              accounts,
              events,
              logoutChain,
              dataScopes,
              // Only a core linked to a consent service accepts data provider scopes.
              dataScopeNames: options.consent ? await dataScopes.init() : [],
            }),
        },
      ],
      exports: [OIDC_PROVIDER, ClientRegistry],
    };
  }
}

/** The endpoints of oidc-provider (routes of its configuration, discovery, resumed authorizations). */
const OIDC_ROUTES: [RegExp, string][] = [
  [/^\/\.well-known\/openid-configuration$/, '/.well-known/openid-configuration'],
  [/^\/authorize$/, '/authorize'],
  [/^\/authorize\/[^/]+$/, '/authorize/:uid'],
  [/^\/token$/, '/token'],
  [/^\/token\/revocation$/, '/token/revocation'],
  [/^\/token\/introspection$/, '/token/introspection'],
  [/^\/userinfo$/, '/userinfo'],
  [/^\/jwks$/, '/jwks'],
  [/^\/session\/end$/, '/session/end'],
  [/^\/session\/end\/confirm$/, '/session/end/confirm'],
  [/^\/session\/end\/success$/, '/session/end/success'],
];

/** The bounded route label of a request to oidc-provider (path relative to its mount). */
export function oidcRouteLabel(url: string): string {
  const path = url.split('?')[0];
  const found = OIDC_ROUTES.find(([pattern]) => pattern.test(path));
  return found ? `${OIDC_MOUNT_PATH}${found[1]}` : UNMATCHED_ROUTE;
}

/**
 * Wires the HTTP side, before Nest's routes: the OpenID provider at /api/v2 (it parses its own
 * bodies), DSFR assets, body parsers for the citizen pages, and a French 404 page.
 * The app must be created with `bodyParser: false`.
 */
export function mountCoreProvider(app: INestApplication): void {
  const provider = app.get<Provider>(OIDC_PROVIDER);
  const callback = provider.callback();
  app.use(OIDC_MOUNT_PATH, (req: IncomingMessage, res: ServerResponse) => {
    setMetricsRoute(req, oidcRouteLabel(req.url ?? '/'));
    return callback(req, res);
  });
  app.use('/dsfr', serveDsfrAssets());
  app.use(urlencoded({ extended: false, limit: '16kb' }));
  app.use(json({ limit: '64kb' }));
}
