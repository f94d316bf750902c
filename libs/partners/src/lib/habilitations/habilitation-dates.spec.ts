import { frenchLongDate, implicitRejectionDate } from './habilitation-dates';

describe('implicit rejection date (two months after the submission)', () => {
  it.each([
    ['2026-11-21T10:00:00Z', '21 janvier 2027'],
    ['2026-03-15T08:30:00Z', '15 mai 2026'],
    ['2026-12-31T12:00:00Z', '28 février 2027'],
    ['2027-12-31T12:00:00Z', '29 février 2028'],
    ['2026-06-01T09:00:00Z', '1er août 2026'],
  ])('for a submission at %s it is « %s »', (submittedAt, expected) => {
    expect(frenchLongDate(implicitRejectionDate(new Date(submittedAt)))).toBe(expected);
  });

  it('counts from the day in Paris, not in UTC (23:30 UTC on 31 March is already 1 April in Paris)', () => {
    expect(frenchLongDate(implicitRejectionDate(new Date('2026-03-31T23:30:00Z')))).toBe('1er juin 2026');
  });
});
