import 'server-only';

/** The portal's configuration: the one place that reads process.env (server side only). */
export function portalConfig() {
  const partnersApiUrl = process.env['PARTNERS_API_URL'] ?? 'http://127.0.0.1:4300';
  return {
    partnersApiUrl: partnersApiUrl.replace(/\/$/, ''),
    /** Name of partners-api's session cookie, relayed as is (same value as its SESSION_COOKIE_NAME). */
    sessionCookieName: process.env['SESSION_COOKIE_NAME'] ?? 'ep_session',
  };
}
