const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
const DATE = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeZone: 'Europe/Paris',
});

/** « 21 novembre 2026 à 06:41 », Paris time whatever the server's zone. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** « 21 novembre 2026 », Paris time. */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}
