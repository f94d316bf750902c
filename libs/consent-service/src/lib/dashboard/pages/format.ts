import { EIDAS_LABELS, isEidasLevel } from '@federation/identity';

/** Citizens read times in France's legal time. */
const TIME_ZONE = 'Europe/Paris';

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  dateStyle: 'long',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  dateStyle: 'long',
});
const timeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  timeStyle: 'short',
});

/** « 14 juillet 2026 à 12:05 » (Paris time). */
export const formatDateTime = (date: Date): string =>
  dateTimeFormat.format(date);

/** « 14 juillet 2026 » (Paris time). */
export const formatDate = (date: Date): string => dateFormat.format(date);

/** « 12:05 » (Paris time). */
export const formatTime = (date: Date): string => timeFormat.format(date);

/** « Substantiel (eidas2) »; an unknown value is shown as it is. */
export function formatLevel(acr: string): string {
  return isEidasLevel(acr) ? `${EIDAS_LABELS[acr]} (${acr})` : acr;
}
