import { httpUrl, secret, z } from '@federation/config';
import type { JWK } from 'jose';
import type { DataProviderClientId } from './data-providers';

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

/** A private EC P-256 key in JWK form (JSON in one variable), with the kid the consent service knows it by. */
export const privateEcJwk = () =>
  z.string().transform((value, context): JWK => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON Web Key (valid JSON)' });
      return z.NEVER;
    }
    const key = parsed as Record<string, unknown>;
    const isString = (name: string) => typeof key[name] === 'string' && (key[name] as string).length > 0;
    if (typeof parsed !== 'object' || parsed === null || key['kty'] !== 'EC' || key['crv'] !== 'P-256') {
      context.addIssue({ code: 'custom', message: 'must be an EC P-256 JSON Web Key ("kty":"EC","crv":"P-256")' });
      return z.NEVER;
    }
    if (!isString('x') || !isString('y') || !isString('d')) {
      context.addIssue({ code: 'custom', message: 'must be a private key (with "x", "y" and "d")' });
      return z.NEVER;
    }
    if (!isString('kid')) {
      context.addIssue({ code: 'custom', message: 'must have a "kid" (the key id registered at the consent service)' });
      return z.NEVER;
    }
    return parsed as JWK;
  });

/** The variables of the demo data providers (see README, "Configuration"). */
export const mockFdConfigSection = z.object({
  /** Public URL of the consent service: `/api/checktoken` and `/api/jwks` live under it. */
  CONSENT_PUBLIC_URL: httpUrl().default('http://localhost:4200').transform(withoutTrailingSlash),
  /** fd-dgfip authenticates with HTTP Basic (client_secret_basic). */
  MOCK_FD_DGFIP_CLIENT_SECRET: secret(),
  /** fd-cnaf authenticates with a JWT signed by this key (private_key_jwt, ES256). */
  MOCK_FD_CNAF_SIGNING_JWK: privateEcJwk(),
  /** fd-cnaf receives its answers encrypted to this key (ECDH-ES, A256GCM). */
  MOCK_FD_CNAF_ENCRYPTION_JWK: privateEcJwk(),
  /** fd-mesr authenticates with its secret in the body (client_secret_post). */
  MOCK_FD_MESR_CLIENT_SECRET: secret(),
});

export type MockFdConfig = z.output<typeof mockFdConfigSection>;

/** How one FD proves who it is to the consent service. */
export type DataProviderCredentials =
  | { method: 'client_secret_basic' | 'client_secret_post'; clientSecret: string }
  | { method: 'private_key_jwt'; signingKey: JWK };

export interface DataProviderClient {
  clientId: DataProviderClientId;
  credentials: DataProviderCredentials;
  /** Private key decrypting the consent service's answers; undefined when they are only signed. */
  decryptionKey?: JWK;
}

/** What the demo data providers need, whatever the configuration source. */
export interface MockFdOptions {
  /** Public URL of the consent service, e.g. http://localhost:4200. */
  consentUrl: string;
  clients: Record<DataProviderClientId, DataProviderClient>;
  /** Timeout of each call to the consent service, in seconds (default 5). */
  timeoutSeconds?: number;
  /** Minimum time between two fetches of the consent JWKS for an unknown kid, in seconds (default 30). */
  jwksCooldownSeconds?: number;
}

export function mockFdOptionsFromConfig(config: MockFdConfig): MockFdOptions {
  return {
    consentUrl: config.CONSENT_PUBLIC_URL,
    clients: {
      'fd-dgfip': {
        clientId: 'fd-dgfip',
        credentials: { method: 'client_secret_basic', clientSecret: config.MOCK_FD_DGFIP_CLIENT_SECRET },
      },
      'fd-cnaf': {
        clientId: 'fd-cnaf',
        credentials: { method: 'private_key_jwt', signingKey: config.MOCK_FD_CNAF_SIGNING_JWK },
        decryptionKey: config.MOCK_FD_CNAF_ENCRYPTION_JWK,
      },
      'fd-mesr': {
        clientId: 'fd-mesr',
        credentials: { method: 'client_secret_post', clientSecret: config.MOCK_FD_MESR_CLIENT_SECRET },
      },
    },
  };
}
