import { timingSafeEqual } from 'node:crypto';

import { portalMetrics } from '../../server/metrics';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The portal's metrics in the Prometheus text format, like every service's `/metrics`: process
 * metrics and its calls to partners-api. With METRICS_TOKEN set, only for `Authorization: Bearer <token>`.
 */
export async function GET(request: Request): Promise<Response> {
  const token = process.env['METRICS_TOKEN'];
  if (token) {
    const given = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
    if (!sameToken(given, token))
      return new Response('Unauthorized', { status: 401, headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' } });
  }
  const { registry } = portalMetrics();
  return new Response(await registry.metrics(), { status: 200, headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
