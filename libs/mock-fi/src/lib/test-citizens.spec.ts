import { readFileSync } from 'node:fs';
import {
  FRANCE_COUNTRY_CODE,
  validatePivotIdentity,
} from '@federation/identity';
import {
  TEST_CITIZENS,
  findTestCitizen,
  subjectFor,
  userinfoClaimsOf,
} from './test-citizens';

interface Commune {
  code: string;
  nom: string;
  type:
    | 'commune-actuelle'
    | 'commune-deleguee'
    | 'commune-associee'
    | 'arrondissement-municipal';
  anciensCodes?: string[];
}

/** The official list of communes, with their historical codes (the referential used downstream). */
const communes = JSON.parse(
  readFileSync(
    require.resolve('@etalab/decoupage-administratif/data/communes.json'),
    'utf8',
  ),
) as Commune[];
const knownCodes = new Set(communes.map((commune) => commune.code));
const citizen = (login: string) => {
  const found = findTestCitizen(login);
  if (!found) throw new Error(`no test citizen ${login}`);
  return found;
};

describe('test citizens', () => {
  it('offers at least ten citizens with distinct logins', () => {
    // Given the list, Then it is long enough and every login is unique
    expect(TEST_CITIZENS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(TEST_CITIZENS.map(({ login }) => login)).size).toBe(
      TEST_CITIZENS.length,
    );
  });

  it('gives every citizen born in France a real INSEE code, except lieu-invalide', () => {
    // Given the citizens born in France, other than the invalid case
    const bornInFrance = TEST_CITIZENS.filter(
      ({ login, claims }) =>
        claims.birthcountry === FRANCE_COUNTRY_CODE &&
        login !== 'lieu-invalide',
    );

    // Then their birthplace is in the official list
    const unknown = bornInFrance.filter(
      ({ claims }) => !knownCodes.has(claims.birthplace ?? ''),
    );
    expect(
      unknown.map(({ login, claims }) => `${login}: ${claims.birthplace}`),
    ).toEqual([]);
  });

  it('gives lieu-invalide a birthplace that is no INSEE code', () => {
    // Given the invalid case, Then it is born in France at an unknown code
    const { claims } = citizen('lieu-invalide');
    expect(claims.birthcountry).toBe(FRANCE_COUNTRY_CODE);
    expect(knownCodes.has(claims.birthplace ?? '')).toBe(false);
  });

  it('gives citizens born abroad a foreign country and no birthplace', () => {
    // Given the citizens born abroad
    const bornAbroad = TEST_CITIZENS.filter(
      ({ claims }) => claims.birthcountry !== FRANCE_COUNTRY_CODE,
    );

    // Then there are some, each with a COG country code and no commune
    expect(bornAbroad.map(({ login }) => login)).toEqual(
      expect.arrayContaining(['ne-etranger']),
    );
    for (const { claims } of bornAbroad) {
      expect(claims.birthcountry).toMatch(/^99\d{3}$/);
      expect(claims.birthplace).toBeUndefined();
    }
  });

  it('gives identities the federation accepts, except lieu-invalide', () => {
    // Given what each citizen's FI returns from userinfo
    const results = TEST_CITIZENS.filter(
      ({ login }) => login !== 'lieu-invalide',
    ).map((testCitizen) => ({
      login: testCitizen.login,
      result: validatePivotIdentity(userinfoClaimsOf(testCitizen)),
    }));

    // Then the federation's own validation accepts every one of them
    expect(results.filter(({ result }) => !result.valid)).toEqual([]);
  });

  it('gives lieu-invalide an identity the federation rejects for its birthplace', () => {
    // Given what lieu-invalide's FI returns, When the federation validates it
    const result = validatePivotIdentity(
      userinfoClaimsOf(citizen('lieu-invalide')),
    );

    // Then the birthplace is the reason
    expect(result).toMatchObject({
      valid: false,
      errors: [{ field: 'birthplace', code: 'invalid_birthplace' }],
    });
  });

  it('has a citizen born in a commune that has since merged into another one', () => {
    // Given commune-fusionnee, Then its birthplace is an old code of a current commune
    const { birthplace } = citizen('commune-fusionnee').claims;
    const absorbing = communes.find(
      (commune) =>
        commune.type === 'commune-actuelle' &&
        commune.anciensCodes?.includes(birthplace ?? ''),
    );
    expect(absorbing?.nom).toBe('Annecy');
    expect(communes.find((commune) => commune.code === birthplace)?.type).toBe(
      'commune-deleguee',
    );
  });

  it('covers Corsica and the arrondissements of Lyon and Marseille', () => {
    // Then the birthplaces are where the logins say
    expect(citizen('ne-en-corse').claims.birthplace).toMatch(/^2[AB]\d{3}$/);
    expect(citizen('arrondissement-lyon').claims.birthplace).toMatch(
      /^6938[1-9]$/,
    );
    expect(citizen('arrondissement-marseille').claims.birthplace).toMatch(
      /^132(0[1-9]|1[0-6])$/,
    );
  });

  it('covers presumed birth dates, compound given names, a nom d’usage and an apostrophe', () => {
    // Then each special case is present
    expect(citizen('date-presumee').claims.birthdate).toMatch(/^\d{4}-00-00$/);
    expect(citizen('mois-presume').claims.birthdate).toMatch(
      /^\d{4}-(0[1-9]|1[0-2])-00$/,
    );
    expect(citizen('prenoms-composes').claims.given_name).toBe(
      'Jean-Éloïse Marie-Françoise',
    );
    const { claims: usage } = citizen('nom-usage');
    expect(usage.preferred_username).toBeDefined();
    expect(usage.preferred_username).not.toBe(usage.family_name);
    expect(citizen('apostrophe').claims.family_name).toContain("'");
  });

  it('returns an empty birthplace from userinfo for a citizen born abroad', () => {
    // Given a citizen born abroad, When their claims are built, Then birthplace is ""
    expect(userinfoClaimsOf(citizen('ne-etranger'))['birthplace']).toBe('');
  });

  it('gives a citizen a stable sub that differs from one FI to another', () => {
    // When the sub is computed twice at one FI and once at another
    const first = subjectFor('impots', 'test');

    // Then it is stable, opaque, and FI-specific
    expect(subjectFor('impots', 'test')).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(subjectFor('ameli', 'test')).not.toBe(first);
  });
});
