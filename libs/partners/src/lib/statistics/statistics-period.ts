import { PeriodReversedError, PeriodTooLongError } from './statistics.errors';

/** The statistics' days are Paris days (as the worker counts them). */
export const STATISTICS_TIME_ZONE = 'Europe/Paris';
export const DEFAULT_PERIOD_DAYS = 30;
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  /** YYYY-MM-DD, both ends included. */
  from: string;
  to: string;
}

/** Today's date in Paris, YYYY-MM-DD. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: STATISTICS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Number of days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every day of the period, oldest first. */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The period asked for (dates already checked as real YYYY-MM-DD): `to` defaults to today in Paris,
 * `from` to the 30 days ending on `to`. A reversed period or one longer than 366 days is refused.
 */
export function resolvePeriod(query: { from?: string; to?: string }, now: Date = new Date()): Period {
  const to = query.to ?? parisToday(now);
  const from = query.from ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw new PeriodReversedError();
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) throw new PeriodTooLongError(MAX_PERIOD_DAYS);
  return { from, to };
}
