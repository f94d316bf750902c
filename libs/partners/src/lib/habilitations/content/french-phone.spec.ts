import { isFrenchMobile, normaliseFrenchPhone } from './french-phone';

describe('French phone numbers', () => {
  it.each([
    ['01 23 45 67 89', '+33123456789'],
    ['01.23.45.67.89', '+33123456789'],
    ['0123456789', '+33123456789'],
    ['+33 1 23 45 67 89', '+33123456789'],
    ['+33 (0)1 23 45 67 89', '+33123456789'],
    ['06 12 34 56 78', '+33612345678'],
    ['+33612345678', '+33612345678'],
  ])('reads « %s » as %s', (typed, stored) => {
    expect(normaliseFrenchPhone(typed)).toBe(stored);
  });

  it.each(['', '12345', '00 12 34 56 78', '+44 20 7946 0958', '06 12 34 56 7', '06 12 34 56 789', 'zéro six'])('refuses « %s »', (typed) => {
    expect(normaliseFrenchPhone(typed)).toBeUndefined();
  });

  it('knows a mobile (06, 07) from a landline', () => {
    expect(isFrenchMobile('06 12 34 56 78')).toBe(true);
    expect(isFrenchMobile('+33 7 12 34 56 78')).toBe(true);
    expect(isFrenchMobile('01 23 45 67 89')).toBe(false);
    expect(isFrenchMobile('09 12 34 56 78')).toBe(false);
  });
});
