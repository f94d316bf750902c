'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import Link from 'next/link';
import { useActionState } from 'react';

import { loginAction } from '../../app/actions/account.actions';
import { FormAlert } from './form-alert';
import { fieldState, type FormState, IDLE } from './form-state';
import { PasswordField } from './password-field';

const EMAIL_NOT_VERIFIED = 'P010002';

/** Address and password; `retour` is where to go afterwards (checked again by the action). */
export function LoginForm({ returnTo }: { returnTo?: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    loginAction,
    IDLE,
  );
  return (
    <form action={formAction} noValidate>
      <FormAlert state={state} fields={['email', 'password']} />
      {state.code === EMAIL_NOT_VERIFIED && (
        <p>
          <Link href="/inscription/verification">
            Saisir le code de confirmation reçu par courriel
          </Link>
        </p>
      )}
      {returnTo && <input type="hidden" name="retour" value={returnTo} />}
      <Input
        label="Adresse électronique"
        {...fieldState(state, 'email')}
        nativeInputProps={{
          id: 'login-email',
          name: 'email',
          type: 'email',
          autoComplete: 'username',
          defaultValue: state.values?.['email'],
          required: true,
        }}
      />
      <PasswordField
        id="login-password"
        name="password"
        label="Mot de passe"
        autoComplete="current-password"
        error={state.fieldErrors?.['password']}
      />
      <p className={fr.cx('fr-mt-2w')}>
        <Link href="/mot-de-passe/oublie" className={fr.cx('fr-link')}>
          Mot de passe oublié ?
        </Link>
      </p>
      <Button type="submit" disabled={pending}>
        Se connecter
      </Button>
    </form>
  );
}
