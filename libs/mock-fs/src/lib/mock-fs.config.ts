import { httpUrl, secret, z } from '@federation/config';
import { MOCK_SERVICES, type MockServiceId } from './mock-services';

/** Development value only: documented in the README, replaced in any shared environment. */
export const DEV_MOCK_FS_COOKIE_SECRET = 'dev-only-mock-fs-cookie-secret-0123456789abcdef';

export const DEFAULT_MOCK_FS_SCOPE = 'openid identite_pivot email preferred_username';

/** What « Récupérer mes données » asks for: a little identity, and the DGFiP data scopes. */
export const DEFAULT_MOCK_FS_DATA_SCOPES = 'openid given_name family_name dgfip_rfr dgfip_nbpart';

/** The data provider's endpoint the demo services call with the access token (on MOCK_FD_PUBLIC_URL). */
export const MOCK_FD_DATA_ENDPOINT = '/dgfip/revenu-fiscal-de-reference';

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

/** The demo services are mounted at `/` and `/autre-service` of the server itself: an origin, no path. */
const publicOrigin = () =>
  httpUrl().refine((value) => {
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash;
  }, 'must be an origin without path, query or fragment (e.g. http://localhost:4500)');

const clientId = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must contain only letters, digits, ".", ":", "-" and "_"')
    .default(fallback);

const scope = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.trim().split(/\s+/).join(' '))
    .refine((value) => /^[a-z_]+( [a-z_]+)*$/.test(value), 'must be scopes separated by spaces (e.g. "openid identite_pivot email")')
    .refine((value) => value.split(' ').includes('openid'), 'must contain "openid"');

/** The variables of the demo service providers (see README, "Configuration"). */
export const mockFsConfigSection = z.object({
  /** Issuer of the core; discovery at `${CORE_ISSUER}/.well-known/openid-configuration`. */
  CORE_ISSUER: httpUrl().default('http://localhost:4000/api/v2'),
  /** Public origin of this service: the redirect URIs registered at the core derive from it. */
  MOCK_FS_PUBLIC_URL: publicOrigin().default('http://localhost:4500').transform(withoutTrailingSlash),
  MOCK_FS_SCOPE: scope(DEFAULT_MOCK_FS_SCOPE),
  /** Scopes of « Récupérer mes données », data provider scopes included. */
  MOCK_FS_DATA_SCOPES: scope(DEFAULT_MOCK_FS_DATA_SCOPES),
  /** Public URL of the mock data provider, called with the access token. */
  MOCK_FD_PUBLIC_URL: httpUrl().default('http://localhost:4600').transform(withoutTrailingSlash),
  /** Encrypts the session cookies (AES-256-GCM, key derived with HKDF). */
  MOCK_FS_COOKIE_SECRET: secret().default(DEV_MOCK_FS_COOKIE_SECRET),
  /** Service A (`/`): its client at the core. */
  MOCK_FS_CLIENT_ID: clientId('demo-service-a'),
  MOCK_FS_CLIENT_SECRET: secret(),
  /** Service B (`/autre-service`): its client at the core. */
  MOCK_FS2_CLIENT_ID: clientId('demo-service-b'),
  MOCK_FS2_CLIENT_SECRET: secret(),
});

export type MockFsConfig = z.output<typeof mockFsConfigSection>;

export interface MockServiceClient {
  clientId: string;
  clientSecret: string;
}

/** What the demo services need, whatever the configuration source. */
export interface MockFsOptions {
  /** Issuer of the core, e.g. http://localhost:4000/api/v2. */
  issuer: string;
  /** Public origin of the mock, e.g. http://localhost:4500. */
  publicUrl: string;
  /** Scopes requested by both services, space-separated. */
  scope: string;
  /** Scopes of « Récupérer mes données », space-separated. */
  dataScope: string;
  /** URL of the data provider's endpoint called with the access token. */
  dataProviderEndpoint: string;
  cookieSecret: string;
  clients: Record<MockServiceId, MockServiceClient>;
  /** Timeout of each call to the core, in seconds (default 10). */
  timeoutSeconds?: number;
}

export function mockFsOptionsFromConfig(config: MockFsConfig): MockFsOptions {
  const clients = Object.fromEntries(
    MOCK_SERVICES.map((service) => [
      service.id,
      { clientId: config[service.config.clientId], clientSecret: config[service.config.clientSecret] },
    ]),
  ) as Record<MockServiceId, MockServiceClient>;
  return {
    issuer: config.CORE_ISSUER,
    publicUrl: config.MOCK_FS_PUBLIC_URL,
    scope: config.MOCK_FS_SCOPE,
    dataScope: config.MOCK_FS_DATA_SCOPES,
    dataProviderEndpoint: `${config.MOCK_FD_PUBLIC_URL}${MOCK_FD_DATA_ENDPOINT}`,
    cookieSecret: config.MOCK_FS_COOKIE_SECRET,
    clients,
  };
}
