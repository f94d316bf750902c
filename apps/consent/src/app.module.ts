import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ConsentConfig } from './config/consent.config';
import { CONSENT_SCHEMA } from '@federation/consent-data';
import { ConsentServiceModule, DashboardModule, mountCheckToken } from '@federation/consent-service';
import { parsePrivateJwks } from '@federation/oidc';
import {
  DatabaseHealthIndicator,
  HealthModule,
  MetricsModule,
  RedisHealthIndicator,
  RedisModule,
  createLoggerModule,
} from '@federation/server';
import { createDataSourceOptions } from '@federation/database';

/** Consent and token service: checktoken for data providers, consents, the citizen's dashboard. */
@Module({})
export class AppModule {
  static register(config: ConsentConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('consent', config),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions({
            url: config.DATABASE_URL,
            schema: CONSENT_SCHEMA,
            poolSize: config.DATABASE_POOL_SIZE,
            applicationName: 'consent',
          }),
          retryAttempts: 3,
          retryDelay: 1_000,
        }),
        RedisModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_PREFIX,
          service: 'consent',
        }),
        ConsentServiceModule.forRoot({
          publicUrl: config.CONSENT_PUBLIC_URL,
          signingJwks: parsePrivateJwks(config.CONSENT_SIGNING_JWKS),
          subjectSecret: config.CONSENT_SUBJECT_SECRET,
          internalToken: config.CONSENT_INTERNAL_TOKEN,
          redisPrefix: config.REDIS_PREFIX,
          coreRedisPrefix: config.CORE_REDIS_PREFIX ?? config.REDIS_PREFIX,
          registryCacheTtlMs: config.REGISTRY_CACHE_TTL_MS,
        }),
        DashboardModule.forRoot({
          publicUrl: config.CONSENT_PUBLIC_URL,
          coreIssuer: config.CORE_ISSUER,
          clientId: config.DASHBOARD_CLIENT_ID,
          clientSecret: config.DASHBOARD_CLIENT_SECRET,
          cookieSecret: config.DASHBOARD_COOKIE_SECRET,
          secureCookies: config.DASHBOARD_SECURE_COOKIES || config.CONSENT_PUBLIC_URL.startsWith('https:'),
        }),
        HealthModule.forRoot([DatabaseHealthIndicator, RedisHealthIndicator]),
        MetricsModule.forRoot({ service: 'consent', token: config.METRICS_TOKEN }),
      ],
    };
  }
}

/** HTTP wiring before Nest's routes: checktoken (the hot path) as a plain handler. */
export function configureApp(app: INestApplication): void {
  mountCheckToken(app);
}
