import {
  PIVOT_CLAIMS,
  validatePivotIdentity,
  type IdentityValidationResult,
} from './pivot-identity';

const bornInLyon = {
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
  birthdate: '1962-08-24',
  gender: 'female',
  birthplace: '69123',
  birthcountry: '99100',
};

const bornInBelgium = {
  given_name: 'Jean',
  family_name: 'Peeters',
  birthdate: '1980-01-15',
  gender: 'male',
  birthcountry: '99131',
};

/** A YYYY-MM-DD date `days` away from now (UTC). */
function dateInDays(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
}

function errorCodes(result: IdentityValidationResult): string[] {
  return result.valid
    ? []
    : result.errors.map((error) => `${error.field}:${error.code}`);
}

describe('validatePivotIdentity', () => {
  describe('a valid identity', () => {
    it('is accepted as is when born in France', () => {
      // Given the identity an FI returned for someone born in Lyon
      // When it is validated
      const result = validatePivotIdentity(bornInLyon);

      // Then it is accepted unchanged
      expect(result).toEqual({ valid: true, identity: bornInLyon });
    });

    it('is accepted without birthplace when born abroad', () => {
      const result = validatePivotIdentity(bornInBelgium);
      expect(result).toEqual({ valid: true, identity: bornInBelgium });
    });

    it('comes back trimmed, NFC-normalised and without unknown keys', () => {
      // Given an identity with padding, decomposed accents (NFD) and extra keys
      const input = {
        given_name: '  Jean-E\u0301loi\u0308se Marie ',
        family_name: '\tDUBOIS\n',
        birthdate: ' 1962-08-24 ',
        gender: ' female',
        birthplace: ' 69123 ',
        birthcountry: '99100 ',
        email: ' angela@example.fr ',
        sub: 'fi-internal-id',
        idp_birthdate: '1962-08-24',
      };

      // When it is validated
      const result = validatePivotIdentity(input);

      // Then the identity is the normalised one, with only known claims
      expect(result).toEqual({
        valid: true,
        identity: {
          given_name: 'Jean-Éloïse Marie',
          family_name: 'DUBOIS',
          birthdate: '1962-08-24',
          gender: 'female',
          birthplace: '69123',
          birthcountry: '99100',
          email: 'angela@example.fr',
        },
      });
      expect(result.valid && result.identity.given_name).toBe(
        'Jean-\u00c9lo\u00efse Marie',
      );
    });
  });

  it('lists the six pivot claims', () => {
    expect(PIVOT_CLAIMS).toEqual([
      'given_name',
      'family_name',
      'birthdate',
      'gender',
      'birthplace',
      'birthcountry',
    ]);
  });

  describe('input that is not an object', () => {
    it.each([null, undefined, 'DUBOIS', 42, [bornInLyon]])(
      'rejects %p as a whole',
      (input) => {
        const result = validatePivotIdentity(input);
        expect(result).toEqual({
          valid: false,
          errors: [
            {
              field: 'identity',
              code: 'not_an_object',
              message: expect.any(String),
            },
          ],
        });
      },
    );
  });

  describe('names', () => {
    it.each([
      'Jean-Éloïse Marie',
      'D’Artagnan',
      "D'Artagnan",
      'St. John',
      'Ñúñez',
      'Łukasz',
      'Ødegård',
      'Ана-Мария',
      'محمد',
      '李',
      'Nguyễn',
      'A'.repeat(256),
    ])('accepts the given name %p', (given_name) => {
      expect(
        validatePivotIdentity({ ...bornInLyon, given_name }),
      ).toMatchObject({ valid: true, identity: { given_name } });
    });

    it.each([
      ['digits', 'Jean2'],
      ['a control character', 'Jean\u0000Paul'],
      ['a line break inside', 'Jean\nPaul'],
      ['other punctuation', 'Jean_Paul'],
      ['an emoji', 'Jean 😀'],
      ['no letter at all', "-'."],
      ['257 characters', 'A'.repeat(257)],
    ])('rejects a given name with %s', (_reason, given_name) => {
      const result = validatePivotIdentity({ ...bornInLyon, given_name });
      expect(errorCodes(result)).toEqual(['given_name:invalid_given_name']);
    });

    it.each([undefined, null, '', '   ', 42])(
      'rejects a missing or non-text given name: %p',
      (given_name) => {
        expect(
          errorCodes(validatePivotIdentity({ ...bornInLyon, given_name })),
        ).toEqual(['given_name:invalid_given_name']);
      },
    );

    it('rejects a family name with digits', () => {
      expect(
        errorCodes(
          validatePivotIdentity({ ...bornInLyon, family_name: 'DUBOIS 2' }),
        ),
      ).toEqual(['family_name:invalid_family_name']);
    });

    it('rejects a missing family name', () => {
      const { family_name: _omitted, ...withoutFamilyName } = bornInLyon;
      expect(errorCodes(validatePivotIdentity(withoutFamilyName))).toEqual([
        'family_name:invalid_family_name',
      ]);
    });

    it('accepts a usage name with the same characters as names', () => {
      const result = validatePivotIdentity({
        ...bornInLyon,
        preferred_username: 'Martin-D’Ormesson',
      });
      expect(result).toMatchObject({
        valid: true,
        identity: { preferred_username: 'Martin-D’Ormesson' },
      });
    });

    it('rejects a usage name with digits', () => {
      expect(
        errorCodes(
          validatePivotIdentity({
            ...bornInLyon,
            preferred_username: 'M4rtin',
          }),
        ),
      ).toEqual(['preferred_username:invalid_preferred_username']);
    });

    it('drops an empty usage name', () => {
      const result = validatePivotIdentity({
        ...bornInLyon,
        preferred_username: '  ',
      });
      expect(result.valid && 'preferred_username' in result.identity).toBe(
        false,
      );
    });
  });

  describe('birthdate', () => {
    it.each([
      ['a full date', '1962-08-24'],
      ['a presumed day', '1962-08-00'],
      ['a presumed month and day', '1962-00-00'],
      ['29 February of a leap year', '2024-02-29'],
      ['the earliest year', '1850-01-01'],
      ['yesterday', dateInDays(-1)],
    ])('accepts %s (%s)', (_case, birthdate) => {
      expect(validatePivotIdentity({ ...bornInLyon, birthdate })).toMatchObject(
        { valid: true, identity: { birthdate } },
      );
    });

    it.each([
      ['a day that does not exist', '2023-02-30'],
      ['29 February of a common year', '2023-02-29'],
      ['day 31 of a 30-day month', '2023-04-31'],
      ['month 13', '1962-13-01'],
      ['a known day in an unknown month', '1962-00-15'],
      ['a French-formatted date', '24/08/1962'],
      ['a two-digit year', '62-08-24'],
      ['a timestamp', '1962-08-24T00:00:00Z'],
      ['a year before 1850', '1849-12-31'],
      ['a date in the future', dateInDays(2)],
      [
        'a presumed year in the future',
        `${new Date().getUTCFullYear() + 1}-00-00`,
      ],
      ['a number', 19620824],
      ['nothing', undefined],
    ])('rejects %s (%p)', (_case, birthdate) => {
      expect(
        errorCodes(validatePivotIdentity({ ...bornInLyon, birthdate })),
      ).toEqual(['birthdate:invalid_birthdate']);
    });
  });

  describe('gender', () => {
    it.each(['male', 'female'])('accepts %p', (gender) => {
      expect(validatePivotIdentity({ ...bornInLyon, gender })).toMatchObject({
        valid: true,
        identity: { gender },
      });
    });

    it.each(['M', 'F', 'Female', 'other', '', undefined, 1])(
      'rejects %p',
      (gender) => {
        expect(
          errorCodes(validatePivotIdentity({ ...bornInLyon, gender })),
        ).toEqual(['gender:invalid_gender']);
      },
    );
  });

  describe('birthcountry', () => {
    it.each(['99109', '99350', '99352', '99404', '99216'])(
      'accepts the INSEE country code %p when born abroad',
      (birthcountry) => {
        expect(
          validatePivotIdentity({ ...bornInBelgium, birthcountry }),
        ).toMatchObject({ valid: true });
      },
    );

    it.each([
      ['an unknown code', '99999'],
      ['an ISO code', 'BE'],
      ['four digits', '9913'],
      ['a number', 99131],
      ['nothing', undefined],
    ])('rejects %s (%p)', (_case, birthcountry) => {
      expect(
        errorCodes(validatePivotIdentity({ ...bornInBelgium, birthcountry })),
      ).toEqual(['birthcountry:invalid_birthcountry']);
    });
  });

  describe('birthplace of someone born in France', () => {
    it.each([
      ['a current commune (Lyon)', '69123'],
      ['Paris itself', '75056'],
      ['a Paris arrondissement', '75112'],
      ['a Lyon arrondissement', '69381'],
      ['a Marseille arrondissement', '13201'],
      ['a commune of Corse-du-Sud (Ajaccio)', '2A004'],
      ['a commune of Haute-Corse (Bastia)', '2B033'],
      ['a delegated commune (Annecy-le-Vieux)', '74011'],
      ['the old code of a commune merged into Annecy', '74300'],
      ['the pre-1976 code of Ajaccio', '20004'],
      ['an overseas commune (Saint-Denis, La Réunion)', '97411'],
    ])('accepts %s: %s', (_case, birthplace) => {
      expect(
        validatePivotIdentity({ ...bornInLyon, birthplace }),
      ).toMatchObject({ valid: true, identity: { birthplace } });
    });

    it.each([
      ['an unknown code', '99999'],
      ['a Paris arrondissement that does not exist', '75121'],
      ['a Marseille arrondissement that does not exist', '13217'],
      ['a lowercase Corsican code', '2a004'],
      ['a department that does not exist', '2C004'],
      ['a commune name', 'Lyon'],
      ['a number', 69123],
    ])('rejects %s (%p)', (_case, birthplace) => {
      expect(
        errorCodes(validatePivotIdentity({ ...bornInLyon, birthplace })),
      ).toEqual(['birthplace:invalid_birthplace']);
    });

    it.each([undefined, null, ''])('requires it (%p)', (birthplace) => {
      expect(
        errorCodes(validatePivotIdentity({ ...bornInLyon, birthplace })),
      ).toEqual(['birthplace:missing_birthplace']);
    });
  });

  describe('birthplace of someone born abroad', () => {
    it('is normalised to absent when empty', () => {
      // Given an FI that sends an empty birthplace for someone born in Belgium
      // When the identity is validated
      const result = validatePivotIdentity({
        ...bornInBelgium,
        birthplace: '',
      });

      // Then it is accepted and carries no birthplace at all
      expect(result).toEqual({ valid: true, identity: bornInBelgium });
      expect(result.valid && 'birthplace' in result.identity).toBe(false);
    });

    it('is rejected when present', () => {
      expect(
        errorCodes(
          validatePivotIdentity({ ...bornInBelgium, birthplace: '69123' }),
        ),
      ).toEqual(['birthplace:unexpected_birthplace']);
    });
  });

  describe('email', () => {
    it.each([
      'angela.dubois@example.fr',
      'a+tag@sub.example.gouv.fr',
      'jose@exemple.français',
    ])('accepts %p', (email) => {
      expect(validatePivotIdentity({ ...bornInLyon, email })).toMatchObject({
        valid: true,
        identity: { email },
      });
    });

    it.each([
      ['no at sign', 'angela.example.fr'],
      ['no domain dot', 'angela@example'],
      ['a space inside', 'angela dubois@example.fr'],
      ['two at signs', 'a@b@example.fr'],
      ['an empty domain label', 'angela@example..fr'],
      ['more than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(187)}.fr`],
      ['a number', 42],
    ])('rejects %s', (_case, email) => {
      expect(
        errorCodes(validatePivotIdentity({ ...bornInLyon, email })),
      ).toEqual(['email:invalid_email']);
    });

    it('accepts 254 characters', () => {
      const email = `${'a'.repeat(64)}@${'b'.repeat(186)}.fr`;
      expect(validatePivotIdentity({ ...bornInLyon, email })).toMatchObject({
        valid: true,
        identity: { email },
      });
    });

    it('is optional', () => {
      expect(validatePivotIdentity(bornInLyon)).toMatchObject({ valid: true });
    });
  });

  it('reports every wrong field at once, each with a French message', () => {
    // Given an identity where every field is wrong
    const input = {
      given_name: 'J3an',
      family_name: '',
      birthdate: '2023-02-30',
      gender: 'X',
      birthplace: '69123',
      birthcountry: '99131',
      preferred_username: '42',
      email: 'nope',
    };

    // When it is validated
    const result = validatePivotIdentity(input);

    // Then all seven problems are reported, not just the first
    expect(errorCodes(result)).toEqual([
      'given_name:invalid_given_name',
      'family_name:invalid_family_name',
      'birthdate:invalid_birthdate',
      'gender:invalid_gender',
      'birthplace:unexpected_birthplace',
      'preferred_username:invalid_preferred_username',
      'email:invalid_email',
    ]);
    expect(
      result.valid ? [] : result.errors.map((error) => error.message),
    ).toEqual(Array(7).fill(expect.stringMatching(/^(Le |La |L’).+\.$/)));
  });

  it('reports a missing birthplace together with the other errors', () => {
    const result = validatePivotIdentity({ birthcountry: '99100' });
    expect(errorCodes(result)).toEqual([
      'given_name:invalid_given_name',
      'family_name:invalid_family_name',
      'birthdate:invalid_birthdate',
      'gender:invalid_gender',
      'birthplace:missing_birthplace',
    ]);
  });

  it('still checks the birthplace when the country itself is wrong', () => {
    const result = validatePivotIdentity({
      ...bornInLyon,
      birthcountry: 'FR',
      birthplace: '00000',
    });
    expect(errorCodes(result)).toEqual([
      'birthcountry:invalid_birthcountry',
      'birthplace:invalid_birthplace',
    ]);
  });
});
