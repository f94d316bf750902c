'use server';

import type {
  EstablishmentView,
  JoinResult,
} from '@federation/partners-contracts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import { errorState } from '../../components/account/form-errors.server';
import { type FormState, formText } from '../../components/account/form-state';
import type { JoinState } from '../../components/organisations/organisation-states';
import {
  compactSiret,
  type SiretLookupResult,
} from '../../components/organisations/siret-lookup';
import { callApi } from '../../server/partners-api';

const CONFIRM_ESTABLISHMENT =
  'Vérifiez l’établissement trouvé pour ce numéro SIRET, puis confirmez.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live SIRET look-up of the signup and join forms (partners-api asks the Sirene directory). */
export async function lookupSiretAction(
  input: string,
): Promise<SiretLookupResult> {
  const siret = compactSiret(typeof input === 'string' ? input : '');
  if (!siret)
    return {
      status: 'error',
      message:
        typeof input === 'string' && input.trim()
          ? 'Ce numéro SIRET n’est pas valide : il ne contient que des chiffres (14).'
          : 'Saisissez le numéro SIRET de votre établissement (14 chiffres).',
    };
  const result = await callApi<EstablishmentView>(
    'GET',
    `/api/siret/${encodeURIComponent(siret)}`,
  );
  if (result.ok) return { status: 'found', establishment: result.data };
  const fieldMessage = result.error.errors
    ?.find((error) => error.field === 'siret')
    ?.messages.join(' ');
  return { status: 'error', message: fieldMessage ?? result.error.message };
}

/**
 * « Rejoindre une organisation »: `intent=lookup` only looks the SIRET up (« Vérifier » without
 * JavaScript); otherwise the establishment must have been shown to the user before joining.
 */
export async function joinOrganisationAction(
  _previous: JoinState,
  formData: FormData,
): Promise<JoinState> {
  const siret = formText(formData, 'siret');
  const values = { siret };
  const lookup = await lookupSiretAction(siret);
  if (formText(formData, 'intent') === 'lookup')
    return { status: 'idle', values, lookup };
  if (
    lookup.status === 'found' &&
    lookup.establishment.active &&
    formText(formData, 'confirmedSiret') !== lookup.establishment.siret
  )
    return { status: 'info', message: CONFIRM_ESTABLISHMENT, values, lookup };
  const result = await callApi<JoinResult>('POST', '/api/organisations/join', {
    siret,
  });
  if (!result.ok) return { ...errorState(result.error, values), lookup };
  revalidatePath('/organisations');
  return { status: 'success', result: result.data };
}

/** An organisation admin gives a member the admin or the member role. */
export async function changeMemberRoleAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const organisationId = formText(formData, 'organisationId');
  const membershipId = formText(formData, 'membershipId');
  const role = formText(formData, 'role');
  if (!UUID.test(organisationId) || !UUID.test(membershipId))
    return { status: 'error', message: 'Ce membre est introuvable.' };
  const result = await callApi(
    'PATCH',
    `/api/organisations/${organisationId}/members/${membershipId}`,
    { role },
  );
  if (!result.ok) return errorState(result.error);
  revalidatePath(`/organisations/${organisationId}/membres`);
  return {
    status: 'success',
    message:
      role === 'admin'
        ? 'Ce membre est désormais administrateur de l’organisation.'
        : 'Ce membre est désormais simple membre de l’organisation.',
  };
}

/** An organisation admin removes a member; anyone may leave (then back to « Mes organisations »). */
export async function removeMemberAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const organisationId = formText(formData, 'organisationId');
  const membershipId = formText(formData, 'membershipId');
  if (!UUID.test(organisationId) || !UUID.test(membershipId))
    return { status: 'error', message: 'Ce membre est introuvable.' };
  const result = await callApi(
    'DELETE',
    `/api/organisations/${organisationId}/members/${membershipId}`,
  );
  if (!result.ok) return errorState(result.error);
  revalidatePath('/organisations');
  if (formText(formData, 'leaving') === 'true') redirect('/organisations');
  revalidatePath(`/organisations/${organisationId}/membres`);
  return {
    status: 'success',
    message: 'Le membre a été retiré de l’organisation.',
  };
}
