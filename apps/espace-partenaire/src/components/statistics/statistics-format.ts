/*
 * The pure parts of the statistics pages: the period asked for in the URL (a GET form that works
 * without JavaScript), the French formatting of the figures and the DSFR colours of the charts.
 */

const PARIS = 'Europe/Paris';

/** The periods of the selector, in days up to today. */
export const PERIOD_PRESETS = [7, 30, 90, 365] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PRESET: PeriodPreset = 30;
/** The value of the selector for « the dates below ». */
export const CUSTOM_PERIOD = 'dates';

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  7: '7 derniers jours',
  30: '30 derniers jours',
  90: '90 derniers jours',
  365: '365 derniers jours',
};

export interface PeriodSelection {
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The preset chosen, or `dates` for dates typed in. */
  choice: PeriodPreset | typeof CUSTOM_PERIOD;
  /** Messages for the date fields typed in, when they cannot be read. */
  errors: { du?: string; au?: string };
}

type SearchParams = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
  );
}

/** Today in Paris, YYYY-MM-DD. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: PARIS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The period of the page's URL: `periode` = 7, 30, 90 or 365 (days up to today), or `dates` with
 * `du` and `au` (YYYY-MM-DD; a missing end is today, a missing start 30 days before the end). Dates
 * typed without choosing `dates` count too; nothing is the last 30 days. Order and length are
 * checked by partners-api, whose messages the page shows.
 */
export function parsePeriod(
  searchParams: SearchParams,
  today: string = parisToday(),
): PeriodSelection {
  const periode = single(searchParams['periode']);
  const du = single(searchParams['du']);
  const au = single(searchParams['au']);
  const preset = PERIOD_PRESETS.find((days) => String(days) === periode);
  if (preset || (periode !== CUSTOM_PERIOD && !du && !au)) {
    const days = preset ?? DEFAULT_PRESET;
    return {
      from: addDays(today, -(days - 1)),
      to: today,
      choice: days,
      errors: {},
    };
  }
  const errors: PeriodSelection['errors'] = {};
  if (du && !isDay(du)) errors.du = 'Saisissez une date valide.';
  if (au && !isDay(au)) errors.au = 'Saisissez une date valide.';
  const to = au && !errors.au ? au : today;
  const from = du && !errors.du ? du : addDays(to, -(DEFAULT_PRESET - 1));
  return { from, to, choice: CUSTOM_PERIOD, errors };
}

/** The query of partners-api for a period. */
export function apiPeriodQuery(
  period: { from: string; to: string },
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  for (const [key, value] of Object.entries(extra))
    if (value) params.set(key, value);
  return params.toString();
}

/** The link of the CSV export, through the portal (`…/telechargement?du&au[&fi]`). */
export function csvHref(
  base: string,
  period: { from: string; to: string },
  fi?: string,
): string {
  const params = new URLSearchParams({ du: period.from, au: period.to });
  if (fi) params.set('fi', fi);
  return `${base}/telechargement?${params.toString()}`;
}

const NUMBER = new Intl.NumberFormat('fr-FR');
const PERCENT = new Intl.NumberFormat('fr-FR', {
  style: 'percent',
  maximumFractionDigits: 1,
});
const LONG_DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DAY_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const SHORT_DAY = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: '2-digit',
  month: '2-digit',
});

const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** « 1 234 » (French grouping). */
export function formatCount(count: number): string {
  return NUMBER.format(count);
}

/** « 87,5 % » */
export function formatShare(share: number): string {
  return PERCENT.format(share);
}

/** « 1er novembre », as French writes the first day of a month. */
const first = (text: string) => text.replace(/(^|\s)1 /, '$11er ');

/** « lundi 2 novembre 2026 », « dimanche 1er novembre 2026 » */
export function formatLongDay(day: string): string {
  return first(LONG_DAY.format(utc(day)));
}

/** « 2 novembre 2026 », « 1er novembre 2026 » */
export function formatDay(day: string): string {
  return first(DAY_DATE.format(utc(day)));
}

/** « 02/11 », the chart's axis. */
export function formatShortDay(day: string): string {
  return SHORT_DAY.format(utc(day));
}

/** « du 1er novembre 2026 au 5 novembre 2026 », or « le 1er novembre 2026 ». */
export function formatPeriod(period: { from: string; to: string }): string {
  return period.from === period.to
    ? `le ${formatDay(period.from)}`
    : `du ${formatDay(period.from)} au ${formatDay(period.to)}`;
}

/** « 1 connexion », « 12 connexions » */
export function countOf(count: number, singular: string, pluralForm: string) {
  return `${formatCount(count)} ${count > 1 ? pluralForm : singular}`;
}

export const ENVIRONMENT_LABELS = {
  sandbox: 'Bac à sable',
  production: 'Production',
} as const;

/** DSFR colours: blue France for logins, red Marianne for failures. */
export const LOGINS_COLOUR = '#000091';
export const FAILURES_COLOUR = '#c9191e';

/** The DSFR « illustrative » palette (main 425 tints), one per identity provider in turn. */
export const ILLUSTRATIVE_COLOURS = [
  '#417dc4', // bleu cumulus
  '#68a532', // vert bourgeon
  '#e4794a', // orange terre battue
  '#a558a0', // violet glycine
  '#009081', // vert menthe
  '#c3992a', // jaune moutarde
  '#ce614a', // rose tuile
  '#465f9d', // bleu écume
  '#00a95f', // vert émeraude
  '#c08c65', // marron caramel
  '#b7a73f', // vert tilleul verveine
  '#e18b76', // rose macaron
] as const;

export function identityProviderColour(index: number): string {
  return ILLUSTRATIVE_COLOURS[index % ILLUSTRATIVE_COLOURS.length] as string;
}
