'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode } from 'react';

import { FormErrorAlert, FormTextArea } from './form-parts';
import type { AdminFormState } from './form-state';

/** The words of one decision form. */
export interface DecisionCopy {
  title: string;
  intro: string;
  messageLabel: string;
  hint: string;
  submit: string;
  priority: 'primary' | 'secondary';
}

/**
 * One decision of a review page (habilitation or production request) in a section of its own: what
 * it does, the message to the applicant, anything else it asks (`children`), the button. The form
 * sends the decision and `hiddenFields`; it is `useActionState`'s of the calling form.
 */
export function DecisionSection({
  decision,
  text,
  state,
  formAction,
  pending,
  hiddenFields,
  markInvalidMessage = false,
  children,
}: {
  decision: string;
  text: DecisionCopy;
  state: AdminFormState;
  formAction: (formData: FormData) => void;
  pending: boolean;
  hiddenFields: Record<string, string>;
  /** `aria-invalid` on the message while partners-api refuses it. */
  markInvalidMessage?: boolean;
  children?: ReactNode;
}) {
  const headingId = `decision-${decision}-titre`;
  return (
    <section aria-labelledby={headingId} className={fr.cx('fr-mb-4w')}>
      <h3 id={headingId} className={fr.cx('fr-h5', 'fr-mb-1w')}>
        {text.title}
      </h3>
      <p className={fr.cx('fr-text--sm', 'fr-mb-2w')}>{text.intro}</p>
      <form action={formAction} noValidate>
        <FormErrorAlert
          as="h4"
          className={fr.cx('fr-mb-3w')}
          title="La décision n’a pas été enregistrée"
          error={state.error}
        />
        {Object.entries(hiddenFields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="decision" value={decision} />
        <FormTextArea
          state={state}
          name="message"
          id={`decision-${decision}-message`}
          label={text.messageLabel}
          hintText={text.hint}
          rows={4}
          markInvalid={markInvalidMessage}
        />
        {children}
        <Button type="submit" priority={text.priority} disabled={pending}>
          {pending ? 'Envoi en cours…' : text.submit}
        </Button>
      </form>
    </section>
  );
}
