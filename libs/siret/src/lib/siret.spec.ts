import { isValidSiren, isValidSiret, siretProblem } from './siret';

describe('SIRET validation', () => {
  it('accepts 14 digits with a valid Luhn checksum, spaces allowed', () => {
    expect(isValidSiret('11000101300017')).toBe(true);
    expect(isValidSiret('110 001 013 00017')).toBe(true);
  });

  it('says "format" for anything but 14 digits', () => {
    expect(siretProblem('1100010130001')).toBe('format');
    expect(siretProblem('1100010130001A')).toBe('format');
    expect(siretProblem('')).toBe('format');
  });

  it('says "checksum" for a typo', () => {
    expect(siretProblem('11000101300018')).toBe('checksum');
    expect(siretProblem('11000101300071')).toBe('checksum');
  });

  it('applies La Poste’s exception: the digits of its SIRETs add up to a multiple of 5', () => {
    // Digit sums: …005 → 19 and …030 → 17 (refused); …001 and …010 → 15 (accepted).
    expect(isValidSiret('35600000000005')).toBe(false);
    expect(isValidSiret('35600000000030')).toBe(false);
    expect(isValidSiret('35600000000001')).toBe(true);
    expect(isValidSiret('35600000000010')).toBe(true);
  });

  it('validates a SIREN on its own', () => {
    expect(isValidSiren('110001013')).toBe(true);
    expect(isValidSiren('110001014')).toBe(false);
  });
});
