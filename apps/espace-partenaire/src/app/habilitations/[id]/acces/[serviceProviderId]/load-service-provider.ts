import 'server-only';

import type { IntegrationReportView, ServiceProviderView } from '@federation/partners-contracts';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';

import { isWellFormedId } from '../../../../../components/habilitations/habilitation-steps';
import { callApi, type ApiResult } from '../../../../../server/partners-api';

/** One call to partners-api per request, shared by the page and its metadata. */
export const fetchServiceProvider = cache(
  async (id: string): Promise<ApiResult<ServiceProviderView> | undefined> =>
    isWellFormedId(id)
      ? callApi<ServiceProviderView>('GET', `/api/service-providers/${id}`)
      : undefined,
);

/**
 * The client the page is about, if it belongs to the habilitation of the URL and the signed-in
 * account is a member of its organisation (partners-api answers 404 otherwise): else « introuvable ».
 */
export async function loadServiceProvider(
  habilitationId: string,
  id: string,
  returnTo: string,
): Promise<ServiceProviderView> {
  const result = await fetchServiceProvider(id);
  if (!result) notFound();
  if (!result.ok) {
    if (result.status === 401)
      redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
    if ([400, 403, 404].includes(result.status)) notFound();
    throw new Error(
      `partners-api answered ${result.status} (${result.error.code}) for a service provider`,
    );
  }
  if (result.data.habilitationId !== habilitationId) notFound();
  return result.data;
}

/** The integration checklist of a client (already checked to be the member's), or null if unavailable. */
export async function loadIntegrationReport(id: string): Promise<IntegrationReportView | null> {
  const result = await callApi<IntegrationReportView>('GET', `/api/service-providers/${id}/integration`);
  return result.ok ? result.data : null;
}
