'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState, useState } from 'react';

import { totpSetupAction } from '../../app/actions/account.actions';
import type { TotpSetupState } from './account-states';
import { FormAlert } from './form-alert';
import { fieldState, IDLE } from './form-state';
import { useHydrated } from './use-hydrated';

/** « JBSW Y3DP EHPK 3PXP »: the secret in groups of four, easier to type in an app. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  );
}

/**
 * Turning the second factor on: a secret is generated (10 minutes), the user types it (or the
 * otpauth link) in their authenticator app, then enters the code it shows.
 */
export function TotpSetupForm() {
  const [state, formAction, pending] = useActionState<TotpSetupState, FormData>(
    totpSetupAction,
    IDLE,
  );
  if (!state.setup)
    return (
      <form action={formAction}>
        <FormAlert state={state} />
        <input type="hidden" name="intent" value="setup" />
        <Button type="submit" disabled={pending} iconId="fr-icon-lock-line">
          Configurer la double authentification
        </Button>
      </form>
    );
  return (
    <form action={formAction} noValidate>
      <FormAlert state={state} fields={['code']} />
      <input type="hidden" name="intent" value="enable" />
      <ol>
        <li>
          Ouvrez votre application d’authentification (FreeOTP, Aegis, Microsoft
          Authenticator, Google Authenticator…) et ajoutez un compte.
        </li>
        <li>
          Saisissez-y cette clé secrète (type « basé sur le temps ») :
          <p className={fr.cx('fr-text--lg', 'fr-my-2w')}>
            <code data-testid="totp-secret">
              {groupSecret(state.setup.secret)}
            </code>
          </p>
          ou, si votre application le permet, collez-y ce lien de configuration
          :
          <CopyableText
            id="totp-uri"
            label="Lien de configuration (otpauth)"
            value={state.setup.otpauthUri}
          />
        </li>
        <li>
          Saisissez le code à 6 chiffres que l’application affiche. La clé est
          valable 10 minutes.
        </li>
      </ol>
      <Input
        label="Code de l’application"
        hintText="6 chiffres"
        {...fieldState(state, 'code')}
        nativeInputProps={{
          id: 'totp-enable-code',
          name: 'code',
          inputMode: 'numeric',
          autoComplete: 'one-time-code',
          maxLength: 7,
          required: true,
        }}
      />
      <Button type="submit" disabled={pending}>
        Activer la double authentification
      </Button>
    </form>
  );
}

/** A read-only text to copy, with a « Copier » button once JavaScript runs. */
function CopyableText({
  id,
  label,
  value,
}: {
  id: string;
  label: string;
  value: string;
}) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <Input
      label={label}
      state={copied ? 'success' : 'default'}
      stateRelatedMessage="Lien copié"
      nativeInputProps={{
        id,
        value,
        readOnly: true,
        onFocus: (event) => event.target.select(),
      }}
      addon={
        hydrated ? (
          <Button
            type="button"
            priority="secondary"
            onClick={() => {
              void navigator.clipboard
                ?.writeText(value)
                .then(() => setCopied(true));
            }}
          >
            Copier
          </Button>
        ) : undefined
      }
    />
  );
}
