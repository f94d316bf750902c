'use server';

import type { ApiErrorBody } from '@federation/partners-contracts';
import { redirect } from 'next/navigation';

import type { AdminFormState } from '../../components/admin/form-state';
import { callApi, fieldErrors, getSession } from '../../server/partners-api';

/**
 * The instructors' mutations (platform admins): decisions on habilitation requests, messages,
 * moderation of memberships, vendors. Each is a form action: a success redirects to the page with a
 * `resultat` the page announces; an error comes back as the form's state.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DECISION_PATHS = {
  request_changes: 'request-changes',
  validate: 'validate',
  refuse: 'refuse',
  revoke: 'revoke',
} as const;
type Decision = keyof typeof DECISION_PATHS;

const NOT_ADMIN: AdminFormState = {
  error:
    'Cette action est réservée aux administrateurs de la plateforme. Reconnectez-vous.',
};
const UNKNOWN_TARGET = 'Cet élément n’existe pas ou plus : rechargez la page.';

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

async function isPlatformAdmin(): Promise<boolean> {
  return (await getSession())?.account.isPlatformAdmin === true;
}

/** The API's refusal as the form's state (form fields are named like the API's body fields). */
function refusal(
  error: ApiErrorBody,
  status: number,
  values: Record<string, string>,
): AdminFormState {
  return {
    error: status === 404 ? UNKNOWN_TARGET : error.message,
    fieldErrors: fieldErrors(error.errors),
    values,
  };
}

/** Ask for changes, validate, refuse or revoke a habilitation request, with the message to the applicant. */
export async function decideHabilitationAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'habilitationId');
  const decision = text(formData, 'decision') as Decision;
  const message = text(formData, 'message');
  const values = { message };
  if (!UUID.test(id) || !(decision in DECISION_PATHS))
    return { error: UNKNOWN_TARGET, values };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  if (decision === 'revoke' && formData.get('confirm') !== 'on') {
    return {
      error: 'Confirmez la révocation avant de l’envoyer.',
      fieldErrors: {
        confirm:
          'Cochez la case pour confirmer que le service ne pourra plus utiliser FranceConnect.',
      },
      values,
    };
  }
  const body =
    decision === 'validate' && message.trim() === '' ? {} : { message };
  const result = await callApi(
    'POST',
    `/api/admin/habilitations/${id}/${DECISION_PATHS[decision]}`,
    body,
  );
  if (!result.ok) return refusal(result.error, result.status, values);
  redirect(`/admin/habilitations/${id}?resultat=${decision}`);
}

/** A message to the applicants in the request's thread (they are told by e-mail). */
export async function postHabilitationMessageAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'habilitationId');
  const body = text(formData, 'body');
  const values = { body };
  if (!UUID.test(id)) return { error: UNKNOWN_TARGET, values };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const result = await callApi(
    'POST',
    `/api/admin/habilitations/${id}/messages`,
    { body },
  );
  if (!result.ok) return refusal(result.error, result.status, values);
  redirect(`/admin/habilitations/${id}?resultat=message`);
}

/** The pending member joins the organisation (told by e-mail). */
export async function acceptMembershipAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'membershipId');
  if (!UUID.test(id)) return { error: UNKNOWN_TARGET };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const result = await callApi('POST', `/api/admin/memberships/${id}/accept`);
  if (!result.ok) return refusal(result.error, result.status, {});
  redirect('/admin/moderation?resultat=acceptee');
}

/** The pending membership is refused; the reason is e-mailed and shown in the person's space. */
export async function rejectMembershipAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'membershipId');
  const reason = text(formData, 'reason');
  const values = { reason };
  if (!UUID.test(id)) return { error: UNKNOWN_TARGET, values };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const result = await callApi('POST', `/api/admin/memberships/${id}/reject`, {
    reason,
  });
  if (!result.ok) return refusal(result.error, result.status, values);
  redirect('/admin/moderation?resultat=refusee');
}

/** A new partner software vendor, offered to applicants at once. */
export async function createVendorAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const name = text(formData, 'name');
  const siret = text(formData, 'siret').trim();
  const values = { name, siret };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const result = await callApi(
    'POST',
    '/api/admin/vendors',
    siret ? { name, siret } : { name },
  );
  if (!result.ok) return refusal(result.error, result.status, values);
  redirect('/admin/editeurs?resultat=ajoute');
}

/** Renames a vendor or changes its SIRET (an empty SIRET removes it). */
export async function updateVendorAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'vendorId');
  const name = text(formData, 'name');
  const siret = text(formData, 'siret').trim();
  const values = { name, siret };
  if (!UUID.test(id)) return { error: UNKNOWN_TARGET, values };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const result = await callApi('PATCH', `/api/admin/vendors/${id}`, {
    name,
    siret: siret || null,
  });
  if (!result.ok) return refusal(result.error, result.status, values);
  redirect('/admin/editeurs?resultat=modifie');
}

/** Activates or deactivates a vendor (a deactivated one is no longer offered to applicants). */
export async function setVendorActiveAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'vendorId');
  const active = text(formData, 'active') === 'true';
  if (!UUID.test(id)) return { error: UNKNOWN_TARGET };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const result = await callApi('PATCH', `/api/admin/vendors/${id}`, { active });
  if (!result.ok) return refusal(result.error, result.status, {});
  redirect(`/admin/editeurs?resultat=${active ? 'active' : 'desactive'}`);
}
