import {
  base64Key32,
  booleanFlag,
  databaseSection,
  httpUrl,
  redisSection,
  serviceSection,
  z,
} from '@federation/config';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Every variable partners-api reads, validated at boot (see README, "Configuration"). */
export const partnersApiConfigSchema = serviceSection(4300)
  .merge(databaseSection)
  .merge(redisSection)
  .extend({
    /** Public URL of the Espace Partenaire (links in e-mails). */
    PORTAL_URL: httpUrl().default('http://localhost:3000'),
    SUPPORT_EMAIL: z.email().default('support.partenaires@federation.localhost'),
    /** Seals TOTP secrets at rest (AES-256-GCM). */
    SECRETS_ENCRYPTION_KEY: base64Key32(),
    SESSION_COOKIE_NAME: z.string().regex(/^[A-Za-z0-9_-]+$/).default('ep_session'),
    /** `Secure` cookie attribute; defaults to on when NODE_ENV=production. */
    SESSION_COOKIE_SECURE: z.enum(['true', 'false', '1', '0']).optional(),
    SESSION_IDLE_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(2 * 3600),
    SESSION_ABSOLUTE_TTL_SECONDS: z.coerce.number().int().min(300).max(7 * 86_400).default(12 * 3600),
    /** `fixture`: the offline establishments of libs/siret; `recherche-entreprises`: the public API. */
    SIRET_DIRECTORY: z.enum(['fixture', 'recherche-entreprises']).default('fixture'),
    RECHERCHE_ENTREPRISES_URL: httpUrl().default('https://recherche-entreprises.api.gouv.fr'),
    /** log2 of scrypt's cost parameter N. */
    PASSWORD_SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
    RATE_LIMIT_LOGIN_PER_ACCOUNT: positiveInt(10),
    RATE_LIMIT_LOGIN_PER_IP: positiveInt(100),
    RATE_LIMIT_SIGNUP_PER_IP: positiveInt(20),
    RATE_LIMIT_RESET_PER_ACCOUNT: positiveInt(5),
    RATE_LIMIT_RESET_PER_IP: positiveInt(30),
    RATE_LIMIT_CODE_PER_ACCOUNT: positiveInt(5),
    RATE_LIMIT_SIRET_LOOKUP_PER_IP: positiveInt(120),
    /** After a rotation, the previous client secret of a service provider keeps working this many hours (default: 7 days). */
    CLIENT_SECRET_OVERLAP_HOURS: z.coerce.number().int().min(0).max(90 * 24).default(168),
    /** Behind a reverse proxy: take the client IP from X-Forwarded-For. */
    TRUST_PROXY: booleanFlag(false),
  });

export type PartnersApiConfig = z.output<typeof partnersApiConfigSchema>;
