'use server';

import {
  HABILITATION_STEPS,
  type ApiErrorBody,
  type HabilitationMessageView,
  type HabilitationStep,
  type HabilitationView,
} from '@federation/partners-contracts';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

import {
  fieldMessages,
  type AutosaveResult,
  type FormState,
} from '../../components/habilitations/form-state';
import {
  isWellFormedId,
  nextStep,
  requestPath,
  stepPath,
  summaryPath,
} from '../../components/habilitations/habilitation-steps';
import {
  stepBody,
  valuesFromFormData,
  withSavedValues,
  type StepFormValues,
} from '../../components/habilitations/step-values';
import { callApi, type ApiResult } from '../../server/partners-api';

const UNKNOWN_REQUEST = 'Cette demande est introuvable.';

const isStep = (value: unknown): value is HabilitationStep =>
  HABILITATION_STEPS.some((step) => step === value);

/** An API refusal as the form shows it; an expired session goes to the login page and comes back. */
function refusal(
  result: Extract<ApiResult<unknown>, { ok: false }>,
  returnTo: string,
  values?: StepFormValues,
): FormState {
  if (result.status === 401)
    redirect(`/connexion?retour=${encodeURIComponent(returnTo)}`);
  const error: ApiErrorBody = result.error;
  return {
    status: 'error',
    message: error.message,
    fieldErrors: fieldMessages(error.errors),
    values,
    at: Date.now(),
  };
}

const invalidRequest = (): FormState => ({
  status: 'error',
  message: UNKNOWN_REQUEST,
  at: Date.now(),
});

/** « Nouvelle demande »: an empty draft for the chosen organisation, then its first step. */
export async function createHabilitationAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const organisationId = formData.get('organisationId');
  if (!isWellFormedId(organisationId))
    return {
      status: 'error',
      message: 'Choisissez une organisation.',
      at: Date.now(),
    };
  const result = await callApi<HabilitationView>(
    'POST',
    `/api/organisations/${organisationId}/habilitations`,
    {},
  );
  if (!result.ok) return refusal(result, '/tableau-de-bord');
  redirect(stepPath(result.data.id, 'project'));
}

/** « Enregistrer et continuer »: saves the step, then the next one (the summary after the last). */
export async function saveStepAction(
  id: string,
  step: HabilitationStep,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isWellFormedId(id) || !isStep(step)) return invalidRequest();
  const values = valuesFromFormData(formData);
  const result = await callApi<HabilitationView>(
    'PUT',
    `/api/habilitations/${id}/steps/${step}`,
    stepBody(step, values),
  );
  if (!result.ok) return refusal(result, stepPath(id, step), values);
  const next = nextStep(step);
  redirect(next ? stepPath(id, next) : summaryPath(id));
}

/**
 * The autosave of a step while the user types (JavaScript only). The API saves a step as a whole:
 * a field it refuses is put back to its saved value, so that the valid fields are kept.
 */
export async function autosaveStepAction(
  id: string,
  step: HabilitationStep,
  values: StepFormValues,
): Promise<AutosaveResult> {
  if (!isWellFormedId(id) || !isStep(step))
    return { status: 'failed', message: UNKNOWN_REQUEST };
  const path = `/api/habilitations/${id}/steps/${step}`;
  const body = stepBody(step, values);
  const first = await callApi<HabilitationView>('PUT', path, body);
  if (first.ok) return { status: 'saved', savedAt: new Date().toISOString() };
  if (first.status !== 400 || !first.error.errors?.length)
    return { status: 'failed', message: first.error.message };

  const current = await callApi<HabilitationView>(
    'GET',
    `/api/habilitations/${id}`,
  );
  if (!current.ok) return { status: 'failed', message: current.error.message };
  const merged = withSavedValues(
    body,
    current.data.content[step],
    first.error.errors.map((error) => error.field),
  );
  if (!merged) return { status: 'incomplete' };
  const second = await callApi<HabilitationView>('PUT', path, merged);
  return second.ok
    ? { status: 'saved', savedAt: new Date().toISOString() }
    : { status: 'incomplete' };
}

/** « Soumettre la demande »: to the instructors; the errors of every step come back with their fields. */
export async function submitHabilitationAction(
  id: string,
  _previous: FormState,
  _formData: FormData,
): Promise<FormState> {
  if (!isWellFormedId(id)) return invalidRequest();
  const result = await callApi<HabilitationView>(
    'POST',
    `/api/habilitations/${id}/submit`,
  );
  if (!result.ok) return refusal(result, summaryPath(id));
  redirect(`${requestPath(id)}?soumise=1`);
}

/** « Mettre à jour la demande » of a validated request: a draft again, the validated version staying in force. */
export async function reopenHabilitationAction(
  id: string,
  _previous: FormState,
  _formData: FormData,
): Promise<FormState> {
  if (!isWellFormedId(id)) return invalidRequest();
  const result = await callApi<HabilitationView>(
    'POST',
    `/api/habilitations/${id}/reopen`,
  );
  if (!result.ok) return refusal(result, requestPath(id));
  redirect(stepPath(id, 'project'));
}

/** Deletes a draft that was never submitted, then back to the dashboard. */
export async function deleteHabilitationAction(
  id: string,
  _previous: FormState,
  _formData: FormData,
): Promise<FormState> {
  if (!isWellFormedId(id)) return invalidRequest();
  const result = await callApi<void>('DELETE', `/api/habilitations/${id}`);
  if (!result.ok) return refusal(result, requestPath(id));
  redirect('/tableau-de-bord?supprimee=1');
}

/** A message to the instructor, added to the thread of the request. */
export async function postMessageAction(
  id: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  if (!isWellFormedId(id)) return invalidRequest();
  const body = formData.get('body');
  const values = { body: typeof body === 'string' ? body : '' };
  const result = await callApi<HabilitationMessageView>(
    'POST',
    `/api/habilitations/${id}/messages`,
    values,
  );
  if (!result.ok) return refusal(result, requestPath(id), values);
  revalidatePath(requestPath(id));
  return {
    status: 'success',
    message: 'Votre message a été envoyé à l’instructeur.',
    at: Date.now(),
  };
}
