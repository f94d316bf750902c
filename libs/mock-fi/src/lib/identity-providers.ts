import { EIDAS_LEVELS, type EidasLevel } from '@federation/identity';

export interface MockIdentityProviderDefinition {
  /** Path segment of the issuer: `${MOCK_FI_PUBLIC_URL}/<slug>`. */
  slug: string;
  /** Name shown to citizens. */
  name: string;
  /** Levels this FI can assert, lowest first. */
  acrValues: readonly EidasLevel[];
  /** Signature of the ID tokens issued to the gateway (both algorithms are exercised). */
  idTokenSigningAlg: 'ES256' | 'RS256';
  /**
   * Which service providers may use it: sandbox clients see only the test FIs, production clients
   * only the production ones (one production FI is mocked so that production clients work in the demo).
   */
  environment: 'sandbox' | 'production';
}

export const MOCK_IDENTITY_PROVIDERS: readonly MockIdentityProviderDefinition[] =
  [
    {
      slug: 'impots',
      name: 'Impots.gouv (démo)',
      acrValues: ['eidas1'],
      idTokenSigningAlg: 'ES256',
      environment: 'sandbox',
    },
    {
      slug: 'ameli',
      name: 'Ameli (démo)',
      acrValues: ['eidas1', 'eidas2'],
      idTokenSigningAlg: 'RS256',
      environment: 'sandbox',
    },
    {
      slug: 'identite-numerique',
      name: 'L’Identité Numérique La Poste (démo)',
      acrValues: ['eidas1', 'eidas2', 'eidas3'],
      idTokenSigningAlg: 'ES256',
      environment: 'sandbox',
    },
    {
      slug: 'identite-production',
      name: 'Identité de production (démo)',
      acrValues: ['eidas1', 'eidas2'],
      idTokenSigningAlg: 'RS256',
      environment: 'production',
    },
  ];

export interface MockIdentityProviderUrls {
  issuer: string;
  discovery: string;
  /** Where the FI sends the authorization response: the gateway's callback for this FI. */
  redirectUri: string;
  /** Where the FI sends the citizen after an RP-initiated logout. */
  postLogoutRedirectUri: string;
}

export function mockIdentityProviderUrls(
  slug: string,
  publicUrl: string,
  gatewayUrl: string,
): MockIdentityProviderUrls {
  const issuer = `${publicUrl}/${slug}`;
  return {
    issuer,
    discovery: `${issuer}/.well-known/openid-configuration`,
    redirectUri: `${gatewayUrl}/fi/${slug}/callback`,
    postLogoutRedirectUri: `${gatewayUrl}/fi/${slug}/logout/callback`,
  };
}

/**
 * The level pre-selected on the login page: the highest requested level this FI supports,
 * else the FI's highest level.
 */
export function preselectedAcr(
  supported: readonly EidasLevel[],
  requestedAcrValues: string | undefined,
): EidasLevel {
  const requested = new Set(
    (requestedAcrValues ?? '').split(' ').filter(Boolean),
  );
  const candidates = supported.filter((level) => requested.has(level));
  const pool = candidates.length > 0 ? candidates : supported;
  return [...pool].sort(
    (a, b) => EIDAS_LEVELS.indexOf(b) - EIDAS_LEVELS.indexOf(a),
  )[0] as EidasLevel;
}
