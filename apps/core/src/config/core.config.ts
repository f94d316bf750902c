import {
  booleanFlag,
  databaseSection,
  httpUrl,
  jsonText,
  redisSection,
  secret,
  secretList,
  serviceSection,
  z,
} from '@federation/config';

/** Every variable core reads, validated at boot (see README, "Configuration"). */
export const coreConfigSchema = serviceSection(4000)
  .merge(databaseSection)
  .merge(redisSection)
  .extend({
    /** Public URL of the core; the issuer is this URL + /api/v2. */
    CORE_PUBLIC_URL: httpUrl().default('http://localhost:4000'),
    FI_GATEWAY_PUBLIC_URL: httpUrl().default('http://localhost:4100'),
    /** Private JWKS (ES256 and RS256 keys) signing id_tokens and userinfo. */
    CORE_SIGNING_JWKS: jsonText(),
    CORE_COOKIE_KEYS: secretList(),
    IDENTITY_HASH_SECRET: secret(),
    CORE_SESSION_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(24 * 3600)
      .default(1800),
    REGISTRY_CACHE_TTL_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60_000)
      .default(2_000),
    TRUST_PROXY: booleanFlag(false),
    /** Development and tests only: let the core fetch jwks_uri on loopback/private addresses. */
    OIDC_FETCH_ALLOW_PRIVATE_NETWORK: booleanFlag(false),
    /**
     * The consent service's internal URL (consents to data provider scopes, connection history,
     * identity providers a citizen blocked). Unset: the core runs without it (no data scopes).
     */
    CONSENT_INTERNAL_URL: httpUrl().optional(),
    CONSENT_INTERNAL_TOKEN: secret().optional(),
    /** Public URL of the consent service (the citizen's dashboard), quoted on citizen pages. */
    CONSENT_PUBLIC_URL: httpUrl().default('http://localhost:4200'),
    /** entity_id of the dashboard's client at the core: the citizen key is the `sub` of that sector. */
    DASHBOARD_ENTITY_ID: z.string().min(1).default('federation:tableau-de-bord'),
  })
  .refine((config) => !config.CONSENT_INTERNAL_URL || config.CONSENT_INTERNAL_TOKEN, {
    message: 'CONSENT_INTERNAL_TOKEN is required with CONSENT_INTERNAL_URL',
    path: ['CONSENT_INTERNAL_TOKEN'],
  });

export type CoreConfig = z.output<typeof coreConfigSchema>;
