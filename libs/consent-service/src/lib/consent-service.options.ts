import type { JWK } from 'jose';

/** What the consent service needs, from the consent app's validated configuration. */
export interface ConsentServiceOptions {
  /** Public base URL, e.g. http://localhost:4200: `iss` of checktoken answers. */
  publicUrl: string;
  /** Private JWKS with the ES256 key checktoken answers are signed with. */
  signingJwks: { keys: JWK[] };
  /** Secret of the data-provider-specific `sub`s. */
  subjectSecret: string;
  /** Bearer token the core presents on /internal. */
  internalToken: string;
  /** Prefix of the consent service's own Redis keys. */
  redisPrefix: string;
  /** Prefix of the core's keys (its token store), read-only. */
  coreRedisPrefix: string;
  /** How long the data provider registry is cached (ms). */
  registryCacheTtlMs: number;
}

export const CONSENT_SERVICE_OPTIONS = Symbol('CONSENT_SERVICE_OPTIONS');
