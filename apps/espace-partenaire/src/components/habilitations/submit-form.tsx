'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState } from 'react';

import { ErrorSummary } from './error-summary';
import { requestFieldLabel } from './field-labels';
import { IDLE, type FormState } from './form-state';
import { requestFieldHref } from './habilitation-steps';

/** « Soumettre la demande »; the fields the API refuses link to the step pages where they are fixed. */
export function SubmitForm({
  id,
  submitAction,
}: {
  id: string;
  submitAction: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(submitAction, IDLE);
  const errors = Object.entries(state.fieldErrors ?? {}).map(
    ([field, message]) => ({
      href: requestFieldHref(id, field),
      label: requestFieldLabel(field),
      message,
    }),
  );
  return (
    <>
      {state.status === 'error' && (
        <ErrorSummary
          title={state.message ?? 'La demande n’a pas pu être soumise.'}
          errors={errors}
          focusKey={state.at}
        />
      )}
      <form action={formAction}>
        <p className={fr.cx('fr-text--sm')}>
          En soumettant la demande, vous certifiez l’exactitude des informations
          fournies. L’administration dispose de deux mois pour l’instruire :
          sans réponse dans ce délai, la demande est réputée rejetée.
        </p>
        <Button
          type="submit"
          iconId="fr-icon-send-plane-line"
          iconPosition="right"
          disabled={pending}
        >
          {pending ? 'Envoi…' : 'Soumettre la demande'}
        </Button>
      </form>
    </>
  );
}
