/**
 * Webmail providers open to anyone: sharing one of these domains proves nothing about belonging to
 * an organisation, so they never let someone join without moderation (join case 2).
 */
export const FREE_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.fr',
  'yahoo.com',
  'ymail.com',
  'hotmail.fr',
  'hotmail.com',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'live.com',
  'msn.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'club-internet.fr',
  'numericable.fr',
  'laposte.net',
  'aol.com',
  'aol.fr',
  'icloud.com',
  'me.com',
  'mac.com',
  'gmx.fr',
  'gmx.com',
  'gmx.net',
  'bbox.fr',
  'protonmail.com',
  'protonmail.ch',
  'proton.me',
  'pm.me',
  'tutanota.com',
  'mail.com',
  'yandex.com',
  'zoho.com',
]);

export function isFreeEmailDomain(domain: string): boolean {
  return FREE_EMAIL_DOMAINS.has(domain.toLowerCase());
}
