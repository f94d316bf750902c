import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { IdentityProviderEntity } from '@federation/core-data';
import { serveDsfrAssets } from '@federation/dsfr-pages';
import { FEDERATION_RECORDS, OneTimeStore, SecretBox } from '@federation/oidc';
import { REDIS_CLIENT } from '@federation/server';
import type Redis from 'ioredis';
import type { Repository } from 'typeorm';
import { FiAuthenticator } from './fi-authenticator';
import { FiRegistry } from './fi-registry';
import { GatewayController } from './gateway.controller';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway.options';
import { IdTokenVerifier } from './id-token.verifier';
import {
  AUTHORIZATION_STATES,
  FI_LOGIN_REQUESTS,
  FI_LOGOUT_REQUESTS,
  FI_LOGOUT_STATES,
  FI_SESSIONS,
  IDENTITY_HANDOFFS,
} from './tokens';

const oneTimeStore = (
  token: symbol,
  record: { kind: string; ttlSeconds: number },
) => ({
  provide: token,
  inject: [REDIS_CLIENT, GATEWAY_OPTIONS],
  useFactory: (redis: Redis, options: GatewayOptions) =>
    new OneTimeStore(
      redis,
      options.redisPrefix,
      record.kind,
      record.ttlSeconds,
    ),
});

/** The FI gateway. Needs TypeORM (core schema, read-only FI registry) and RedisModule from the app. */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    return {
      module: GatewayModule,
      imports: [TypeOrmModule.forFeature([IdentityProviderEntity])],
      controllers: [GatewayController],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        {
          provide: SecretBox,
          useFactory: () => new SecretBox(options.secretsEncryptionKey),
        },
        {
          provide: FiRegistry,
          inject: [getRepositoryToken(IdentityProviderEntity), SecretBox],
          useFactory: (
            repository: Repository<IdentityProviderEntity>,
            secrets: SecretBox,
          ) => new FiRegistry(repository, secrets, options.registryCacheTtlMs),
        },
        IdTokenVerifier,
        oneTimeStore(FI_LOGIN_REQUESTS, FEDERATION_RECORDS.fiLoginRequest),
        oneTimeStore(IDENTITY_HANDOFFS, FEDERATION_RECORDS.identityHandoff),
        oneTimeStore(FI_SESSIONS, FEDERATION_RECORDS.fiSession),
        oneTimeStore(FI_LOGOUT_REQUESTS, FEDERATION_RECORDS.fiLogoutRequest),
        oneTimeStore(FI_LOGOUT_STATES, {
          kind: 'gw:logout-state',
          ttlSeconds: 10 * 60,
        }),
        oneTimeStore(AUTHORIZATION_STATES, {
          kind: 'gw:authorization-state',
          ttlSeconds: 15 * 60,
        }),
        {
          provide: FiAuthenticator,
          inject: [FiRegistry, IdTokenVerifier, AUTHORIZATION_STATES],
          useFactory: (
            registry: FiRegistry,
            verifier: IdTokenVerifier,
            states: OneTimeStore<never>,
          ) =>
            new FiAuthenticator(registry, verifier, states, options.publicUrl),
        },
      ],
    };
  }
}

export function mountGatewayAssets(app: INestApplication): void {
  app.use('/dsfr', serveDsfrAssets());
}
