import type { Response } from 'express';
import type { PartnersOptions } from '../partners.options';
import type { OpenSession } from '../common/session.store';

/** TOTP-pending sessions live 5 minutes in Redis (see SessionStore): the cookie no longer. */
const TOTP_PENDING_COOKIE_SECONDS = 5 * 60;

/** The session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS. */
export function setSessionCookie(
  response: Response,
  options: PartnersOptions,
  session: OpenSession,
): void {
  const seconds =
    session.stage === 'totp_pending'
      ? TOTP_PENDING_COOKIE_SECONDS
      : options.session.absoluteTtlSeconds;
  response.cookie(options.session.cookieName, session.token, {
    ...cookieAttributes(options),
    maxAge: seconds * 1000,
  });
}

export function clearSessionCookie(
  response: Response,
  options: PartnersOptions,
): void {
  response.cookie(options.session.cookieName, '', {
    ...cookieAttributes(options),
    maxAge: 0,
  });
}

function cookieAttributes(options: PartnersOptions) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: options.session.secureCookie,
  };
}
