import { DynamicModule, Module, type INestApplication } from '@nestjs/common';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { IdentityProviderEntity } from '@federation/core-data';
import { serveDsfrAssets } from '@federation/dsfr-pages';
import {
  FEDERATION_RECORDS,
  OneTimeStore,
  oneTimeStoreProvider,
  SecretBox,
} from '@federation/oidc';
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
          FI_LOGOUT_STATES,
          {
            kind: 'gw:logout-state',
            ttlSeconds: 10 * 60,
          },
          options.redisPrefix,
        ),
        oneTimeStoreProvider(
          AUTHORIZATION_STATES,
          {
            kind: 'gw:authorization-state',
            ttlSeconds: 15 * 60,
          },
          options.redisPrefix,
        ),
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
