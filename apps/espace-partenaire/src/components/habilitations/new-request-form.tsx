'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState } from 'react';

import { IDLE, type FormState } from './form-state';

/** « Nouvelle demande »: the server action creates the draft and opens its first step. */
export function NewRequestForm({
  organisationId,
  createAction,
}: {
  organisationId: string;
  createAction: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(createAction, IDLE);
  return (
    <form action={formAction} className={fr.cx('fr-mb-4w')}>
      {state.status === 'error' && (
        <Alert
          className={fr.cx('fr-mb-2w')}
          severity="error"
          small
          description={state.message ?? ''}
        />
      )}
      <input type="hidden" name="organisationId" value={organisationId} />
      <Button type="submit" iconId="fr-icon-add-line" disabled={pending}>
        Nouvelle demande
      </Button>
    </form>
  );
}
