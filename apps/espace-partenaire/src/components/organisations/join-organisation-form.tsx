'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState, useState } from 'react';

import { joinOrganisationAction } from '../../app/actions/organisations.actions';
import { FormAlert } from '../account/form-alert';
import { IDLE } from '../account/form-state';
import { JoinOutcome } from './join-outcome';
import type { JoinState } from './organisation-states';
import { SiretField } from './siret-field';
import type { SiretLookupResult } from './siret-lookup';

/** « Rejoindre une autre organisation »: the same SIRET look-up as at signup, then the outcome. */
export function JoinOrganisationForm() {
  const [state, formAction, pending] = useActionState<JoinState, FormData>(
    joinOrganisationAction,
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

  return (
    <>
      {state.result && <JoinOutcome result={state.result} headingLevel="h3" />}
      <form action={formAction} noValidate>
        <FormAlert state={state} fields={['siret']} />
        <SiretField
          // A new field once an organisation is joined: ready for the next SIRET.
          key={state.result?.membership.id ?? 'siret'}
          id="join-siret"
          label="Numéro SIRET de l’établissement"
          defaultValue={state.values?.['siret'] ?? ''}
          lookup={state.lookup}
          error={state.fieldErrors?.['siret']}
          onLookup={setLookup}
        />
        <Button
          type="submit"
          disabled={pending || closed}
          className={fr.cx('fr-mt-1w')}
        >
          Rejoindre cette organisation
        </Button>
      </form>
    </>
  );
}
