import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import { assignRequestId, setMetricsRoute, type HttpMetrics } from '@federation/server';
import type { CheckTokenService } from './checktoken.service';
import { DataProviderAuthentication, InvalidClientError } from './data-provider-authentication';

export const CHECKTOKEN_PATH = '/api/checktoken';
export const INTROSPECTION_JWT_CONTENT_TYPE = 'application/token-introspection+jwt';
const MAX_BODY_BYTES = 16 * 1024;

interface Answer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

const errorAnswer = (status: number, error: string, description: string, headers?: Record<string, string>): Answer => ({
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({ error, error_description: description }),
  headers,
});

class BadRequest extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * `POST /api/checktoken`, served straight from Node's HTTP server, before Express and Nest: it is
 * the hot path of data providers, and their framework layers cost more CPU than the check itself.
 * It keeps what every route has: the request id and the HTTP metrics. Errors follow RFC 6749 and
 * 7662: 401 `invalid_client`, 400 `invalid_request`.
 */
export function createCheckTokenListener(
  authentication: DataProviderAuthentication,
  service: CheckTokenService,
  metrics?: HttpMetrics,
) {
  const logger = new Logger('CheckToken');

  const answer = async (req: IncomingMessage): Promise<Answer> => {
    if (req.method !== 'POST') return errorAnswer(405, 'invalid_request', 'checktoken accepts POST only', { allow: 'POST' });
    let body: Record<string, string>;
    try {
      body = await readParameters(req);
    } catch (error) {
      if (error instanceof BadRequest) return errorAnswer(error.status, 'invalid_request', error.description);
      throw error;
    }
    try {
      const provider = await authentication.authenticate(req.headers.authorization, body);
      const token = body['token'];
      if (typeof token !== 'string' || token.length === 0 || token.length > 512)
        return errorAnswer(400, 'invalid_request', 'token is required');
      const result = await service.check(provider, token);
      if (!result.active) logger.log({ dataProvider: provider.row.slug, reason: result.reason }, 'token inactive');
      return { status: 200, contentType: INTROSPECTION_JWT_CONTENT_TYPE, body: result.body };
    } catch (failure) {
      if (!(failure instanceof InvalidClientError)) throw failure;
      logger.warn({ reason: failure.reason }, 'data provider authentication refused');
      return errorAnswer(401, 'invalid_client', 'client authentication failed', {
        'www-authenticate': 'Basic realm="checktoken"',
      });
    }
  };

  return (req: IncomingMessage, res: ServerResponse): void => {
    assignRequestId(req, res);
    setMetricsRoute(req, CHECKTOKEN_PATH);
    metrics?.middleware(req, res, () => undefined);
    answer(req).then(
      (result) => send(res, result),
      (error: unknown) => {
        logger.error({ reason: error instanceof Error ? error.message : String(error) }, 'checktoken failed');
        send(res, errorAnswer(503, 'temporarily_unavailable', 'checktoken is temporarily unavailable'));
      },
    );
  };
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.headersSent) return;
  res.statusCode = answer.status;
  res.setHeader('cache-control', 'no-store');
  // The media type goes out exactly as RFC 9701 names it (no charset).
  res.setHeader('content-type', answer.contentType);
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  res.end(answer.body);
}

/** The form (or JSON) parameters of the request; a repeated parameter is refused (RFC 6749 3.1). */
async function readParameters(req: IncomingMessage): Promise<Record<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json')
    throw new BadRequest(400, 'the body must be application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest(413, 'the body is too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new BadRequest(400, 'the body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadRequest(400, 'the body must be an object');
    const out = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') out[key] = value;
    return out;
  }
  const out = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(out, key)) throw new BadRequest(400, `parameter ${key} is repeated`);
    out[key] = value;
  }
  return out;
}
