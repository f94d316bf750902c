import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { HttpMetrics, REDIS_CLIENT } from '@federation/server';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { AccessRecorder } from './checktoken/access-recorder';
import { AnswerSigner } from './checktoken/answer-signer';
import { CHECKTOKEN_PATH, createCheckTokenListener } from './checktoken/checktoken.handler';
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
import { RetentionPurge } from './retention/retention-purge';

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
          provide: RetentionPurge,
          inject: [getDataSourceToken(), REDIS_CLIENT],
          useFactory: (dataSource: DataSource, redis: Redis) => new RetentionPurge(dataSource, redis, options.redisPrefix),
        },
        {
          provide: AccessRecorder,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new AccessRecorder(dataSource),
        },
        {
          provide: CheckTokenService,
          inject: [REDIS_CLIENT, getDataSourceToken(), ConsentCache, AnswerSigner, AccessRecorder],
          useFactory: (redis: Redis, dataSource: DataSource, cache: ConsentCache, signer: AnswerSigner, recorder: AccessRecorder) =>
            new CheckTokenService(
              { issuer: options.publicUrl, subjectSecret: options.subjectSecret },
              redis,
              new CoreTokenStore(redis, options.coreRedisPrefix),
              cache,
              dataSource,
              recorder,
              signer,
            ),
        },
      ],
      exports: [CITIZEN_RECORDS],
    };
  }
}

/**
 * Serves checktoken from the HTTP server itself, ahead of Express and Nest (see
 * createCheckTokenListener); every other request goes on to the app as before.
 */
export function mountCheckToken(app: INestApplication): void {
  let metrics: HttpMetrics | undefined;
  try {
    metrics = app.get(HttpMetrics, { strict: false });
  } catch {
    metrics = undefined;
  }
  const checktoken = createCheckTokenListener(app.get(DataProviderAuthentication), app.get(CheckTokenService), metrics);
  const server = app.getHttpServer() as Server;
  const others = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '';
    if (url === CHECKTOKEN_PATH || url.startsWith(`${CHECKTOKEN_PATH}?`)) {
      checktoken(req, res);
      return;
    }
    for (const listener of others) listener.call(server, req, res);
  });
}
