import { ClientEntity, IdentityProviderEntity } from '@federation/core-data';
import {
  MOCK_IDENTITY_PROVIDERS,
  mockIdentityProviderUrls,
} from '@federation/mock-fi';
import { hashClientSecret, SecretBox } from '@federation/oidc';
import type { DataSource } from 'typeorm';

export interface DemoRegistryInput {
  secretsEncryptionKey: string;
  mockFiPublicUrl: string;
  gatewayPublicUrl: string;
  mockFiClientId: string;
  mockFiClientSecret: string;
  mockFsPublicUrl: string;
  demoClients: {
    clientId: string;
    clientSecret: string;
    name: string;
    path: string;
    /** Data provider scopes this demo service was granted (an « API FranceConnectée » habilitation). */
    dataScopes?: string[];
  }[];
  /** The citizen's dashboard (consent service): a client of the core in its own sector. */
  dashboard: {
    clientId: string;
    clientSecret: string;
    entityId: string;
    publicUrl: string;
  };
}

/** oidc-provider's default routes, as the mock identity providers use them. */
const OIDC_PROVIDER_ROUTES = {
  authorization: '/auth',
  token: '/token',
  userinfo: '/me',
  jwks: '/jwks',
  endSession: '/session/end',
};

/**
 * The demo data of the core's registries: the mock identity providers (sandbox) and the demo
 * service providers. Idempotent: running it again updates the rows to the given configuration.
 */
export async function seedDemoRegistry(
  dataSource: DataSource,
  input: DemoRegistryInput,
): Promise<{ identityProviders: number; clients: number }> {
  const secrets = new SecretBox(input.secretsEncryptionKey);
  const identityProviders = MOCK_IDENTITY_PROVIDERS.map((fi, index) => {
    const { issuer } = mockIdentityProviderUrls(
      fi.slug,
      input.mockFiPublicUrl,
      input.gatewayPublicUrl,
    );
    return dataSource.getRepository(IdentityProviderEntity).create({
      slug: fi.slug,
      name: fi.name,
      issuer,
      authorizationUrl: `${issuer}${OIDC_PROVIDER_ROUTES.authorization}`,
      tokenUrl: `${issuer}${OIDC_PROVIDER_ROUTES.token}`,
      userinfoUrl: `${issuer}${OIDC_PROVIDER_ROUTES.userinfo}`,
      jwksUrl: `${issuer}${OIDC_PROVIDER_ROUTES.jwks}`,
      endSessionUrl: `${issuer}${OIDC_PROVIDER_ROUTES.endSession}`,
      clientId: input.mockFiClientId,
      clientSecretSealed: secrets.seal(
        input.mockFiClientSecret,
        `fi:${fi.slug}`,
      ),
      eidasLevels: [...fi.acrValues],
      environment: fi.environment,
      active: true,
      displayOrder: index,
    });
  });
  await dataSource
    .getRepository(IdentityProviderEntity)
    .save(identityProviders);

  const clients = input.demoClients.map((demo) =>
    dataSource.getRepository(ClientEntity).create({
      clientId: demo.clientId,
      secretHashes: [{ sha256: hashClientSecret(demo.clientSecret), notAfter: null }],
      name: demo.name,
      // Two demo services, two FS entities: the citizen gets a different `sub` at each.
      entityId: `demo:${demo.clientId}`,
      redirectUris: [`${input.mockFsPublicUrl}${demo.path}/login-callback`],
      postLogoutRedirectUris: [
        `${input.mockFsPublicUrl}${demo.path}/logout-callback`,
      ],
      scopes: [
        'openid',
        'given_name',
        'family_name',
        'birthdate',
        'gender',
        'birthplace',
        'birthcountry',
        'email',
        'preferred_username',
        'identite_pivot',
        'profile',
        'birth',
        ...(demo.dataScopes ?? []),
      ],
      maxEidasLevel: 'eidas3',
      tokenEndpointAuthMethod: 'client_secret_basic',
      idTokenSignedResponseAlg: 'ES256',
      userinfoSignedResponseAlg: null,
      jwksUri: null,
      identityProviderPolicy: 'deny',
      identityProviderSlugs: [],
      environment: 'sandbox',
      active: true,
    }),
  );
  clients.push(
    dataSource.getRepository(ClientEntity).create({
      clientId: input.dashboard.clientId,
      secretHashes: [{ sha256: hashClientSecret(input.dashboard.clientSecret), notAfter: null }],
      name: 'Tableau de bord usager',
      // The consent service keys the citizen's records by their `sub` in this sector.
      entityId: input.dashboard.entityId,
      redirectUris: [`${input.dashboard.publicUrl}/connexion/retour`],
      postLogoutRedirectUris: [`${input.dashboard.publicUrl}/`],
      scopes: ['openid', 'given_name', 'family_name'],
      maxEidasLevel: 'eidas3',
      tokenEndpointAuthMethod: 'client_secret_basic',
      idTokenSignedResponseAlg: 'ES256',
      userinfoSignedResponseAlg: null,
      jwksUri: null,
      identityProviderPolicy: 'deny',
      identityProviderSlugs: [],
      environment: 'sandbox',
      active: true,
    }),
  );
  await dataSource.getRepository(ClientEntity).save(clients);
  return {
    identityProviders: identityProviders.length,
    clients: clients.length,
  };
}
