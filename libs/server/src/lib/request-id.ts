import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What an incoming `x-request-id` may be to be kept: short, no spaces, no markup, no separators. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The incoming request id if it is sane, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header)
    ? header
    : randomUUID();
}

type RequestWithId = IncomingMessage & { id?: unknown };

/**
 * Gives the request its id (`req.id`, read by pino-http) and echoes it in the response's
 * `x-request-id`. Installed first by `bootstrapService` so that requests answered before Nest's
 * router (oidc-provider in the core) carry one too; idempotent.
 */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const existing = (req as RequestWithId).id;
  if (typeof existing === 'string') return existing;
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  (req as RequestWithId).id = id;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

export function requestIdMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  assignRequestId(req, res);
  next();
}

/** The id of the request being served (for jobs produced inside it), if it has one. */
export function requestIdOf(req: unknown): string | undefined {
  const id = (req as RequestWithId | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Runs the rest of the request (guards, handler, what it awaits) with its id available to
 * `currentRequestId()`: installed as a Nest middleware, after the body parsers, by `createLoggerModule`.
 */
export function requestContextMiddleware(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
): void {
  requestContext.run({ requestId: assignRequestId(req, res) }, next);
}

/** Runs `fn` as if inside the request `requestId` (tests, or work continuing a request elsewhere). */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

/** The id of the request being served, for work it hands over (jobs); undefined outside a request. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
