'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import Link from 'next/link';
import { useActionState } from 'react';

import { confirmPasswordResetAction } from '../../app/actions/account.actions';
import { FormAlert } from './form-alert';
import { type FormState, IDLE } from './form-state';
import { PasswordField } from './password-field';

const LINK_EXPIRED = 'P010005';

/** A new password, with the token of the e-mailed link. */
export function NewPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    confirmPasswordResetAction,
    IDLE,
  );
  if (state.status === 'success')
    return (
      <>
        <FormAlert state={state} successTitle="Mot de passe modifié" />
        <ButtonsGroup
          buttons={[
            {
              children: 'Se connecter',
              iconId: 'fr-icon-account-circle-line',
              linkProps: { href: '/connexion' },
            },
          ]}
        />
      </>
    );
  return (
    <form action={formAction} noValidate>
      <FormAlert state={state} fields={['password']} />
      {state.code === LINK_EXPIRED && (
        <p>
          <Link href="/mot-de-passe/oublie">Demander un nouveau lien</Link>
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <PasswordField
        id="new-password"
        name="password"
        label="Nouveau mot de passe"
        autoComplete="new-password"
        error={state.fieldErrors?.['password']}
        withRules
      />
      <Button type="submit" disabled={pending} className={fr.cx('fr-mt-2w')}>
        Enregistrer le nouveau mot de passe
      </Button>
    </form>
  );
}
