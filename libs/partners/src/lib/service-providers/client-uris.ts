import type { FieldError } from '@federation/partners-contracts';

export const MAX_URI_LENGTH = 2_000;
export const MAX_REDIRECT_URIS = 10;
export const MAX_POST_LOGOUT_URIS = 10;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why `value` cannot be given to the core as a redirect, post-logout, connect-page or JWKS URL, in
 * French, or undefined when it can: an absolute `https:` URL (`http:` only on the developer's own
 * machine), without fragment, wildcard or user information, of 2,000 characters at most.
 */
export function uriProblem(value: string): string | undefined {
  if (value.length === 0) return 'Saisissez une adresse.';
  if (value.length > MAX_URI_LENGTH) return 'Cette adresse dépasse 2 000 caractères.';
  if (/\s/.test(value)) return 'Une adresse ne contient pas d’espace.';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Saisissez une adresse complète, par exemple https://service.exemple.fr/callback.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'L’adresse doit commencer par https://.';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname))
    return 'L’adresse doit commencer par https:// (http:// n’est permis que pour localhost, 127.0.0.1 et [::1]).';
  if (value.includes('#')) return 'L’adresse ne doit pas contenir de fragment (#…).';
  if (value.includes('*')) return 'L’adresse ne doit pas contenir de joker (*) : indiquez chaque adresse en entier.';
  if (hasUserInfo(value, url)) return 'L’adresse ne doit pas contenir d’identifiant ni de mot de passe (utilisateur@…).';
  return undefined;
}

/** `https://user:pass@host`, and also `https://@host`, which URL parses to an empty user name. */
function hasUserInfo(value: string, url: URL): boolean {
  if (url.username || url.password) return true;
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  return authority.includes('@');
}

/** The field errors of one list of URIs (`redirectUris.1`, …): each address checked, duplicates named. */
export function uriListErrors(field: string, uris: readonly string[], bounds: { min: number; max: number }): FieldError[] {
  const errors: FieldError[] = [];
  if (uris.length < bounds.min) errors.push({ field, messages: ['Indiquez au moins une adresse.'] });
  if (uris.length > bounds.max) errors.push({ field, messages: [`Indiquez ${bounds.max} adresses au plus.`] });
  const seen = new Set<string>();
  uris.forEach((uri, index) => {
    const problem = uriProblem(uri);
    if (problem) errors.push({ field: `${field}.${index}`, messages: [problem] });
    else if (seen.has(uri)) errors.push({ field: `${field}.${index}`, messages: ['Cette adresse figure déjà dans la liste.'] });
    seen.add(uri);
  });
  return errors;
}

export function uriErrors(field: string, uri: string | null | undefined): FieldError[] {
  if (uri === null || uri === undefined) return [];
  const problem = uriProblem(uri);
  return problem ? [{ field, messages: [problem] }] : [];
}
