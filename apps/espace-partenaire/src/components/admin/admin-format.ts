/** Dates and numbers as a French instructor reads them (Paris time, whatever the server's zone). */

const PARIS = 'Europe/Paris';

const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  dateStyle: 'long',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  dateStyle: 'long',
});

/** « 21 novembre 2026 à 06:41 » */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** « 21 novembre 2026 » */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** « 216 901 231 00011 »: SIREN in groups of three, then the NIC. */
export function formatSiret(siret: string): string {
  if (!/^\d{14}$/.test(siret)) return siret;
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/** « 1 demande », « 12 demandes » */
export function plural(
  count: number,
  singular: string,
  pluralForm: string,
): string {
  return `${count.toLocaleString('fr-FR')} ${count > 1 ? pluralForm : singular}`;
}
