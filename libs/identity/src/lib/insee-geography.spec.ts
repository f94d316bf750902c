import { FRANCE_COUNTRY_CODE, INSEE_COUNTRIES } from './data/countries';
import {
  communeName,
  countryName,
  isKnownCommuneCode,
  isKnownCountryCode,
} from './insee-geography';

describe('communeName', () => {
  it.each([
    ['69123', 'Lyon'],
    ['75056', 'Paris'],
    ['2A004', 'Ajaccio'],
    ['2B033', 'Bastia'],
    ['69381', 'Lyon 1er Arrondissement'],
    ['13201', 'Marseille 1er Arrondissement'],
    ['75112', 'Paris 12e Arrondissement'],
    ['97411', 'Saint-Denis'],
  ])('names the commune or arrondissement %s: %p', (code, name) => {
    expect(communeName(code)).toBe(name);
  });

  it('keeps the current commune’s name for a code shared with one of its delegated communes', () => {
    // Given Annecy (74010), whose former commune Annecy keeps the same code as a delegated commune
    // Then the code reads as the current commune
    expect(communeName('74010')).toBe('Annecy');
  });

  it('names a delegated commune by its own name', () => {
    expect(communeName('74011')).toBe('Annecy-le-Vieux');
  });

  it('names an old code by the commune it now belongs to', () => {
    expect(communeName('74300')).toBe('Annecy');
    // Corsica before 1976, and the Seine department before 1968
    expect(communeName('20004')).toBe('Ajaccio');
    expect(communeName('75001')).toBe('Alfortville');
  });

  it('knows nothing of codes that never were communes', () => {
    expect(communeName('99999')).toBeUndefined();
    expect(communeName('75121')).toBeUndefined();
    expect(isKnownCommuneCode('toString')).toBe(false);
  });
});

describe('countryName', () => {
  it.each([
    [FRANCE_COUNTRY_CODE, 'France'],
    ['99109', 'Allemagne'],
    ['99127', 'Italie'],
    ['99131', 'Belgique'],
    ['99132', 'Royaume-Uni'],
    ['99134', 'Espagne'],
    ['99135', 'Pays-Bas'],
    ['99137', 'Luxembourg'],
    ['99139', 'Portugal'],
    ['99140', 'Suisse'],
    ['99350', 'Maroc'],
    ['99351', 'Tunisie'],
    ['99352', 'Algérie'],
    ['99401', 'Canada'],
    ['99404', 'États-Unis'],
    ['99216', 'Chine'],
    ['99217', 'Japon'],
    ['99223', 'Inde'],
    ['99501', 'Australie'],
  ])('names the INSEE country %s: %p', (code, name) => {
    expect(countryName(code)).toBe(name);
    expect(isKnownCountryCode(code)).toBe(true);
  });

  it('knows nothing of unknown codes', () => {
    expect(countryName('99999')).toBeUndefined();
    expect(isKnownCountryCode('FR')).toBe(false);
  });
});

describe('the INSEE country list', () => {
  it('holds unique five-digit 99XXX codes, each with a name', () => {
    const codes = INSEE_COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const country of INSEE_COUNTRIES) {
      expect(country.code).toMatch(/^99\d{3}$/);
      expect(country.name.trim()).not.toBe('');
    }
  });
});
