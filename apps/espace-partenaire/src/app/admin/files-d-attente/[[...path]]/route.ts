import { QUEUE_DASHBOARD_PORTAL_PATH } from '@federation/partners-contracts';
import { cookies } from 'next/headers';

import { portalConfig } from '../../../../server/config';

export const dynamic = 'force-dynamic';

const PASSED_HEADERS = ['content-type', 'cache-control', 'etag', 'last-modified'];

function frenchPage(status: number, title: string, text: string): Response {
  return new Response(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title} — Espace Partenaire</title></head>` +
      `<body><main><h1>${title}</h1><p>${text}</p><p><a href="/admin/habilitations">Retour à l’administration</a></p></main></body></html>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

/**
 * Relays partners-api's read-only queue dashboard (Bull Board) to platform admins: pages, assets and
 * its JSON API, with the browser's session cookie (partners-api checks that it is a platform admin's).
 * GET only: the dashboard is read-only, and nothing else is relayed.
 */
export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }): Promise<Response> {
  const { partnersApiUrl, sessionCookieName } = portalConfig();
  const { path = [] } = await params;
  const session = (await cookies()).get(sessionCookieName)?.value;
  if (!session) return Response.redirect(new URL(`/connexion?retour=${encodeURIComponent(QUEUE_DASHBOARD_PORTAL_PATH)}`, request.url), 303);
  const search = new URL(request.url).search;
  const target = `${partnersApiUrl}/api/admin/queues${path.map((segment) => `/${encodeURIComponent(segment)}`).join('')}${search}`;
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      headers: { cookie: `${sessionCookieName}=${session}`, accept: request.headers.get('accept') ?? '*/*' },
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch {
    return frenchPage(503, 'Service momentanément indisponible', 'Le tableau des files d’attente ne répond pas. Réessayez dans quelques instants.');
  }
  if (upstream.status === 401)
    return Response.redirect(new URL(`/connexion?retour=${encodeURIComponent(QUEUE_DASHBOARD_PORTAL_PATH)}`, request.url), 303);
  if (upstream.status === 403)
    return frenchPage(403, 'Accès réservé', 'Le tableau des files d’attente est réservé aux administrateurs de la plateforme.');
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}
