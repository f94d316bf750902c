'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import { postHabilitationMessageAction } from '../../app/actions/admin.actions';
import { FocusedAlert } from './focused-alert';
import { INITIAL_FORM_STATE } from './form-state';

/** Writing to the applicants in the request's thread. */
export function MessageForm({ habilitationId }: { habilitationId: string }) {
  const [state, formAction, pending] = useActionState(
    postHabilitationMessageAction,
    INITIAL_FORM_STATE,
  );
  const bodyError = state.fieldErrors?.['body'];
  return (
    <form action={formAction} noValidate>
      {state.error && (
        <FocusedAlert
          className={fr.cx('fr-mb-3w')}
          severity="error"
          title="Le message n’a pas été envoyé"
          description={state.error}
        />
      )}
      <input type="hidden" name="habilitationId" value={habilitationId} />
      <Input
        label="Votre message au demandeur"
        hintText="5 000 caractères au plus. Le demandeur est prévenu par courriel et lit le message sur l’Espace Partenaire."
        textArea
        state={bodyError ? 'error' : 'default'}
        stateRelatedMessage={bodyError}
        nativeTextAreaProps={{
          id: 'message-body',
          name: 'body',
          rows: 4,
          defaultValue: state.values?.['body'] ?? '',
        }}
      />
      <Button
        type="submit"
        priority="secondary"
        iconId="fr-icon-send-plane-line"
        iconPosition="right"
        disabled={pending}
      >
        {pending ? 'Envoi en cours…' : 'Envoyer le message'}
      </Button>
    </form>
  );
}
