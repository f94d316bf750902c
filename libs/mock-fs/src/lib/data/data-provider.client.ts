import { currentRequestId, REQUEST_ID_HEADER } from '@federation/server';

/** What the data provider answered to a call with the stored access token. */
export type DataProviderOutcome =
  | { kind: 'data'; data: Record<string, unknown> }
  /** 401: the token is no longer accepted (consent withdrawn, expired). */
  | { kind: 'token-refused' }
  /** 403: the token lacks the endpoint's scope. */
  | { kind: 'insufficient-scope' }
  /** 503, or the data provider does not answer. */
  | { kind: 'unavailable' }
  /** Any other answer: its status, and the French message of the data provider if any. */
  | { kind: 'failed'; status: number; message?: string };

/**
 * Calls the data provider's endpoint as an FS does: `Authorization: Bearer <access token>`.
 * Neither the token nor the answer is logged.
 */
export async function callDataProvider(endpoint: string, accessToken: string, timeoutSeconds: number): Promise<DataProviderOutcome> {
  const requestId = currentRequestId();
  let response: Response;
  try {
    response = await fetch(endpoint, {
      headers: {
        authorization: `Bearer ${accessToken}`,
        accept: 'application/json',
        ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
      },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutSeconds * 1000),
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status === 401) return { kind: 'token-refused' };
  if (response.status === 403) return { kind: 'insufficient-scope' };
  if (response.status === 503) return { kind: 'unavailable' };
  const body = await response.json().catch(() => undefined);
  if (response.status === 200 && isRecord(body)) return { kind: 'data', data: body };
  const message = isRecord(body) && typeof body['message'] === 'string' ? body['message'].slice(0, 300) : undefined;
  return { kind: 'failed', status: response.status, ...(message ? { message } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
