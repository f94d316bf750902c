import { MOCK_IDENTITY_PROVIDERS, preselectedAcr } from './identity-providers';

describe('mock identity providers list', () => {
  it('offers Impots.gouv, Ameli and L’Identité Numérique with growing levels', () => {
    // Then the three FIs are there with their levels
    expect(
      MOCK_IDENTITY_PROVIDERS.map(({ slug, acrValues }) => [
        slug,
        acrValues.join(' '),
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['impots', 'eidas1'],
        ['ameli', 'eidas1 eidas2'],
        ['identite-numerique', 'eidas1 eidas2 eidas3'],
      ]),
    );
  });

  it('has test FIs for sandbox clients and a production one for production clients', () => {
    expect(MOCK_IDENTITY_PROVIDERS.filter((fi) => fi.environment === 'sandbox').map((fi) => fi.slug)).toEqual(['impots', 'ameli', 'identite-numerique']);
    expect(MOCK_IDENTITY_PROVIDERS.filter((fi) => fi.environment === 'production').map((fi) => fi.slug)).toEqual(['identite-production']);
  });

  it('signs ID tokens with both ES256 and RS256 across the FIs', () => {
    expect(
      new Set(MOCK_IDENTITY_PROVIDERS.map((fi) => fi.idTokenSigningAlg)),
    ).toEqual(new Set(['ES256', 'RS256']));
  });
});

describe('level pre-selected on the login page', () => {
  it('is the highest requested level the FI supports', () => {
    expect(
      preselectedAcr(['eidas1', 'eidas2', 'eidas3'], 'eidas1 eidas2'),
    ).toBe('eidas2');
  });

  it('is the FI’s highest level when no requested level is supported', () => {
    expect(preselectedAcr(['eidas1', 'eidas2'], 'eidas3')).toBe('eidas2');
  });

  it('is the FI’s highest level when no level is requested', () => {
    expect(preselectedAcr(['eidas1', 'eidas2', 'eidas3'], undefined)).toBe(
      'eidas3',
    );
  });
});
