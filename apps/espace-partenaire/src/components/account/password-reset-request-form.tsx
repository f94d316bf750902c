'use client';

import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import { requestPasswordResetAction } from '../../app/actions/account.actions';
import { FormAlert } from './form-alert';
import { fieldState, type FormState, IDLE } from './form-state';

/** « Mot de passe oublié »: a link valid 1 hour is e-mailed (same answer for any address). */
export function PasswordResetRequestForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    requestPasswordResetAction,
    IDLE,
  );
  return (
    <form action={formAction} noValidate>
      <FormAlert
        state={state}
        fields={['email']}
        successTitle="Consultez votre messagerie"
      />
      <Input
        label="Adresse électronique de votre compte"
        {...fieldState(state, 'email')}
        nativeInputProps={{
          id: 'reset-email',
          name: 'email',
          type: 'email',
          autoComplete: 'email',
          defaultValue: state.values?.['email'],
          required: true,
        }}
      />
      <Button type="submit" disabled={pending}>
        Recevoir un lien de réinitialisation
      </Button>
    </form>
  );
}
