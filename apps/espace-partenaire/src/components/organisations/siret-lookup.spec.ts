import { compactSiret, formatSiret, isCompleteSiret } from './siret-lookup';

describe('SIRET as typed', () => {
  it('tolerates the spaces people use to group digits', () => {
    expect(compactSiret('216 901 231 00011')).toBe('21690123100011');
    expect(isCompleteSiret('216 901 231 00011')).toBe(true);
  });

  it('is not complete before 14 digits', () => {
    expect(isCompleteSiret('2169012310001')).toBe(false);
  });

  it('is not a SIRET with letters', () => {
    expect(compactSiret('2169O123100011')).toBe('');
    expect(isCompleteSiret('2169O123100011')).toBe(false);
  });

  it('is shown as SIREN in groups of three, then the NIC', () => {
    expect(formatSiret('21690123100011')).toBe('216 901 231 00011');
  });
});
