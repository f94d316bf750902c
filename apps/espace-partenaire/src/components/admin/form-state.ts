/** What an admin server action answers to its form (a success redirects instead). */
export interface AdminFormState {
  /** General French message, shown in a DSFR alert at the top of the form. */
  error?: string;
  /** French message of each field, keyed by the field's name in the form. */
  fieldErrors?: Record<string, string>;
  /** What was typed, to fill the form again after an error (also without JavaScript). */
  values?: Record<string, string>;
}

export const INITIAL_FORM_STATE: AdminFormState = {};
