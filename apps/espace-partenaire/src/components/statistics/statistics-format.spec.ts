import {
  apiPeriodQuery,
  countOf,
  csvHref,
  formatCount,
  formatLongDay,
  formatPeriod,
  formatShare,
  identityProviderColour,
  ILLUSTRATIVE_COLOURS,
  isDay,
  parisToday,
  parsePeriod,
} from './statistics-format';

const TODAY = '2026-11-21';

describe('the period of the statistics pages', () => {
  it('is the last 30 days up to today by default', () => {
    expect(parsePeriod({}, TODAY)).toEqual({
      from: '2026-10-23',
      to: TODAY,
      choice: 30,
      errors: {},
    });
  });

  it.each([
    ['7', '2026-11-15'],
    ['30', '2026-10-23'],
    ['90', '2026-08-24'],
    ['365', '2025-11-22'],
  ])('covers %s days up to today', (periode, from) => {
    expect(parsePeriod({ periode }, TODAY)).toMatchObject({
      from,
      to: TODAY,
      choice: Number(periode),
    });
  });

  it('takes the dates typed in, even without choosing « dates »', () => {
    expect(
      parsePeriod(
        { periode: 'dates', du: '2026-01-01', au: '2026-01-31' },
        TODAY,
      ),
    ).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      choice: 'dates',
      errors: {},
    });
    expect(
      parsePeriod({ du: '2026-01-01', au: '2026-01-31' }, TODAY),
    ).toMatchObject({
      from: '2026-01-01',
      choice: 'dates',
    });
  });

  it('prefers a preset chosen over dates left in the form', () => {
    expect(
      parsePeriod({ periode: '7', du: '2026-01-01', au: '2026-01-31' }, TODAY),
    ).toMatchObject({
      from: '2026-11-15',
      to: TODAY,
    });
  });

  it('completes a missing end with today and a missing start with 30 days before the end', () => {
    expect(
      parsePeriod({ periode: 'dates', du: '2026-11-01' }, TODAY),
    ).toMatchObject({ from: '2026-11-01', to: TODAY });
    expect(
      parsePeriod({ periode: 'dates', au: '2026-02-28' }, TODAY),
    ).toMatchObject({ from: '2026-01-30', to: '2026-02-28' });
  });

  it('names the dates that cannot be read, and falls back meanwhile', () => {
    expect(
      parsePeriod({ periode: 'dates', du: '2026-02-30', au: 'demain' }, TODAY),
    ).toEqual({
      from: '2026-10-23',
      to: TODAY,
      choice: 'dates',
      errors: {
        du: 'Saisissez une date valide.',
        au: 'Saisissez une date valide.',
      },
    });
  });

  it('reads only real days', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('21/11/2026')).toBe(false);
  });

  it('knows today in Paris, not in UTC', () => {
    expect(parisToday(new Date('2026-11-20T23:30:00Z'))).toBe('2026-11-21');
    expect(parisToday(new Date('2026-07-20T21:59:00Z'))).toBe('2026-07-20');
  });

  it('builds the API query and the export link', () => {
    const period = { from: '2026-11-01', to: '2026-11-05' };
    expect(apiPeriodQuery(period)).toBe('from=2026-11-01&to=2026-11-05');
    expect(apiPeriodQuery(period, { fi: 'impots', other: undefined })).toBe(
      'from=2026-11-01&to=2026-11-05&fi=impots',
    );
    expect(csvHref('/admin/statistiques', period, 'ameli')).toBe(
      '/admin/statistiques/telechargement?du=2026-11-01&au=2026-11-05&fi=ameli',
    );
  });
});

describe('the French formatting of the figures', () => {
  const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

  it('groups thousands and writes shares as percentages', () => {
    expect(spaces(formatCount(1234567))).toBe('1 234 567');
    expect(spaces(formatShare(0.875))).toBe('87,5 %');
    expect(spaces(formatShare(1 / 3))).toBe('33,3 %');
    expect(spaces(countOf(1, 'connexion', 'connexions'))).toBe('1 connexion');
    expect(spaces(countOf(1500, 'connexion', 'connexions'))).toBe(
      '1 500 connexions',
    );
  });

  it('writes days in full, whatever the server’s time zone', () => {
    expect(formatLongDay('2026-11-02')).toBe('lundi 2 novembre 2026');
    expect(formatLongDay('2026-11-01')).toBe('dimanche 1er novembre 2026');
    expect(formatLongDay('2026-11-11')).toBe('mercredi 11 novembre 2026');
    expect(formatPeriod({ from: '2026-11-01', to: '2026-11-05' })).toBe(
      'du 1er novembre 2026 au 5 novembre 2026',
    );
    expect(formatPeriod({ from: '2026-11-01', to: '2026-11-01' })).toBe(
      'le 1er novembre 2026',
    );
  });

  it('gives each identity provider a colour of the DSFR illustrative palette, in turn', () => {
    expect(identityProviderColour(0)).toBe(ILLUSTRATIVE_COLOURS[0]);
    expect(identityProviderColour(ILLUSTRATIVE_COLOURS.length + 1)).toBe(
      ILLUSTRATIVE_COLOURS[1],
    );
  });
});
