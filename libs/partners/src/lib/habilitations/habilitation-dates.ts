const PARIS = 'Europe/Paris';

/** The calendar date (year, month 1-12, day) of an instant in metropolitan France. */
function parisDate(instant: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: PARIS, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/**
 * The date an administration's silence turns into an implicit rejection: two months after the
 * submission, same day of the month (the last day of the month when it has no such day: 31 December → 28/29 February).
 */
export function implicitRejectionDate(submittedAt: Date): { year: number; month: number; day: number } {
  const { year, month, day } = parisDate(submittedAt);
  const target = new Date(Date.UTC(year, month - 1 + 2, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: target.getUTCFullYear(), month: target.getUTCMonth() + 1, day: Math.min(day, lastDay) };
}

/** « 21 janvier 2027 », « 1er mars 2027 ». */
export function frenchLongDate(date: { year: number; month: number; day: number }): string {
  const formatted = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(date.year, date.month - 1, date.day)),
  );
  return date.day === 1 ? formatted.replace(/^1 /, '1er ') : formatted;
}
