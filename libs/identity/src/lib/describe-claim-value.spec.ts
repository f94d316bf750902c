import { describeClaimValue } from './describe-claim-value';
import type { PivotIdentity } from './pivot-identity';

const angela: PivotIdentity = {
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
  birthdate: '1962-08-24',
  gender: 'female',
  birthplace: '69123',
  birthcountry: '99100',
  preferred_username: 'MARTIN',
  email: 'angela.dubois@example.fr',
};

describe('describeClaimValue', () => {
  it.each([
    ['given_name', 'Angela Claire Louise'],
    ['family_name', 'DUBOIS'],
    ['preferred_username', 'MARTIN'],
    ['birthdate', '24/08/1962'],
    ['gender', 'Féminin'],
    ['birthplace', 'Lyon (69123)'],
    ['birthcountry', 'France'],
    ['email', 'angela.dubois@example.fr'],
  ] as const)('shows %s as %p on the consent page', (claim, shown) => {
    expect(describeClaimValue(claim, angela)).toBe(shown);
  });

  it.each([
    ['1962-00-00', '1962 (date présumée)'],
    ['1962-08-00', 'août 1962 (date présumée)'],
    ['1962-01-00', 'janvier 1962 (date présumée)'],
    ['1962-12-00', 'décembre 1962 (date présumée)'],
  ])('says that the birthdate %s is presumed: %p', (birthdate, shown) => {
    expect(describeClaimValue('birthdate', { ...angela, birthdate })).toBe(
      shown,
    );
  });

  it('shows a man as Masculin', () => {
    expect(describeClaimValue('gender', { ...angela, gender: 'male' })).toBe(
      'Masculin',
    );
  });

  it('names a birthplace given by an arrondissement or an old code', () => {
    expect(
      describeClaimValue('birthplace', { ...angela, birthplace: '75112' }),
    ).toBe('Paris 12e Arrondissement (75112)');
    expect(
      describeClaimValue('birthplace', { ...angela, birthplace: '20004' }),
    ).toBe('Ajaccio (20004)');
  });

  it('shows a foreign birth country and no birthplace for someone born abroad', () => {
    const { birthplace: _omitted, ...bornAbroad } = angela;
    const bornInMorocco: PivotIdentity = {
      ...bornAbroad,
      birthcountry: '99350',
    };
    expect(describeClaimValue('birthcountry', bornInMorocco)).toBe('Maroc');
    expect(describeClaimValue('birthplace', bornInMorocco)).toBe('');
  });

  it('shows an unknown code as the code itself rather than nothing', () => {
    expect(
      describeClaimValue('birthcountry', { ...angela, birthcountry: '99998' }),
    ).toBe('99998');
    expect(
      describeClaimValue('birthplace', { ...angela, birthplace: '99998' }),
    ).toBe('99998');
  });

  it('shows an absent optional claim as empty', () => {
    const { email: _omitted, ...withoutEmail } = angela;
    expect(describeClaimValue('email', withoutEmail)).toBe('');
  });
});
