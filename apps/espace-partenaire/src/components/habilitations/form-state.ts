import type { FieldError } from '@federation/partners-contracts';

import type { StepFormValues } from './step-values';

/** What a server action of the habilitation pages hands back to its form (`useActionState`). */
export interface FormState {
  status: 'idle' | 'error' | 'success';
  /** The general French message, shown in the alert at the top of the form. */
  message?: string;
  /** Field path → French message, shown next to the field. */
  fieldErrors?: Record<string, string>;
  /** What was typed, put back in the inputs after an error (the form works without JavaScript). */
  values?: StepFormValues;
  /** Changes on every answer, so that the form can move the focus to the new error summary. */
  at?: number;
}

export const IDLE: FormState = { status: 'idle' };

/** What the autosave of a step tells the discreet status line. */
export type AutosaveResult =
  | { status: 'saved'; savedAt: string }
  | { status: 'incomplete' }
  | { status: 'failed'; message: string };

/**
 * Field path → the message to show. When several rules of a field fail (an empty value breaks its
 * length and its type), the API lists the most basic rule last: that one says what to do.
 */
export function fieldMessages(
  errors: FieldError[] | undefined,
): Record<string, string> {
  return Object.fromEntries(
    (errors ?? []).map((error) => [error.field, error.messages.at(-1) ?? '']),
  );
}
