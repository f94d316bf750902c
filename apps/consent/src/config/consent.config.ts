import {
  booleanFlag,
  databaseSection,
  httpUrl,
  jsonText,
  redisSection,
  secret,
  serviceSection,
  z,
} from '@federation/config';

/** Every variable consent reads, validated at boot (see README, "Configuration"). */
export const consentConfigSchema = serviceSection(4200)
  .merge(databaseSection)
  .merge(redisSection)
  .extend({
    /** Public URL of the consent service: `iss` of checktoken answers, base of the dashboard. */
    CONSENT_PUBLIC_URL: httpUrl().default('http://localhost:4200'),
    /** Private JWKS with the ES256 key signing checktoken answers. */
    CONSENT_SIGNING_JWKS: jsonText(),
    /** Secret of the data-provider-specific `sub`s. */
    CONSENT_SUBJECT_SECRET: secret(),
    /** Bearer token the core presents on /internal (the same value in the core's configuration). */
    CONSENT_INTERNAL_TOKEN: secret(),
    /** Prefix of the core's Redis keys (its token store, read by checktoken); default REDIS_PREFIX. */
    CORE_REDIS_PREFIX: z.string().optional(),
    CORE_ISSUER: httpUrl().default('http://localhost:4000/api/v2'),
    DASHBOARD_CLIENT_ID: z.string().min(1).default('tableau-de-bord'),
    DASHBOARD_CLIENT_SECRET: secret(),
    DASHBOARD_COOKIE_SECRET: secret(),
    /** Set the dashboard cookie `Secure` (behind HTTPS); default: when CONSENT_PUBLIC_URL is https. */
    DASHBOARD_SECURE_COOKIES: booleanFlag(false),
    /**
     * Processes serving on the port (node:cluster). checktoken is CPU-bound and one Node process
     * uses one core: on a host with several cores, more workers serve more checks. 1: no cluster.
     * With several, /metrics shows the figures of the worker that answers the scrape.
     */
    CONSENT_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
    REGISTRY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  });

export type ConsentConfig = z.output<typeof consentConfigSchema>;
