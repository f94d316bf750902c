import 'server-only';

import type { ApiErrorBody, FieldError, SessionView } from '@federation/partners-contracts';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';

import { portalConfig } from './config';
import { portalMetrics } from './metrics';

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiErrorBody };

const UNREACHABLE: ApiErrorBody = {
  statusCode: 503,
  code: 'PORTAL-503',
  message: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
};

const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The request id sent to partners-api as `x-request-id` (its logs then carry it): the incoming one
 * when a proxy set a sane one, else one fresh id per portal request, shared by all its API calls.
 */
const portalRequestId = cache(async (): Promise<string> => {
  const incoming = (await headers()).get('x-request-id');
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : globalThis.crypto.randomUUID();
});

/**
 * The portal's only way to partners-api, from server components and server actions: forwards the
 * session cookie of the browser, the CSRF token of its session on state-changing calls, the
 * client's IP (rate limits) and the request id, and relays the cookies partners-api sets (login, logout).
 */
export async function callApi<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  const { partnersApiUrl, sessionCookieName } = portalConfig();
  const cookieStore = await cookies();
  const requestHeaders = await headers();
  const sessionCookie = cookieStore.get(sessionCookieName)?.value;
  const outgoing: Record<string, string> = { accept: 'application/json', 'x-request-id': await portalRequestId() };
  if (sessionCookie) outgoing['cookie'] = `${sessionCookieName}=${sessionCookie}`;
  if (body !== undefined) outgoing['content-type'] = 'application/json';
  const clientIp = requestHeaders.get('x-forwarded-for')?.split(',')[0]?.trim() ?? requestHeaders.get('x-real-ip');
  if (clientIp) outgoing['x-forwarded-for'] = clientIp;
  if (method !== 'GET' && sessionCookie) {
    const session = await getSession();
    if (session) outgoing['x-csrf-token'] = session.csrfToken;
  }
  let response: Response;
  const timer = portalMetrics().apiCalls.startTimer({ method });
  try {
    response = await fetch(`${partnersApiUrl}${path}`, {
      method,
      headers: outgoing,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    timer({ status_code: '0' });
    return { ok: false, status: 503, error: UNREACHABLE };
  }
  timer({ status_code: String(response.status) });
  await relayCookies(response, sessionCookieName);
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (response.ok) return { ok: true, status: response.status, data: parsed as T };
  const error = isApiError(parsed) ? parsed : { ...UNREACHABLE, statusCode: response.status };
  return { ok: false, status: response.status, error };
}

/**
 * A file of partners-api (the statistics' CSV exports) for a route handler to stream back to the
 * browser: the raw answer of a GET made with the browser's session, or null when partners-api does
 * not answer. partners-api itself is never exposed to the browser.
 */
export async function fetchApiFile(path: string): Promise<Response | null> {
  const { partnersApiUrl, sessionCookieName } = portalConfig();
  const sessionCookie = (await cookies()).get(sessionCookieName)?.value;
  const outgoing: Record<string, string> = { accept: 'text/csv', 'x-request-id': await portalRequestId() };
  if (sessionCookie) outgoing['cookie'] = `${sessionCookieName}=${sessionCookie}`;
  try {
    return await fetch(`${partnersApiUrl}${path}`, { headers: outgoing, cache: 'no-store' });
  } catch {
    return null;
  }
}

/** The signed-in account of this request (one call to partners-api per request), or null. */
export const getSession = cache(async (): Promise<SessionView | null> => {
  const { partnersApiUrl, sessionCookieName } = portalConfig();
  const sessionCookie = (await cookies()).get(sessionCookieName)?.value;
  if (!sessionCookie) return null;
  try {
    const response = await fetch(`${partnersApiUrl}/api/auth/session`, {
      headers: { cookie: `${sessionCookieName}=${sessionCookie}`, accept: 'application/json', 'x-request-id': await portalRequestId() },
      cache: 'no-store',
    });
    return response.ok ? ((await response.json()) as SessionView) : null;
  } catch {
    return null;
  }
});

/** Field errors of an API answer as `{ field: firstMessage }`, for the inputs' `state`/`stateRelatedMessage`. */
export function fieldErrors(errors: FieldError[] | undefined): Record<string, string> {
  return Object.fromEntries((errors ?? []).map((error) => [error.field, error.messages.join(' ')]));
}

async function relayCookies(response: Response, sessionCookieName: string): Promise<void> {
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length === 0) return;
  let cookieStore: Awaited<ReturnType<typeof cookies>>;
  try {
    cookieStore = await cookies();
  } catch {
    return;
  }
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    if (name !== sessionCookieName) continue;
    const value = decodeURIComponent(pair.slice(pair.indexOf('=') + 1));
    const attribute = (key: string) => attributes.find((item) => item.toLowerCase().startsWith(key))?.split('=')[1];
    const maxAge = attribute('max-age');
    try {
      // Only server actions and route handlers may set cookies; elsewhere this throws and is ignored.
      cookieStore.set(name, value, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: attributes.some((item) => item.toLowerCase() === 'secure'),
        ...(maxAge !== undefined ? { maxAge: Number(maxAge) } : {}),
      });
    } catch {
      return;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isApiError(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}
