'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type MouseEvent, useState, useTransition } from 'react';

import { lookupSiretAction } from '../../app/actions/organisations.actions';
import { useHydrated } from '../account/use-hydrated';
import { EstablishmentSummary } from './establishment-summary';
import {
  compactSiret,
  isCompleteSiret,
  type SiretLookupResult,
} from './siret-lookup';

export const CLOSED_ESTABLISHMENT_MESSAGE =
  'Cet établissement est fermé d’après le répertoire Sirene : il ne peut pas être rejoint. Indiquez le SIRET d’un établissement en activité.';

/** Whether a look-up result lets the user go on (an active establishment). */
export function isJoinable(result: SiretLookupResult | undefined): boolean {
  return result?.status === 'found' && result.establishment.active;
}

/**
 * The SIRET input with its live look-up: when 14 digits are typed (or « Vérifier » is pressed), the
 * establishment is fetched from the Sirene directory through partners-api and shown. Without
 * JavaScript, « Vérifier » submits the form with `intent=lookup` and the server action answers with
 * the same `lookup`. The hidden `confirmedSiret` carries the SIRET the user saw, once it is joinable.
 */
export function SiretField({
  id,
  label = 'Numéro SIRET de votre établissement',
  defaultValue = '',
  lookup,
  error,
  onLookup,
}: {
  id: string;
  label?: string;
  defaultValue?: string;
  /** The look-up the server made on the last submission. */
  lookup?: SiretLookupResult;
  /** partners-api's message for the `siret` field on the last submission. */
  error?: string;
  onLookup?: (result: SiretLookupResult | undefined) => void;
}) {
  const [value, setValue] = useState(defaultValue);
  const [result, setResult] = useState(lookup);
  const [submissionError, setSubmissionError] = useState(error);
  const [lastProps, setLastProps] = useState({ lookup, error, defaultValue });
  const [pending, startLookup] = useTransition();
  const hydrated = useHydrated();

  // A new submission: what the server says replaces what was shown.
  if (
    lastProps.lookup !== lookup ||
    lastProps.error !== error ||
    lastProps.defaultValue !== defaultValue
  ) {
    setLastProps({ lookup, error, defaultValue });
    setResult(lookup);
    setSubmissionError(error);
    if (lastProps.defaultValue !== defaultValue) setValue(defaultValue);
  }

  function show(next: SiretLookupResult | undefined) {
    setResult(next);
    onLookup?.(next);
  }

  function lookUp(siret: string) {
    setSubmissionError(undefined);
    startLookup(async () => {
      show(await lookupSiretAction(siret));
    });
  }

  function onChange(next: string) {
    setValue(next);
    setSubmissionError(undefined);
    const previous = compactSiret(value);
    if (isCompleteSiret(next)) {
      if (compactSiret(next) !== previous || result === undefined) lookUp(next);
    } else if (result !== undefined) {
      show(undefined);
    }
  }

  function onVerify(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    lookUp(value);
  }

  const establishment =
    result?.status === 'found' ? result.establishment : undefined;
  const message = pending
    ? undefined
    : (submissionError ??
      (result?.status === 'error'
        ? result.message
        : establishment && !establishment.active
          ? CLOSED_ESTABLISHMENT_MESSAGE
          : undefined));

  return (
    <div>
      <Input
        label={label}
        hintText="14 chiffres, indiqués sur l’avis de situation au répertoire Sirene ou sur annuaire-entreprises.data.gouv.fr."
        state={pending ? 'info' : message ? 'error' : 'default'}
        stateRelatedMessage={
          pending ? 'Recherche de l’établissement…' : message
        }
        nativeInputProps={{
          id,
          name: 'siret',
          value,
          onChange: (event) => onChange(event.target.value),
          // Enter in this field looks the SIRET up rather than submitting the whole form.
          onKeyDown: (event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            lookUp(value);
          },
          inputMode: 'numeric',
          autoComplete: 'off',
          maxLength: 32,
          required: true,
          ...(message ? { 'aria-invalid': true } : {}),
        }}
        addon={
          // Without JavaScript, a submit button (the form answers with the look-up). With it, a
          // plain button: the Enter key in the form's other fields then submits the form itself.
          <Button
            type={hydrated ? 'button' : 'submit'}
            priority="secondary"
            nativeButtonProps={
              hydrated
                ? {}
                : { name: 'intent', value: 'lookup', formNoValidate: true }
            }
            onClick={hydrated ? onVerify : undefined}
            disabled={pending}
          >
            Vérifier
          </Button>
        }
      />
      <div aria-live="polite">
        {establishment && !pending && (
          <>
            <EstablishmentSummary establishment={establishment} />
            {establishment.active ? (
              <p className={fr.cx('fr-text--sm')}>
                Vérifiez qu’il s’agit bien de votre établissement avant de
                continuer.
              </p>
            ) : (
              <Alert
                severity="error"
                small
                role={undefined}
                description="Vous ne pouvez pas continuer avec ce SIRET."
                className={fr.cx('fr-mb-3w')}
              />
            )}
          </>
        )}
      </div>
      {establishment?.active && !pending && (
        <input
          type="hidden"
          name="confirmedSiret"
          value={establishment.siret}
        />
      )}
    </div>
  );
}
