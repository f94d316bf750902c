'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import { disableTotpAction } from '../../app/actions/account.actions';
import { FormAlert } from './form-alert';
import { fieldState, type FormState, IDLE } from './form-state';
import { PasswordField } from './password-field';

/** Turning the second factor off takes the password and a current code. */
export function TotpDisableForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    disableTotpAction,
    IDLE,
  );
  return (
    <form action={formAction} noValidate>
      <FormAlert state={state} fields={['password', 'code']} />
      <PasswordField
        id="totp-disable-password"
        name="password"
        label="Mot de passe"
        autoComplete="current-password"
        error={state.fieldErrors?.['password']}
      />
      <div className={fr.cx('fr-mt-3w')}>
        <Input
          label="Code de l’application d’authentification"
          hintText="6 chiffres"
          {...fieldState(state, 'code')}
          nativeInputProps={{
            id: 'totp-disable-code',
            name: 'code',
            inputMode: 'numeric',
            autoComplete: 'one-time-code',
            maxLength: 7,
            required: true,
          }}
        />
      </div>
      <Button type="submit" priority="secondary" disabled={pending}>
        Désactiver la double authentification
      </Button>
    </form>
  );
}
