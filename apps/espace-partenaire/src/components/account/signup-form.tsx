'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState, useState } from 'react';

import { signupAction } from '../../app/actions/account.actions';
import { SiretField } from '../organisations/siret-field';
import type { SiretLookupResult } from '../organisations/siret-lookup';
import type { SignupState } from './account-states';
import { FormAlert } from './form-alert';
import { fieldState, IDLE } from './form-state';
import { PasswordField } from './password-field';

const FIELDS = ['siret', 'givenName', 'familyName', 'email', 'password'];

/**
 * The signup form: the organisation first (its SIRET, looked up live and shown before the user
 * confirms), then the person. Works without JavaScript (« Vérifier » then submits the form).
 */
export function SignupForm() {
  const [state, formAction, pending] = useActionState<SignupState, FormData>(
    signupAction,
    IDLE,
  );
  const [lookup, setLookup] = useState<SiretLookupResult | undefined>(
    state.lookup,
  );
  const [shownState, setShownState] = useState(state);
  if (shownState !== state) {
    setShownState(state);
    setLookup(state.lookup);
  }
  const closed = lookup?.status === 'found' && !lookup.establishment.active;
  const values = state.values ?? {};

  return (
    <form action={formAction} noValidate>
      <FormAlert state={state} fields={FIELDS} />
      <p className={fr.cx('fr-hint-text', 'fr-mb-3w')}>
        Tous les champs sont obligatoires.
      </p>

      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>
          Votre organisation
        </legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <p className={fr.cx('fr-text--sm')}>
            Votre compte sera rattaché à l’établissement de ce numéro SIRET une
            fois votre adresse électronique confirmée.
          </p>
          <SiretField
            id="signup-siret"
            defaultValue={values['siret'] ?? ''}
            lookup={state.lookup}
            error={state.fieldErrors?.['siret']}
            onLookup={setLookup}
          />
        </div>
      </fieldset>

      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>
          Vos informations
        </legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Prénom"
            {...fieldState(state, 'givenName')}
            nativeInputProps={{
              id: 'signup-given-name',
              name: 'givenName',
              autoComplete: 'given-name',
              defaultValue: values['givenName'],
              required: true,
              maxLength: 100,
            }}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Nom"
            {...fieldState(state, 'familyName')}
            nativeInputProps={{
              id: 'signup-family-name',
              name: 'familyName',
              autoComplete: 'family-name',
              defaultValue: values['familyName'],
              required: true,
              maxLength: 100,
            }}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <Input
            label="Adresse électronique professionnelle"
            hintText="Celle de votre organisation, par exemple prenom.nom@mairie.fr : elle décide de votre rattachement."
            {...fieldState(state, 'email')}
            nativeInputProps={{
              id: 'signup-email',
              name: 'email',
              type: 'email',
              autoComplete: 'email',
              defaultValue: values['email'],
              required: true,
              maxLength: 254,
            }}
          />
        </div>
        <div className={fr.cx('fr-fieldset__element')}>
          <PasswordField
            id="signup-password"
            name="password"
            label="Mot de passe"
            autoComplete="new-password"
            error={state.fieldErrors?.['password']}
            withRules
          />
        </div>
      </fieldset>

      <Button
        type="submit"
        iconId="fr-icon-check-line"
        iconPosition="right"
        disabled={pending || closed}
      >
        Confirmer et créer mon compte
      </Button>
    </form>
  );
}
