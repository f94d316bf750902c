import { csvCell, statisticsCsv } from './statistics-csv';
import { PeriodReversedError, PeriodTooLongError } from './statistics.errors';
import { daysOf, parisToday, resolvePeriod } from './statistics-period';

describe('the statistics CSV', () => {
  it('quotes what holds a separator, a quote or a line break', () => {
    expect(csvCell('Portail famille')).toBe('Portail famille');
    expect(csvCell('Famille; enfance')).toBe('"Famille; enfance"');
    expect(csvCell('Le « bon » "service"')).toBe('"Le « bon » ""service"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
    expect(csvCell(12)).toBe('12');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    expect(csvCell('=HYPERLINK("http://exemple.test")')).toBe('"\'=HYPERLINK(""http://exemple.test"")"');
    expect(csvCell('+33 service')).toBe("'+33 service");
    expect(csvCell('@moi')).toBe("'@moi");
  });

  it('writes a BOM, the French header and CRLF lines', () => {
    expect(
      statisticsCsv([
        { day: '2026-11-02', service: 'Portail', clientId: 'abc', environment: 'production', identityProvider: 'impots.gouv.fr', acr: 'eidas1', logins: 3, failures: 1 },
      ]),
    ).toBe('\uFEFFjour;service;client_id;environnement;fournisseur_identite;niveau_eidas;connexions;echecs\r\n2026-11-02;Portail;abc;production;impots.gouv.fr;eidas1;3;1\r\n');
  });
});

describe('the statistics period', () => {
  const now = new Date('2026-11-20T23:30:00Z');

  it('ends today in Paris and covers 30 days by default', () => {
    expect(parisToday(now)).toBe('2026-11-21');
    expect(resolvePeriod({}, now)).toEqual({ from: '2026-10-23', to: '2026-11-21' });
    expect(resolvePeriod({ to: '2026-03-01' }, now)).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(resolvePeriod({ from: '2026-11-01' }, now)).toEqual({ from: '2026-11-01', to: '2026-11-21' });
  });

  it('lists every day, across a change of hour', () => {
    expect(daysOf({ from: '2026-10-24', to: '2026-10-26' })).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('refuses a reversed period and more than 366 days', () => {
    expect(() => resolvePeriod({ from: '2026-11-02', to: '2026-11-01' }, now)).toThrow(PeriodReversedError);
    expect(() => resolvePeriod({ from: '2025-01-01', to: '2026-01-02' }, now)).toThrow(PeriodTooLongError);
    expect(resolvePeriod({ from: '2025-01-01', to: '2026-01-01' }, now)).toEqual({ from: '2025-01-01', to: '2026-01-01' });
  });
});
