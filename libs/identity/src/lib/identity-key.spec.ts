import { createHmac } from 'node:crypto';
import {
  canonicalPivotIdentity,
  identityKey,
  pairwiseSubject,
} from './identity-key';
import { validatePivotIdentity, type PivotIdentity } from './pivot-identity';

const SECRET = 'identity-key-secret-for-tests';
const SUB_SECRET = 'pairwise-subject-secret-for-tests';

const angela: PivotIdentity = {
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
  birthdate: '1962-08-24',
  gender: 'female',
  birthplace: '75107',
  birthcountry: '99100',
};

describe('identityKey', () => {
  it('is 64 hex characters, the same every time for the same person', () => {
    // Given the same identity, computed twice
    // When the key is derived
    const first = identityKey(angela, SECRET);
    const second = identityKey({ ...angela }, SECRET);

    // Then it is a stable SHA-256 hex digest
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toBe(first);
  });

  it('is the HMAC-SHA256 of the canonical identity under the secret', () => {
    const expected = createHmac('sha256', SECRET)
      .update(canonicalPivotIdentity(angela))
      .digest('hex');
    expect(identityKey(angela, SECRET)).toBe(expected);
  });

  it('does not change with whitespace or Unicode normalisation of the same identity', () => {
    // Given Jean-Éloïse as one FI sends it (NFC, single spaces)…
    const fromOneFi: PivotIdentity = {
      ...angela,
      given_name: 'Jean-Éloïse Marie',
      family_name: 'LEFÈVRE',
    };
    // …and as another sends it (decomposed accents, padding, double spaces between given names)
    const fromAnotherFi: PivotIdentity = {
      ...angela,
      given_name: '  Jean-E\u0301loi\u0308se   Marie ',
      family_name: 'LEFE\u0300VRE ',
      birthdate: ' 1962-08-24',
    };

    // When both keys are derived
    // Then they are the same account
    expect(identityKey(fromAnotherFi, SECRET)).toBe(
      identityKey(fromOneFi, SECRET),
    );
  });

  it('is the same whether computed on raw or validated input', () => {
    const raw = {
      ...angela,
      given_name: 'Angela  Claire\u00a0Louise',
      family_name: ' DUBOIS',
    };
    const validated = validatePivotIdentity({
      ...raw,
      given_name: 'Angela Claire Louise',
    });
    expect(validated.valid && identityKey(validated.identity, SECRET)).toBe(
      identityKey(raw, SECRET),
    );
  });

  it.each([
    ['given_name', 'Angela Claire'],
    ['family_name', 'DUBOIS-MARTIN'],
    ['birthdate', '1962-08-25'],
    ['gender', 'male'],
    ['birthplace', '75108'],
  ] as const)('changes when %s differs', (claim, value) => {
    expect(identityKey({ ...angela, [claim]: value }, SECRET)).not.toBe(
      identityKey(angela, SECRET),
    );
  });

  it('tells apart someone born abroad from someone born in France', () => {
    const { birthplace: _omitted, ...bornAbroad } = angela;
    expect(
      identityKey({ ...bornAbroad, birthcountry: '99131' }, SECRET),
    ).not.toBe(identityKey(angela, SECRET));
  });

  it('ignores the claims that are not part of the pivot identity', () => {
    // Given the same person with a new e-mail address and usage name
    const updated: PivotIdentity = {
      ...angela,
      email: 'angela@example.fr',
      preferred_username: 'MARTIN',
    };

    // Then she keeps the same account
    expect(identityKey(updated, SECRET)).toBe(identityKey(angela, SECRET));
  });

  it('depends on the secret, so nobody can compute it without it', () => {
    expect(identityKey(angela, 'another-secret')).not.toBe(
      identityKey(angela, SECRET),
    );
  });

  it('refuses an empty secret', () => {
    expect(() => identityKey(angela, '')).toThrow(/secret/);
  });
});

describe('canonicalPivotIdentity', () => {
  it('serialises the six pivot claims in a fixed order, with an empty birthplace when born abroad', () => {
    const { birthplace: _omitted, ...bornAbroad } = angela;
    expect(
      canonicalPivotIdentity({ ...bornAbroad, birthcountry: '99131' }),
    ).toBe(
      '["Angela Claire Louise","DUBOIS","1962-08-24","female","","99131"]',
    );
  });

  it('cannot be forged by a value that contains the separator', () => {
    const shifted: PivotIdentity = {
      ...angela,
      given_name: 'Angela","DUBOIS',
      family_name: 'X',
    };
    expect(canonicalPivotIdentity(shifted)).not.toBe(
      canonicalPivotIdentity(angela),
    );
  });
});

describe('pairwiseSubject', () => {
  const key = identityKey(angela, SECRET);

  it('is stable for the same person and the same sector', () => {
    // Given the same identity, seen twice by services of the same sector
    // When the sub is derived each time
    const first = pairwiseSubject(
      identityKey(angela, SECRET),
      'https://impots.example',
      SUB_SECRET,
    );
    const second = pairwiseSubject(
      identityKey({ ...angela }, SECRET),
      'https://impots.example',
      SUB_SECRET,
    );

    // Then the service sees the same user
    expect(second).toBe(first);
  });

  it('differs from one sector to another, so providers cannot link their users', () => {
    const forTaxes = pairwiseSubject(key, 'https://impots.example', SUB_SECRET);
    const forHealth = pairwiseSubject(key, 'https://sante.example', SUB_SECRET);
    expect(forHealth).not.toBe(forTaxes);
  });

  it('differs from one person to another within a sector', () => {
    const other = identityKey({ ...angela, given_name: 'Angèle' }, SECRET);
    expect(
      pairwiseSubject(other, 'https://impots.example', SUB_SECRET),
    ).not.toBe(pairwiseSubject(key, 'https://impots.example', SUB_SECRET));
  });

  it('is the HMAC of sector, NUL and identity key, in hex, followed by v1', () => {
    const sub = pairwiseSubject(key, 'https://impots.example', SUB_SECRET);
    const digest = createHmac('sha256', SUB_SECRET)
      .update(`https://impots.example\u0000${key}`)
      .digest('hex');
    expect(sub).toBe(`${digest}v1`);
    expect(sub).toMatch(/^[0-9a-f]{64}v1$/);
    expect(sub).not.toContain(key);
  });

  it('refuses something that is not an identity key, an empty sector or an empty secret', () => {
    expect(() =>
      pairwiseSubject('Angela DUBOIS', 'https://impots.example', SUB_SECRET),
    ).toThrow(/identityKey/);
    expect(() => pairwiseSubject(key, '', SUB_SECRET)).toThrow(/sector/);
    expect(() => pairwiseSubject(key, 'https://impots.example', '')).toThrow(
      /secret/,
    );
  });
});
