import 'server-only';

import { fetchApiFile } from '../../server/partners-api';
import { isDay } from './statistics-format';

/**
 * The CSV export of a statistics page, fetched by the portal from partners-api with the user's
 * session and streamed back as it comes (`?du&au[&fi]` of the page's link).
 */
export async function streamStatisticsCsv(
  request: Request,
  apiPath: string,
  returnTo: string,
): Promise<Response> {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const du = url.searchParams.get('du') ?? '';
  const au = url.searchParams.get('au') ?? '';
  const fi = url.searchParams.get('fi') ?? '';
  if (du) params.set('from', du);
  if (au) params.set('to', au);
  if (fi) params.set('fi', fi);
  if ((du && !isDay(du)) || (au && !isDay(au)))
    return text(400, 'Période invalide : les dates s’écrivent AAAA-MM-JJ.');
  const query = params.toString();
  const upstream = await fetchApiFile(`${apiPath}${query ? `?${query}` : ''}`);
  if (!upstream)
    return text(
      503,
      'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    );
  if (upstream.status === 401)
    return Response.redirect(
      new URL(`/connexion?retour=${encodeURIComponent(returnTo)}`, url),
      303,
    );
  if (!upstream.ok) {
    const body = (await upstream.json().catch(() => undefined)) as
      | { message?: string }
      | undefined;
    return text(
      upstream.status,
      body?.message ?? 'Le fichier n’a pas pu être produit.',
    );
  }
  const headers = new Headers({
    'content-type':
      upstream.headers.get('content-type') ?? 'text/csv; charset=utf-8',
    'cache-control': 'private, no-store',
  });
  const disposition = upstream.headers.get('content-disposition');
  if (disposition) headers.set('content-disposition', disposition);
  return new Response(upstream.body, { status: 200, headers });
}

function text(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    },
  });
}
