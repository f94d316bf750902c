'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useActionState } from 'react';

import { revokeServiceProviderAction } from '../../app/actions/service-providers.actions';
import { FormErrorAlert, FormTextArea } from './form-parts';
import { INITIAL_FORM_STATE } from './form-state';

/** « Révoquer » one client of a habilitation: a reason and a confirmation, then the core refuses it. */
export function RevokeClientForm({
  serviceProviderId,
  habilitationId,
  clientName,
  environmentLabel,
}: {
  serviceProviderId: string;
  habilitationId: string;
  clientName: string;
  environmentLabel: string;
}) {
  const [state, formAction, pending] = useActionState(
    revokeServiceProviderAction,
    INITIAL_FORM_STATE,
  );
  const confirmError = state.fieldErrors?.['confirm'];
  const prefix = `revocation-${serviceProviderId}`;
  return (
    <details
      className={fr.cx('fr-mt-1w')}
      open={state.error ? true : undefined}
    >
      <summary>
        Révoquer
        <span className={fr.cx('fr-sr-only')}>
          {' '}
          l’accès {environmentLabel.toLowerCase()} « {clientName} »
        </span>
      </summary>
      <form action={formAction} noValidate className={fr.cx('fr-mt-2w')}>
        <FormErrorAlert
          as="h4"
          className={fr.cx('fr-mb-3w')}
          title="La révocation n’a pas été enregistrée"
          error={state.error}
        />
        <input
          type="hidden"
          name="serviceProviderId"
          value={serviceProviderId}
        />
        <input type="hidden" name="habilitationId" value={habilitationId} />
        <FormTextArea
          state={state}
          name="reason"
          id={`${prefix}-motif`}
          label="Motif de la révocation"
          hintText="Obligatoire. Montré aux membres de l’organisation."
          rows={3}
          markInvalid
        />
        <Checkbox
          id={`${prefix}-confirmation`}
          legend="Confirmation"
          state={confirmError ? 'error' : 'default'}
          stateRelatedMessage={confirmError}
          options={[
            {
              label: `Je confirme la révocation de l’accès « ${clientName} » : FranceConnect le refusera dans les secondes qui suivent`,
              nativeInputProps: { name: 'confirm' },
            },
          ]}
        />
        <Button
          type="submit"
          priority="secondary"
          iconId="fr-icon-close-circle-line"
          disabled={pending}
        >
          {pending ? 'Révocation…' : 'Révoquer cet accès'}
        </Button>
      </form>
    </details>
  );
}
