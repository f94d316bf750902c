import { httpUrl, secret, z } from '@federation/config';

/** What the citizen's dashboard needs, whatever the configuration source. */
export interface DashboardOptions {
  /** Public origin of the consent service, e.g. https://consent.example.gouv.fr (redirect URIs derive from it). */
  publicUrl: string;
  /** Issuer of the core, e.g. http://localhost:4000/api/v2 (discovery under `/.well-known`). */
  coreIssuer: string;
  /** The dashboard's client at the core: the `sub` it receives is the citizen key of the records. */
  clientId: string;
  clientSecret: string;
  /** Encrypts the session cookie (AES-256-GCM, key derived with HKDF); at least 32 characters. */
  cookieSecret: string;
  /** `Secure` session cookie: true whenever the service is served over HTTPS. */
  secureCookies: boolean;
}

/** Nest injection token of the validated options. */
export const DASHBOARD_OPTIONS = Symbol('DASHBOARD_OPTIONS');

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

/** The pages are mounted at the root of the service: the public URL is an origin, without a path. */
const publicOrigin = () =>
  httpUrl()
    .refine((value) => {
      const url = new URL(value);
      return url.pathname === '/' && !url.search && !url.hash;
    }, 'must be an origin without path, query or fragment (e.g. http://localhost:4200)')
    .transform(withoutTrailingSlash);

const dashboardOptionsSchema = z.object({
  publicUrl: publicOrigin(),
  coreIssuer: httpUrl().transform(withoutTrailingSlash),
  clientId: z
    .string()
    .regex(
      /^[A-Za-z0-9._:-]{1,128}$/,
      'must contain only letters, digits, ".", ":", "-" and "_"',
    ),
  clientSecret: z.string().min(1, 'must not be empty'),
  cookieSecret: secret(),
  secureCookies: z.boolean(),
});

/** Validates the options at boot: a wrong value stops the app with one line naming it. */
export function parseDashboardOptions(
  options: DashboardOptions,
): DashboardOptions {
  const parsed = dashboardOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `DashboardModule: option ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`,
  );
}

/** The URLs registered at the core for the dashboard's client. */
export function dashboardUrls(publicUrl: string) {
  return {
    home: `${publicUrl}/`,
    redirectUri: `${publicUrl}/connexion/retour`,
    postLogoutRedirectUri: `${publicUrl}/`,
  };
}
