'use server';

import type {
  ApiErrorBody,
  IssuedSecretView,
  ProductionRequestView,
  ServiceProviderView,
} from '@federation/partners-contracts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import type { AdminFormState } from '../../components/admin/form-state';
import { isWellFormedId } from '../../components/habilitations/habilitation-steps';
import type {
  SecretFormState,
  ServiceProviderFormState,
} from '../../components/service-providers/form-state';
import {
  accessPath,
  adminProductionPath,
  formFieldErrors,
  linesOf,
  productionPath,
  type ListField,
} from '../../components/service-providers/service-provider-labels';
import { callApi, getSession, type ApiResult } from '../../server/partners-api';

/**
 * The mutations of the « accès FranceConnect » pages: a client's secret and sandbox configuration,
 * production requests (members of the organisation), and the admins' decisions on production
 * requests and revocation of clients. Each is a form action that also works without JavaScript.
 */

const UNKNOWN_TARGET = 'Cet élément n’existe pas ou plus : rechargez la page.';
const NOT_ADMIN: AdminFormState = {
  error:
    'Cette action est réservée aux administrateurs de la plateforme. Reconnectez-vous.',
};
const CONTACT_FIELDS = [
  'givenName',
  'familyName',
  'email',
  'phone',
  'jobTitle',
] as const;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** An API refusal as a member's form shows it; an expired session goes to the login page and comes back. */
function refusal(
  result: Extract<ApiResult<unknown>, { ok: false }>,
  returnTo: string,
  values: Record<string, string>,
  lineNumbers: Partial<Record<ListField, number[]>> = {},
): ServiceProviderFormState {
  if (result.status === 401)
    redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  const error: ApiErrorBody = result.error;
  return {
    status: 'error',
    message: result.status === 404 ? UNKNOWN_TARGET : error.message,
    fieldErrors: formFieldErrors(error.errors, lineNumbers),
    values,
    at: Date.now(),
  };
}

const invalidTarget = (): ServiceProviderFormState => ({
  status: 'error',
  message: UNKNOWN_TARGET,
  at: Date.now(),
});

/**
 * « Générer le secret » / « Renouveler le secret ». The clear secret comes back in this answer only,
 * as the form's state: it is never put in a URL, a cookie or anything the page loads again.
 */
export async function issueSecretAction(
  habilitationId: string,
  serviceProviderId: string,
  _previous: SecretFormState,
  formData: FormData,
): Promise<SecretFormState> {
  if (!isWellFormedId(habilitationId) || !isWellFormedId(serviceProviderId))
    return invalidTarget();
  const path = accessPath(habilitationId, serviceProviderId);
  if (
    text(formData, 'rotation') === 'true' &&
    formData.get('confirm') !== 'on'
  ) {
    return {
      status: 'error',
      message: 'Confirmez le renouvellement du secret.',
      fieldErrors: {
        confirm:
          'Cochez la case pour confirmer que vous remplacerez l’ancien secret dans votre service.',
      },
      at: Date.now(),
    };
  }
  const result = await callApi<IssuedSecretView>(
    'POST',
    `/api/service-providers/${serviceProviderId}/secrets`,
    {},
  );
  if (!result.ok) return refusal(result, path, {});
  revalidatePath(path);
  const { clientId, clientSecret, last4, previousSecretNotAfter } = result.data;
  return {
    status: 'success',
    issued: { clientId, clientSecret, last4, previousSecretNotAfter },
    at: Date.now(),
  };
}

/** « Enregistrer la configuration » of a sandbox client: published to the core once saved. */
export async function updateConfigurationAction(
  habilitationId: string,
  serviceProviderId: string,
  _previous: ServiceProviderFormState,
  formData: FormData,
): Promise<ServiceProviderFormState> {
  if (!isWellFormedId(habilitationId) || !isWellFormedId(serviceProviderId))
    return invalidTarget();
  const path = accessPath(habilitationId, serviceProviderId);
  const values = {
    name: text(formData, 'name'),
    redirectUris: text(formData, 'redirectUris'),
    postLogoutRedirectUris: text(formData, 'postLogoutRedirectUris'),
    idTokenSignedResponseAlg: text(formData, 'idTokenSignedResponseAlg'),
    tokenEndpointAuthMethod: text(formData, 'tokenEndpointAuthMethod'),
    jwksUri: text(formData, 'jwksUri'),
  };
  const redirectUris = linesOf(values.redirectUris);
  const postLogoutRedirectUris = linesOf(values.postLogoutRedirectUris);
  const result = await callApi<ServiceProviderView>(
    'PATCH',
    `/api/service-providers/${serviceProviderId}`,
    {
      name: values.name.trim(),
      redirectUris: redirectUris.values,
      postLogoutRedirectUris: postLogoutRedirectUris.values,
      idTokenSignedResponseAlg: values.idTokenSignedResponseAlg,
      tokenEndpointAuthMethod: values.tokenEndpointAuthMethod,
      jwksUri: values.jwksUri.trim() === '' ? null : values.jwksUri.trim(),
    },
  );
  if (!result.ok)
    return refusal(result, path, values, {
      redirectUris: redirectUris.lineNumbers,
      postLogoutRedirectUris: postLogoutRedirectUris.lineNumbers,
    });
  revalidatePath(path);
  return {
    status: 'success',
    message:
      'La configuration est enregistrée : sa publication auprès de FranceConnect est en cours.',
    at: Date.now(),
  };
}

/** « Envoyer la demande de mise en production », then the list of the requests with its outcome. */
export async function createProductionRequestAction(
  habilitationId: string,
  _previous: ServiceProviderFormState,
  formData: FormData,
): Promise<ServiceProviderFormState> {
  if (!isWellFormedId(habilitationId)) return invalidTarget();
  const path = productionPath(habilitationId);
  const values: Record<string, string> = {
    serviceName: text(formData, 'serviceName'),
    connectPageUrl: text(formData, 'connectPageUrl'),
    redirectUris: text(formData, 'redirectUris'),
    postLogoutRedirectUris: text(formData, 'postLogoutRedirectUris'),
  };
  for (const field of CONTACT_FIELDS)
    values[`technicalContact.${field}`] = text(
      formData,
      `technicalContact.${field}`,
    );
  const redirectUris = linesOf(values['redirectUris'] ?? '');
  const postLogoutRedirectUris = linesOf(
    values['postLogoutRedirectUris'] ?? '',
  );
  const result = await callApi<ProductionRequestView>(
    'POST',
    `/api/habilitations/${habilitationId}/production-requests`,
    {
      serviceName: (values['serviceName'] ?? '').trim(),
      connectPageUrl: (values['connectPageUrl'] ?? '').trim(),
      redirectUris: redirectUris.values,
      postLogoutRedirectUris: postLogoutRedirectUris.values,
      technicalContact: Object.fromEntries(
        CONTACT_FIELDS.map((field) => [
          field,
          (values[`technicalContact.${field}`] ?? '').trim(),
        ]),
      ),
    },
  );
  if (!result.ok)
    return refusal(result, path, values, {
      redirectUris: redirectUris.lineNumbers,
      postLogoutRedirectUris: postLogoutRedirectUris.lineNumbers,
    });
  redirect(
    `${path}?resultat=${result.data.status === 'validated' ? 'validee' : 'envoyee'}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Platform admins

async function isPlatformAdmin(): Promise<boolean> {
  return (await getSession())?.account.isPlatformAdmin === true;
}

function adminRefusal(
  result: Extract<ApiResult<unknown>, { ok: false }>,
  values: Record<string, string>,
): AdminFormState {
  return {
    error: result.status === 404 ? UNKNOWN_TARGET : result.error.message,
    fieldErrors: formFieldErrors(result.error.errors),
    values,
  };
}

/** « Valider » (optional message) or « Refuser » (message required) a production request. */
export async function decideProductionRequestAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'productionRequestId');
  const decision = text(formData, 'decision');
  const message = text(formData, 'message');
  const values = { message };
  if (!isWellFormedId(id) || (decision !== 'validate' && decision !== 'refuse'))
    return { error: UNKNOWN_TARGET, values };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  if (decision === 'refuse' && message.trim() === '') {
    return {
      error: 'Le refus n’a pas été enregistré : indiquez son motif.',
      fieldErrors: {
        message: 'Indiquez le motif du refus : il est envoyé au demandeur.',
      },
      values,
    };
  }
  const body =
    decision === 'validate' && message.trim() === ''
      ? {}
      : { message: message.trim() };
  const result = await callApi<ProductionRequestView>(
    'POST',
    `/api/admin/production-requests/${id}/${decision}`,
    body,
  );
  if (!result.ok) return adminRefusal(result, values);
  redirect(`${adminProductionPath(id)}?resultat=${decision}`);
}

/** « Révoquer » a client: the core refuses it within seconds. Reason and confirmation required. */
export async function revokeServiceProviderAction(
  _previous: AdminFormState,
  formData: FormData,
): Promise<AdminFormState> {
  const id = text(formData, 'serviceProviderId');
  const habilitationId = text(formData, 'habilitationId');
  const reason = text(formData, 'reason');
  const values = { reason };
  if (!isWellFormedId(id) || !isWellFormedId(habilitationId))
    return { error: UNKNOWN_TARGET, values };
  if (!(await isPlatformAdmin())) return NOT_ADMIN;
  const fieldErrors: Record<string, string> = {};
  if (reason.trim() === '')
    fieldErrors['reason'] =
      'Indiquez le motif de la révocation : il est montré aux membres de l’organisation.';
  if (formData.get('confirm') !== 'on')
    fieldErrors['confirm'] =
      'Cochez la case pour confirmer que ce client ne pourra plus utiliser FranceConnect.';
  if (Object.keys(fieldErrors).length > 0)
    return {
      error: 'La révocation n’a pas été enregistrée.',
      fieldErrors,
      values,
    };
  const result = await callApi<ServiceProviderView>(
    'POST',
    `/api/admin/service-providers/${id}/revoke`,
    { reason: reason.trim() },
  );
  if (!result.ok) return adminRefusal(result, values);
  redirect(
    `/admin/habilitations/${habilitationId}?resultat=client_revoke#acces`,
  );
}
