'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Input } from '@codegouvfr/react-dsfr/Input';
import Link from 'next/link';
import { useActionState } from 'react';

import { verifyEmailAction } from '../../app/actions/account.actions';
import { JoinOutcome } from '../organisations/join-outcome';
import type { VerificationState } from './account-states';
import { FormAlert } from './form-alert';
import { fieldState, IDLE } from './form-state';

/**
 * E-mail verification, then the outcome of joining the organisation. With the token of the e-mailed
 * link: a « Confirmer mon adresse » button (the link itself changes nothing); otherwise the address
 * and the 6-digit code, and a way to get a new code.
 */
export function VerificationForm({
  token,
  defaultEmail,
}: {
  token?: string;
  defaultEmail?: string;
}) {
  const [state, formAction, pending] = useActionState<
    VerificationState,
    FormData
  >(verifyEmailAction, IDLE);

  if (state.verified) return <VerifiedAccount state={state} />;

  if (token)
    return (
      <>
        <h1>Confirmez votre adresse électronique</h1>
        <FormAlert state={state} />
        <p>
          Vous avez suivi le lien du courriel de confirmation. Confirmez votre
          adresse pour activer votre compte et rejoindre votre organisation.
        </p>
        <form action={formAction}>
          <input type="hidden" name="token" value={token} />
          <Button type="submit" disabled={pending}>
            Confirmer mon adresse
          </Button>
        </form>
        {state.status === 'error' && (
          <p className={fr.cx('fr-mt-4w')}>
            <Link href="/inscription/verification">
              Saisir plutôt le code reçu par courriel
            </Link>
          </p>
        )}
      </>
    );

  const email = state.values?.['email'] ?? defaultEmail;
  return (
    <>
      <h1>Vérifiez votre messagerie</h1>
      <FormAlert state={state} fields={['email', 'code']} />
      <p className={fr.cx('fr-text--lead')}>
        Un courriel de confirmation vient d’être envoyé à votre adresse.
      </p>
      <p>
        Saisissez le code à 6 chiffres qu’il contient, ou suivez son lien. Il
        est valable 30 minutes. Pensez à regarder dans vos courriers
        indésirables.
      </p>
      <form action={formAction} noValidate>
        <Input
          label="Adresse électronique"
          {...fieldState(state, 'email')}
          nativeInputProps={{
            id: 'verification-email',
            name: 'email',
            type: 'email',
            autoComplete: 'email',
            defaultValue: email,
            required: true,
          }}
        />
        <Input
          label="Code de confirmation"
          hintText="6 chiffres, par exemple 123456"
          {...fieldState(state, 'code')}
          nativeInputProps={{
            id: 'verification-code',
            name: 'code',
            inputMode: 'numeric',
            autoComplete: 'one-time-code',
            maxLength: 7,
            required: true,
          }}
        />
        <Button type="submit" disabled={pending}>
          Confirmer mon adresse
        </Button>
        <h2 className={fr.cx('fr-h6', 'fr-mt-6w')}>Vous n’avez rien reçu ?</h2>
        <p className={fr.cx('fr-text--sm')}>
          Vérifiez l’adresse ci-dessus, puis demandez un nouveau code : le
          précédent ne fonctionnera plus.
        </p>
        <Button
          type="submit"
          priority="secondary"
          disabled={pending}
          nativeButtonProps={{ name: 'intent', value: 'resend' }}
        >
          Recevoir un nouveau code
        </Button>
      </form>
    </>
  );
}

function VerifiedAccount({ state }: { state: VerificationState }) {
  return (
    <>
      <h1>Votre adresse électronique est confirmée</h1>
      {state.join ? (
        <JoinOutcome result={state.join} />
      ) : (
        <Alert
          severity="info"
          as="h2"
          className={fr.cx('fr-mb-4w')}
          title="Votre compte est activé"
          description="Vous n’êtes rattaché à aucune organisation pour le moment : l’établissement indiqué à l’inscription ne peut plus être rejoint. Une fois connecté, rejoignez votre organisation depuis « Mes organisations »."
        />
      )}
      <p>
        Vous pouvez maintenant vous connecter avec votre adresse et votre mot de
        passe.
      </p>
      <ButtonsGroup
        inlineLayoutWhen="md and up"
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
}
