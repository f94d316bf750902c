import { formatDate, formatDateTime, formatLevel, formatTime } from './format';

describe('dates shown to the citizen', () => {
  it('are in Paris summer time (UTC+2) in July', () => {
    expect(formatDateTime(new Date('2026-07-14T10:05:00Z'))).toBe(
      '14 juillet 2026 à 12:05',
    );
  });

  it('are in Paris winter time (UTC+1) in November, the day changing at midnight Paris time', () => {
    expect(formatDateTime(new Date('2026-11-21T10:34:00Z'))).toBe(
      '21 novembre 2026 à 11:34',
    );
    expect(formatDate(new Date('2026-11-21T23:30:00Z'))).toBe(
      '22 novembre 2026',
    );
    expect(formatTime(new Date('2026-11-21T23:30:00Z'))).toBe('00:30');
  });
});

describe('levels shown to the citizen', () => {
  it('use the French names of the eIDAS levels', () => {
    expect(formatLevel('eidas1')).toBe('Faible (eidas1)');
    expect(formatLevel('eidas3')).toBe('Élevé (eidas3)');
    expect(formatLevel('autre')).toBe('autre');
  });
});
