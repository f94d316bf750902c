import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CORE_SCHEMA } from '@federation/core-data';
import {
  CitizenExceptionFilter,
  CoreProviderModule,
  mountCoreProvider,
} from '@federation/core-provider';
import { createDataSourceOptions } from '@federation/database';
import { parsePrivateJwks } from '@federation/oidc';
import { QueueModule } from '@federation/queue';
import {
  DatabaseHealthIndicator,
  HealthModule,
  MetricsModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import type { CoreConfig } from './config/core.config';

/** Core: OpenID Connect provider of the federation. */
@Module({})
export class AppModule {
  static register(config: CoreConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('core', config),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({
            url: config.DATABASE_URL,
            schema: CORE_SCHEMA,
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: 'core',
          }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'core',
        }),
        QueueModule.forRoot({
          redisUrl: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
        }),
        CoreProviderModule.forRoot({
          publicUrl: config.CORE_PUBLIC_URL,
          gatewayPublicUrl: config.FI_GATEWAY_PUBLIC_URL,
          signingJwks: parsePrivateJwks(config.CORE_SIGNING_JWKS),
          cookieKeys: config.CORE_COOKIE_KEYS,
          identityHashSecret: config.IDENTITY_HASH_SECRET,
          redisPrefix: config.REDIS_PREFIX,
          sessionTtlSeconds: config.CORE_SESSION_TTL_SECONDS,
          registryCacheTtlMs: config.REGISTRY_CACHE_TTL_MS,
          trustProxy: config.TRUST_PROXY,
          allowPrivateNetworkFetch: config.OIDC_FETCH_ALLOW_PRIVATE_NETWORK,
          consent:
            config.CONSENT_INTERNAL_URL && config.CONSENT_INTERNAL_TOKEN
              ? {
                  internalUrl: config.CONSENT_INTERNAL_URL,
                  internalToken: config.CONSENT_INTERNAL_TOKEN,
                  dashboardEntityId: config.DASHBOARD_ENTITY_ID,
                  dashboardUrl: config.CONSENT_PUBLIC_URL,
                }
              : undefined,
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
        MetricsModule.forRoot({ service: 'core', token: config.METRICS_TOKEN }),
      ],
      providers: [{ provide: APP_FILTER, useClass: CitizenExceptionFilter }],
    };
  }
}

/** HTTP wiring before Nest's routes: oidc-provider at /api/v2 (it parses its own bodies), DSFR assets, body parsers. */
export function configureApp(app: INestApplication): void {
  mountCoreProvider(app);
}
