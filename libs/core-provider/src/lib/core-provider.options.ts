import type { PrivateJwks } from '@federation/oidc';
import type { ConsentServiceLink } from './consent/consent-client';

/** Everything the core's OpenID provider needs, from the core app's validated configuration. */
export interface CoreProviderOptions {
  /** Public base URL of the core, e.g. http://localhost:4000 (issuer = this + /api/v2). */
  publicUrl: string;
  /** Public base URL of the FI gateway (browser redirects). */
  gatewayPublicUrl: string;
  signingJwks: PrivateJwks;
  cookieKeys: string[];
  /** Secret of identity keys and pairwise `sub`s. */
  identityHashSecret: string;
  redisPrefix: string;
  sessionTtlSeconds: number;
  /** How long a client or FI registry row is cached (ms): bounds how fast a revocation applies. */
  registryCacheTtlMs: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-* headers. */
  trustProxy: boolean;
  /**
   * oidc-provider refuses to fetch clients' jwks_uri on private or loopback addresses (SSRF
   * protection). Only a test or development stack whose relying parties run locally turns it off.
   */
  allowPrivateNetworkFetch: boolean;
  /**
   * The consent service (consents to data provider scopes, connection history, identity providers
   * a citizen blocked). Absent: no data provider scopes, nothing recorded.
   */
  consent?: ConsentServiceLink;
}

export const CORE_PROVIDER_OPTIONS = Symbol('CORE_PROVIDER_OPTIONS');
export const OIDC_MOUNT_PATH = '/api/v2';
export const SERVICE_NAME = 'Fédération d’identité';
