import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { REDIS_CLIENT } from '@federation/server';
import { json, urlencoded, type NextFunction, type Request, type Response } from 'express';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { AccessRecorder } from './checktoken/access-recorder';
import { AnswerSigner } from './checktoken/answer-signer';
import { CHECKTOKEN_PATH, createCheckTokenHandler } from './checktoken/checktoken.handler';
import { CheckTokenService } from './checktoken/checktoken.service';
import { CoreTokenStore } from './checktoken/core-token-store';
import { DataProviderAuthentication } from './checktoken/data-provider-authentication';
import { ConsentPublicController } from './checktoken/public.controller';
import { CONSENT_SERVICE_OPTIONS, type ConsentServiceOptions } from './consent-service.options';
import { InternalController, InternalTokenGuard } from './internal/internal.controller';
import { CITIZEN_RECORDS } from './records/citizen-records.types';
import { CitizenRecordsService } from './records/citizen-records.service';
import { ConsentCache } from './records/consent-cache';
import { LoginRecordsService } from './records/login-records.service';
import { DataProviderRegistry } from './registry/data-provider-registry';

/**
 * The consent service: data provider registry, consents and connections recorded for the core,
 * checktoken for data providers, and the citizen's records (CITIZEN_RECORDS, for the dashboard).
 * Needs TypeORM (consent schema) and RedisModule from the app; global, so the dashboard finds its records.
 */
@Module({})
export class ConsentServiceModule {
  static forRoot(options: ConsentServiceOptions): DynamicModule {
    return {
      module: ConsentServiceModule,
      global: true,
      controllers: [ConsentPublicController, InternalController],
      providers: [
        { provide: CONSENT_SERVICE_OPTIONS, useValue: options },
        InternalTokenGuard,
        {
          provide: DataProviderRegistry,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new DataProviderRegistry(dataSource, options.registryCacheTtlMs),
        },
        {
          provide: ConsentCache,
          inject: [REDIS_CLIENT],
          useFactory: (redis: Redis) => new ConsentCache(redis, options.redisPrefix),
        },
        {
          provide: CitizenRecordsService,
          inject: [getDataSourceToken(), ConsentCache],
          useFactory: (dataSource: DataSource, cache: ConsentCache) => new CitizenRecordsService(dataSource, cache),
        },
        { provide: CITIZEN_RECORDS, useExisting: CitizenRecordsService },
        {
          provide: LoginRecordsService,
          inject: [getDataSourceToken(), DataProviderRegistry, ConsentCache],
          useFactory: (dataSource: DataSource, registry: DataProviderRegistry, cache: ConsentCache) =>
            new LoginRecordsService(dataSource, registry, cache),
        },
        { provide: AnswerSigner, useFactory: () => new AnswerSigner(options.signingJwks) },
        {
          provide: DataProviderAuthentication,
          inject: [DataProviderRegistry, REDIS_CLIENT],
          useFactory: (registry: DataProviderRegistry, redis: Redis) =>
            new DataProviderAuthentication(registry, redis, options.redisPrefix, [
              `${options.publicUrl}${CHECKTOKEN_PATH}`,
              options.publicUrl,
            ]),
        },
        {
          provide: CheckTokenService,
          inject: [REDIS_CLIENT, getDataSourceToken(), ConsentCache, AnswerSigner],
          useFactory: (redis: Redis, dataSource: DataSource, cache: ConsentCache, signer: AnswerSigner) =>
            new CheckTokenService(
              { issuer: options.publicUrl, subjectSecret: options.subjectSecret },
              redis,
              new CoreTokenStore(redis, options.coreRedisPrefix),
              cache,
              dataSource,
              new AccessRecorder(dataSource),
              signer,
            ),
        },
      ],
      exports: [CITIZEN_RECORDS, CitizenRecordsService, DataProviderRegistry],
    };
  }
}

/** Mounts checktoken before Nest's routes, with its own small body parsers. */
export function mountCheckToken(app: INestApplication): void {
  const handler = createCheckTokenHandler(app.get(DataProviderAuthentication), app.get(CheckTokenService));
  const form = urlencoded({ extended: false, limit: '16kb' });
  const body = json({ limit: '16kb' });
  // Wrapped: Nest skips its own global parsers when it finds layers named like Express's parsers.
  app.use(
    CHECKTOKEN_PATH,
    (req: Request, res: Response, next: NextFunction) => form(req, res, next),
    (req: Request, res: Response, next: NextFunction) => body(req, res, next),
    handler,
  );
}
