'use client';

import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import { loginTotpAction } from '../../app/actions/account.actions';
import { FormAlert } from './form-alert';
import { fieldState, type FormState, IDLE } from './form-state';

/** Second step of the login: the 6-digit code of the authenticator app. */
export function TotpLoginForm({ returnTo }: { returnTo?: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    loginTotpAction,
    IDLE,
  );
  return (
    <form action={formAction} noValidate>
      <FormAlert state={state} fields={['code']} />
      {returnTo && <input type="hidden" name="retour" value={returnTo} />}
      <Input
        label="Code à usage unique"
        hintText="Les 6 chiffres affichés par votre application d’authentification"
        {...fieldState(state, 'code')}
        nativeInputProps={{
          id: 'totp-login-code',
          name: 'code',
          inputMode: 'numeric',
          autoComplete: 'one-time-code',
          maxLength: 7,
          required: true,
        }}
      />
      <Button type="submit" disabled={pending}>
        Valider
      </Button>
    </form>
  );
}
