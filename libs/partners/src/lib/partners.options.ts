import type { EstablishmentDirectory } from '@federation/siret';

export interface RateLimit {
  /** How many attempts in the window. */
  limit: number;
  windowSeconds: number;
}

/** Every rate-limited action, each counted per IP address and per target (e-mail, account). */
export interface RateLimits {
  loginPerAccount: RateLimit;
  loginPerIp: RateLimit;
  signupPerIp: RateLimit;
  passwordResetPerAccount: RateLimit;
  passwordResetPerIp: RateLimit;
  codePerAccount: RateLimit;
  siretLookupPerIp: RateLimit;
  /** Secrets issued (first secret or rotation), per service provider's client. */
  clientSecretPerClient: RateLimit;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  loginPerIp: { limit: 100, windowSeconds: 15 * 60 },
  signupPerIp: { limit: 20, windowSeconds: 60 * 60 },
  passwordResetPerAccount: { limit: 5, windowSeconds: 60 * 60 },
  passwordResetPerIp: { limit: 30, windowSeconds: 60 * 60 },
  codePerAccount: { limit: 5, windowSeconds: 15 * 60 },
  siretLookupPerIp: { limit: 120, windowSeconds: 60 },
  clientSecretPerClient: { limit: 10, windowSeconds: 60 * 60 },
};

/** How long a rotated client secret keeps working next to the new one, by default (7 days). */
export const DEFAULT_SECRET_ROTATION_OVERLAP_MS = 7 * 24 * 3600 * 1000;

/** What the partners feature needs from its host app (see apps/partners-api/src/config). */
export interface PartnersOptions {
  /** Public URL of the Espace Partenaire: links in e-mails. */
  portalUrl: string;
  /** Shown to users whose membership waits for moderation. */
  supportEmail: string;
  /** base64 32-byte key sealing TOTP secrets (AES-256-GCM). */
  secretsEncryptionKey: string;
  session: {
    cookieName: string;
    /** `Secure` attribute: on in production (HTTPS), off on http://localhost. */
    secureCookie: boolean;
    /** Idle lifetime; every authenticated call extends it. */
    idleTtlSeconds: number;
    /** Absolute lifetime from login. */
    absoluteTtlSeconds: number;
  };
  rateLimits: RateLimits;
  /** log2 of scrypt's N (cost). 15 in production; lower only in benchmarks. */
  scryptLogN: number;
  directory: EstablishmentDirectory;
  /** Redis key prefix of the service (sessions, tokens, rate limits). */
  redisPrefix: string;
  /** After a rotation, the previous client secret keeps working this long next to the new one. */
  secretRotationOverlapMs: number;
}

export const PARTNERS_OPTIONS = Symbol('PARTNERS_OPTIONS');
