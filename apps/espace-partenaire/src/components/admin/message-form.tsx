'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState } from 'react';

import { postHabilitationMessageAction } from '../../app/actions/admin.actions';
import { FormErrorAlert, FormTextArea } from './form-parts';
import { INITIAL_FORM_STATE } from './form-state';

/** Writing to the applicants in the request's thread. */
export function MessageForm({ habilitationId }: { habilitationId: string }) {
  const [state, formAction, pending] = useActionState(
    postHabilitationMessageAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={formAction} noValidate>
      <FormErrorAlert
        className={fr.cx('fr-mb-3w')}
        title="Le message n’a pas été envoyé"
        error={state.error}
      />
      <input type="hidden" name="habilitationId" value={habilitationId} />
      <FormTextArea
        state={state}
        name="body"
        id="message-body"
        label="Votre message au demandeur"
        hintText="5 000 caractères au plus. Le demandeur est prévenu par courriel et lit le message sur l’Espace Partenaire."
        rows={4}
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
