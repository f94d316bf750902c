'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import { IDLE, type FormState } from './form-state';

/** Writes to the instructor; the thread shows the new message when the page comes back. */
export function MessageForm({
  postAction,
}: {
  postAction: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(postAction, IDLE);
  const error =
    state.status === 'error'
      ? (state.fieldErrors?.['body'] ?? state.message)
      : undefined;
  return (
    <form key={state.at ?? 0} action={formAction} noValidate>
      {state.status === 'success' && (
        <Alert
          className={fr.cx('fr-mb-2w')}
          severity="success"
          small
          description={state.message ?? 'Message envoyé.'}
        />
      )}
      <Input
        label="Votre message à l’instructeur"
        hintText="5 000 caractères au plus. L’instructeur est prévenu par courriel."
        textArea
        nativeTextAreaProps={{
          id: 'champ-message',
          name: 'body',
          rows: 5,
          defaultValue:
            state.status === 'error'
              ? (state.values?.['body'] as string | undefined)
              : '',
          'aria-invalid': error ? true : undefined,
        }}
        {...(error
          ? { state: 'error' as const, stateRelatedMessage: error }
          : {})}
      />
      <Button type="submit" iconId="fr-icon-mail-line" disabled={pending}>
        {pending ? 'Envoi…' : 'Envoyer le message'}
      </Button>
    </form>
  );
}
