/** The identity claims the federation can release to a service provider, in display order. */
export const IDENTITY_CLAIMS = [
  'given_name',
  'family_name',
  'birthdate',
  'gender',
  'birthplace',
  'birthcountry',
  'preferred_username',
  'email',
] as const;

export type IdentityClaim = (typeof IDENTITY_CLAIMS)[number];

/** French labels shown on the consent page. */
export const CLAIM_LABELS: Record<IdentityClaim, string> = {
  given_name: 'Prénom(s)',
  family_name: 'Nom de naissance',
  birthdate: 'Date de naissance',
  gender: 'Sexe',
  birthplace: 'Lieu de naissance',
  birthcountry: 'Pays de naissance',
  preferred_username: 'Nom d’usage',
  email: 'Adresse électronique',
};

const singleClaimScopes = Object.fromEntries(
  IDENTITY_CLAIMS.map((claim) => [claim, [claim]]),
) as Record<IdentityClaim, IdentityClaim[]>;

/**
 * The scope → claims catalogue, in the form oidc-provider's `claims` option expects.
 * Frozen: it is the contract with every service provider, nobody patches it at run time.
 */
export const SCOPE_CLAIMS: Record<string, IdentityClaim[]> = deepFreeze({
  // `openid` alone releases only `sub` (see oidcProviderClaimsConfig).
  openid: [],
  ...singleClaimScopes,
  identite_pivot: [
    'given_name',
    'family_name',
    'birthdate',
    'gender',
    'birthplace',
    'birthcountry',
  ],
  profile: [
    'given_name',
    'family_name',
    'birthdate',
    'gender',
    'preferred_username',
  ],
  birth: ['birthplace', 'birthcountry'],
});

/** Every scope a service provider may request (`openid` first). */
export const SUPPORTED_SCOPES: string[] = [
  ...new Set(['openid', ...Object.keys(SCOPE_CLAIMS)]),
];

/**
 * The claims released for a set of scopes: their union, in catalogue order; unknown scopes are ignored.
 * A space-separated scope string (`'openid profile'`) is accepted too.
 */
export function claimsForScopes(scopes: Iterable<string>): IdentityClaim[] {
  // A string is itself an Iterable<string> (of characters): split it rather than misread it.
  const requested = typeof scopes === 'string' ? scopes.split(/\s+/) : scopes;
  const released = new Set<IdentityClaim>();
  for (const scope of requested) {
    // Own keys only: 'constructor' or '__proto__' are not scopes.
    if (!Object.hasOwn(SCOPE_CLAIMS, scope)) continue;
    for (const claim of SCOPE_CLAIMS[scope] ?? []) released.add(claim);
  }
  return IDENTITY_CLAIMS.filter((claim) => released.has(claim));
}

/** The `claims` option of oidc-provider: `openid` releases `sub`, every other scope its claims. Fresh copies. */
export function oidcProviderClaimsConfig(): Record<string, string[]> {
  const config: Record<string, string[]> = { openid: ['sub'] };
  for (const [scope, claims] of Object.entries(SCOPE_CLAIMS)) {
    if (scope !== 'openid') config[scope] = [...claims];
  }
  return config;
}

function deepFreeze<T extends Record<string, readonly unknown[]>>(
  catalogue: T,
): T {
  for (const claims of Object.values(catalogue)) Object.freeze(claims);
  return Object.freeze(catalogue);
}
