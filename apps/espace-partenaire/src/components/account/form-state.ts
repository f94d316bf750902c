/**
 * What a server action gives back to its form (`useActionState`): a general message for the alert at
 * the top, a message per field, and what the user typed so that the form is filled again (after a
 * submission without JavaScript, or after React resets the form). Never a password.
 */
export interface FormState {
  status: 'idle' | 'error' | 'info' | 'success';
  message?: string;
  /** partners-api's error code (`P010002`…), when the page explains some errors further. */
  code?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export const IDLE: FormState = { status: 'idle' };

/** A text field of a submitted form, trimmed ('' when absent or not text). */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A secret field (password): kept exactly as typed, never trimmed. */
export function formSecret(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}

/** The `state`/`stateRelatedMessage` props of a react-dsfr field for `field`. */
export function fieldState(
  state: FormState,
  field: string,
): { state?: 'error'; stateRelatedMessage?: string } {
  const message = state.fieldErrors?.[field];
  return message ? { state: 'error', stateRelatedMessage: message } : {};
}
