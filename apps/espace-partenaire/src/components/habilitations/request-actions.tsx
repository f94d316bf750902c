'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState } from 'react';

import { IDLE, type FormState } from './form-state';

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** « Mettre à jour la demande » of a validated request. */
export function ReopenForm({ reopenAction }: { reopenAction: Action }) {
  const [state, formAction, pending] = useActionState(reopenAction, IDLE);
  return (
    <form action={formAction} className={fr.cx('fr-mb-2w')}>
      {state.status === 'error' && (
        <Alert
          className={fr.cx('fr-mb-2w')}
          severity="error"
          small
          description={state.message ?? ''}
        />
      )}
      <p className={fr.cx('fr-text--sm')}>
        Pour changer le projet, les données demandées, le cadre juridique ou les
        contacts : la version validée reste en vigueur jusqu’à la décision sur
        la mise à jour.
      </p>
      <Button
        type="submit"
        priority="secondary"
        iconId="fr-icon-refresh-line"
        disabled={pending}
      >
        Mettre à jour la demande
      </Button>
    </form>
  );
}

/** Deletes a draft that was never submitted, after a confirmation. */
export function DeleteDraftForm({ deleteAction }: { deleteAction: Action }) {
  const [state, formAction, pending] = useActionState(deleteAction, IDLE);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm('Supprimer définitivement ce brouillon ?'))
          event.preventDefault();
      }}
    >
      {state.status === 'error' && (
        <Alert
          className={fr.cx('fr-mb-2w')}
          severity="error"
          small
          description={state.message ?? ''}
        />
      )}
      <Button
        type="submit"
        priority="tertiary"
        iconId="fr-icon-delete-line"
        disabled={pending}
      >
        Supprimer le brouillon
      </Button>
    </form>
  );
}
