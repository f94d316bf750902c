'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState } from 'react';

import { changePasswordAction } from '../../app/actions/account.actions';
import { FormAlert } from './form-alert';
import { type FormState, IDLE } from './form-state';
import { PasswordField } from './password-field';

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState<FormState, FormData>(
    changePasswordAction,
    IDLE,
  );
  return (
    <form action={formAction} noValidate>
      <FormAlert
        state={state}
        fields={['currentPassword', 'newPassword']}
        successTitle="Mot de passe modifié"
      />
      <PasswordField
        id="current-password"
        name="currentPassword"
        label="Mot de passe actuel"
        autoComplete="current-password"
        error={state.fieldErrors?.['currentPassword']}
      />
      <div className={fr.cx('fr-mt-3w')}>
        <PasswordField
          id="changed-password"
          name="newPassword"
          label="Nouveau mot de passe"
          autoComplete="new-password"
          error={state.fieldErrors?.['newPassword']}
          withRules
        />
      </div>
      <Button
        type="submit"
        priority="secondary"
        disabled={pending}
        className={fr.cx('fr-mt-2w')}
      >
        Changer de mot de passe
      </Button>
    </form>
  );
}
