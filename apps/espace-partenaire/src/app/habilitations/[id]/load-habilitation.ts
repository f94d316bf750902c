import 'server-only';

import type { HabilitationView } from '@federation/partners-contracts';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

import { isWellFormedId } from '../../../components/habilitations/habilitation-steps';
import { requireSession } from '../../../server/auth';
import { callApi, type ApiResult } from '../../../server/partners-api';

/** One call to partners-api per request, shared by the page and its metadata. */
export const fetchHabilitation = cache(
  async (id: string): Promise<ApiResult<HabilitationView> | undefined> =>
    isWellFormedId(id)
      ? callApi<HabilitationView>('GET', `/api/habilitations/${id}`)
      : undefined,
);

/**
 * The request the page is about, for a signed-in member of its organisation. Anything else (unknown
 * id, another organisation's request: partners-api answers 404 for both) is the « introuvable » page.
 */
export async function loadHabilitation(
  id: string,
  returnTo: string,
): Promise<HabilitationView> {
  await requireSession(returnTo);
  const result = await fetchHabilitation(id);
  if (!result) notFound();
  if (result.ok) return result.data;
  if (result.status === 401)
    redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  if ([400, 403, 404].includes(result.status)) notFound();
  throw new Error(
    `partners-api answered ${result.status} (${result.error.code}) for a habilitation request`,
  );
}
