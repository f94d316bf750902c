'use client';

import { useActionState } from 'react';

import { type DecisionCopy, DecisionSection } from './decision-section';
import { type AdminFormState, INITIAL_FORM_STATE } from './form-state';

export type RequestDecision = 'validate' | 'refuse';

/**
 * « Valider » (optional message) or « Refuser » (message required) a request reviewed by an admin
 * (production, API FranceConnectée): `action` is the request's server action, `hiddenFields` names it.
 */
export function RequestDecisionForm({
  action,
  decision,
  text,
  hiddenFields,
}: {
  action: (
    previous: AdminFormState,
    formData: FormData,
  ) => Promise<AdminFormState>;
  decision: RequestDecision;
  text: DecisionCopy;
  hiddenFields: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(
    action,
    INITIAL_FORM_STATE,
  );
  return (
    <DecisionSection
      decision={decision}
      text={text}
      state={state}
      formAction={formAction}
      pending={pending}
      hiddenFields={hiddenFields}
      markInvalidMessage
    />
  );
}
