import {
  CLAIM_LABELS,
  claimsForScopes,
  IDENTITY_CLAIMS,
  oidcProviderClaimsConfig,
  SCOPE_CLAIMS,
  SUPPORTED_SCOPES,
} from './claims';

describe('claimsForScopes', () => {
  it('releases the six pivot claims for identite_pivot', () => {
    // Given a provider asking for the pivot identity
    // When the released claims are computed
    const claims = claimsForScopes(['openid', 'identite_pivot']);

    // Then the six pivot claims come out, nothing else
    expect(claims).toEqual([
      'given_name',
      'family_name',
      'birthdate',
      'gender',
      'birthplace',
      'birthcountry',
    ]);
  });

  it('releases names, birth date, gender and usage name for profile', () => {
    expect(claimsForScopes(['openid', 'profile'])).toEqual([
      'given_name',
      'family_name',
      'birthdate',
      'gender',
      'preferred_username',
    ]);
  });

  it('releases birthplace and birthcountry for birth', () => {
    expect(claimsForScopes(['openid', 'birth'])).toEqual([
      'birthplace',
      'birthcountry',
    ]);
  });

  it('releases only sub (no identity claim) for openid alone', () => {
    expect(claimsForScopes(['openid'])).toEqual([]);
  });

  it('merges overlapping scopes once each, in catalogue order', () => {
    // Given scopes that overlap, requested in a scrambled order
    const scopes = ['email', 'birth', 'given_name', 'profile', 'openid'];

    // When the released claims are computed
    const claims = claimsForScopes(scopes);

    // Then each claim appears once, in the order of IDENTITY_CLAIMS
    expect(claims).toEqual([
      'given_name',
      'family_name',
      'birthdate',
      'gender',
      'birthplace',
      'birthcountry',
      'preferred_username',
      'email',
    ]);
  });

  it('ignores unknown scopes, including names of object properties', () => {
    expect(
      claimsForScopes([
        'openid',
        'phone',
        'constructor',
        '__proto__',
        'toString',
        'email',
      ]),
    ).toEqual(['email']);
  });

  it('reads a space-separated scope string as a list of scopes', () => {
    expect(claimsForScopes('openid  birth email')).toEqual([
      'birthplace',
      'birthcountry',
      'email',
    ]);
  });

  it('accepts any iterable, such as a Set', () => {
    expect(claimsForScopes(new Set(['gender']))).toEqual(['gender']);
  });
});

describe('the scope catalogue', () => {
  it('has one scope per identity claim releasing that claim alone', () => {
    for (const claim of IDENTITY_CLAIMS)
      expect(SCOPE_CLAIMS[claim]).toEqual([claim]);
  });

  it('lists openid first, then every scope of the catalogue, once', () => {
    expect(SUPPORTED_SCOPES[0]).toBe('openid');
    expect(new Set(SUPPORTED_SCOPES).size).toBe(SUPPORTED_SCOPES.length);
    expect([...SUPPORTED_SCOPES].sort()).toEqual(
      Object.keys(SCOPE_CLAIMS).sort(),
    );
    expect(SUPPORTED_SCOPES).toEqual(
      expect.arrayContaining(['identite_pivot', 'profile', 'birth', 'email']),
    );
  });

  it('cannot be changed at run time', () => {
    expect(() => (SCOPE_CLAIMS['profile'] as string[]).push('email')).toThrow(
      TypeError,
    );
    expect(claimsForScopes(['profile'])).not.toContain('email');
  });

  it('labels every claim in French', () => {
    expect(CLAIM_LABELS).toMatchObject({
      given_name: 'Prénom(s)',
      family_name: 'Nom de naissance',
      preferred_username: 'Nom d’usage',
      birthdate: 'Date de naissance',
      gender: 'Sexe',
      birthplace: 'Lieu de naissance',
      birthcountry: 'Pays de naissance',
      email: 'Adresse électronique',
    });
  });
});

describe('oidcProviderClaimsConfig', () => {
  it('maps openid to sub and every other scope to its claims', () => {
    // When the oidc-provider `claims` option is built
    const config = oidcProviderClaimsConfig();

    // Then openid releases sub and the grouped scopes their claims
    expect(config['openid']).toEqual(['sub']);
    expect(config['birth']).toEqual(['birthplace', 'birthcountry']);
    expect(Object.keys(config)).toEqual(SUPPORTED_SCOPES);
  });

  it('hands out copies that oidc-provider may modify without touching the catalogue', () => {
    const config = oidcProviderClaimsConfig();
    config['profile']?.push('sub');
    expect(SCOPE_CLAIMS['profile']).not.toContain('sub');
  });
});
