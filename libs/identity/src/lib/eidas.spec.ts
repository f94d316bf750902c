import {
  acrSatisfies,
  EIDAS_LABELS,
  EIDAS_LEVELS,
  eidasRank,
  isEidasLevel,
} from './eidas';

describe('eIDAS levels', () => {
  it('ranks the levels from Faible to Élevé', () => {
    // Given the three levels
    // When they are ranked and labelled
    const ranked = EIDAS_LEVELS.map((level) => [
      level,
      eidasRank(level),
      EIDAS_LABELS[level],
    ]);

    // Then they go up one by one with their French names
    expect(ranked).toEqual([
      ['eidas1', 1, 'Faible'],
      ['eidas2', 2, 'Substantiel'],
      ['eidas3', 3, 'Élevé'],
    ]);
  });

  it.each([
    ['eidas2', true],
    ['eidas4', false],
    ['EIDAS2', false],
    ['', false],
    [undefined, false],
    [2, false],
  ])('recognises %p as a level: %p', (value, expected) => {
    expect(isEidasLevel(value)).toBe(expected);
  });
});

describe('acrSatisfies', () => {
  it.each([
    // returned, requested, satisfied
    ['eidas1', 'eidas1', true],
    ['eidas2', 'eidas1', true],
    ['eidas3', 'eidas1', true],
    ['eidas1', 'eidas2', false],
    ['eidas2', 'eidas2', true],
    ['eidas3', 'eidas2', true],
    ['eidas1', 'eidas3', false],
    ['eidas2', 'eidas3', false],
    ['eidas3', 'eidas3', true],
    [undefined, 'eidas1', false],
    ['', 'eidas1', false],
    ['eidas9', 'eidas1', false],
    ['https://eidas.europa.eu/LoA/substantial', 'eidas1', false],
  ] as const)(
    'an FI returning %p satisfies a request for %p: %p',
    (returned, requested, satisfied) => {
      expect(acrSatisfies(returned, requested)).toBe(satisfied);
    },
  );
});
