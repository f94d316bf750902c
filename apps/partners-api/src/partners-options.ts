import { DEFAULT_RATE_LIMITS, type PartnersOptions } from '@federation/partners';
import { FixtureEstablishmentDirectory, RechercheEntreprisesDirectory } from '@federation/siret';
import type { PartnersApiConfig } from './config/partners-api.config';

/** Configuration → the options of the partners feature. */
export function partnersOptionsFrom(config: PartnersApiConfig): PartnersOptions {
  const secureCookie = config.SESSION_COOKIE_SECURE === undefined ? config.NODE_ENV === 'production' : ['true', '1'].includes(config.SESSION_COOKIE_SECURE);
  const hour = 3600;
  return {
    portalUrl: config.PORTAL_URL,
    supportEmail: config.SUPPORT_EMAIL,
    secretsEncryptionKey: config.SECRETS_ENCRYPTION_KEY,
    session: {
      cookieName: config.SESSION_COOKIE_NAME,
      secureCookie,
      idleTtlSeconds: config.SESSION_IDLE_TTL_SECONDS,
      absoluteTtlSeconds: config.SESSION_ABSOLUTE_TTL_SECONDS,
    },
    rateLimits: {
      loginPerAccount: { limit: config.RATE_LIMIT_LOGIN_PER_ACCOUNT, windowSeconds: DEFAULT_RATE_LIMITS.loginPerAccount.windowSeconds },
      loginPerIp: { limit: config.RATE_LIMIT_LOGIN_PER_IP, windowSeconds: DEFAULT_RATE_LIMITS.loginPerIp.windowSeconds },
      signupPerIp: { limit: config.RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: hour },
      passwordResetPerAccount: { limit: config.RATE_LIMIT_RESET_PER_ACCOUNT, windowSeconds: hour },
      passwordResetPerIp: { limit: config.RATE_LIMIT_RESET_PER_IP, windowSeconds: hour },
      codePerAccount: { limit: config.RATE_LIMIT_CODE_PER_ACCOUNT, windowSeconds: DEFAULT_RATE_LIMITS.codePerAccount.windowSeconds },
      siretLookupPerIp: { limit: config.RATE_LIMIT_SIRET_LOOKUP_PER_IP, windowSeconds: 60 },
      clientSecretPerClient: DEFAULT_RATE_LIMITS.clientSecretPerClient,
    },
    scryptLogN: config.PASSWORD_SCRYPT_LOG_N,
    directory:
      config.SIRET_DIRECTORY === 'fixture' ? new FixtureEstablishmentDirectory() : new RechercheEntreprisesDirectory(config.RECHERCHE_ENTREPRISES_URL),
    redisPrefix: config.REDIS_PREFIX,
    secretRotationOverlapMs: config.CLIENT_SECRET_OVERLAP_HOURS * hour * 1000,
  };
}
