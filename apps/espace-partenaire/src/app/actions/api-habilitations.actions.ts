'use server';

import type { ApiHabilitationRequestView } from '@federation/partners-contracts';
import { redirect } from 'next/navigation';

import type { AdminFormState } from '../../components/admin/form-state';
import {
  adminApiRequestPath,
  API_SECTION_ANCHOR,
  apiRequestFieldErrors,
  newApiRequestPath,
  SCOPES_SEPARATOR,
} from '../../components/api-habilitations/api-request-labels';
import { isWellFormedId } from '../../components/habilitations/habilitation-steps';
import type { ServiceProviderFormState } from '../../components/service-providers/form-state';
import { callApi, getSession } from '../../server/partners-api';

/**
 * The mutations of the « API FranceConnectée » requests: filed by a member of the organisation,
 * decided by a platform admin. Each is a form action that also works without JavaScript; partners-api
 * gets the session's CSRF token through `callApi`.
 */

const UNKNOWN_TARGET = 'Cet élément n’existe pas ou plus : rechargez la page.';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** « Envoyer la demande d’API FranceConnectée », then back to the habilitation's list of requests. */
export async function createApiRequestAction(
  habilitationId: string,
  _previous: ServiceProviderFormState,
  formData: FormData,
): Promise<ServiceProviderFormState> {
  if (!isWellFormedId(habilitationId))
    return { status: 'error', message: UNKNOWN_TARGET, at: Date.now() };
  const scopes = formData
    .getAll('scopes')
    .filter((value): value is string => typeof value === 'string');
  const values = {
    dataProviderSlug: text(formData, 'dataProviderSlug'),
    scopes: scopes.join(SCOPES_SEPARATOR),
    justification: text(formData, 'justification'),
  };
  const result = await callApi<ApiHabilitationRequestView>(
    'POST',
    `/api/habilitations/${habilitationId}/api-requests`,
    {
      dataProviderSlug: values.dataProviderSlug,
      scopes,
      justification: values.justification.trim(),
    },
  );
  if (!result.ok) {
    if (result.status === 401)
      redirect(
        `/connexion?retour=${encodeURIComponent(newApiRequestPath(habilitationId))}`,
      );
    return {
      status: 'error',
      message: result.status === 404 ? UNKNOWN_TARGET : result.error.message,
      fieldErrors: apiRequestFieldErrors(result.error.errors),
      values,
      at: Date.now(),
    };
  }
  redirect(
    `/habilitations/${habilitationId}?api=envoyee#${API_SECTION_ANCHOR}`,
  );
}

/** « Valider » (optional message) or « Refuser » (message required) a request, by a platform admin. */
export async function decideApiRequestAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'apiRequestId');
  const decision = text(formData, 'decision');
  const message = text(formData, 'message');
  const values = { message };
  if (!isWellFormedId(id) || (decision !== 'validate' && decision !== 'refuse'))
    return { error: UNKNOWN_TARGET, values };
  if ((await getSession())?.account.isPlatformAdmin !== true)
    return {
      error:
        'Cette action est réservée aux administrateurs de la plateforme. Reconnectez-vous.',
    };
  if (decision === 'refuse' && message.trim() === '') {
    return {
      error: 'Le refus n’a pas été enregistré : indiquez son motif.',
      fieldErrors: {
        message: 'Indiquez le motif du refus : il est montré au demandeur.',
      },
      values,
    };
  }
  const body =
    decision === 'validate' && message.trim() === ''
      ? {}
      : { message: message.trim() };
  const result = await callApi<ApiHabilitationRequestView>(
    'POST',
    `/api/admin/api-requests/${id}/${decision}`,
    body,
  );
  if (!result.ok)
    return {
      error: result.status === 404 ? UNKNOWN_TARGET : result.error.message,
      fieldErrors: apiRequestFieldErrors(result.error.errors),
      values,
    };
  redirect(`${adminApiRequestPath(id)}?resultat=${decision}`);
}
