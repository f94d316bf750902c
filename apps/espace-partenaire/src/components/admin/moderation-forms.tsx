'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useActionState } from 'react';

import {
  acceptMembershipAction,
  rejectMembershipAction,
} from '../../app/actions/admin.actions';
import { FormErrorAlert, FormTextArea } from './form-parts';
import { INITIAL_FORM_STATE } from './form-state';

/** « Accepter »: the person becomes an active member of the organisation. */
export function AcceptMembershipForm({
  membershipId,
}: {
  membershipId: string;
}) {
  const [state, formAction, pending] = useActionState(
    acceptMembershipAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={formAction}>
      <FormErrorAlert
        className={fr.cx('fr-mb-2w')}
        title="L’adhésion n’a pas été acceptée"
        error={state.error}
      />
      <input type="hidden" name="membershipId" value={membershipId} />
      <Button type="submit" iconId="fr-icon-check-line" disabled={pending}>
        Accepter l’adhésion
      </Button>
    </form>
  );
}

/** « Refuser », with the reason the person reads in the e-mail and in the portal. */
export function RejectMembershipForm({
  membershipId,
}: {
  membershipId: string;
}) {
  const [state, formAction, pending] = useActionState(
    rejectMembershipAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={formAction} noValidate>
      <FormErrorAlert
        className={fr.cx('fr-mb-2w')}
        title="L’adhésion n’a pas été refusée"
        error={state.error}
      />
      <input type="hidden" name="membershipId" value={membershipId} />
      <FormTextArea
        state={state}
        name="reason"
        id={`reject-${membershipId}-reason`}
        label="Motif du refus"
        hintText="Entre 10 et 1 000 caractères. Envoyé par courriel à la personne et visible dans son espace."
        rows={3}
      />
      <Button
        type="submit"
        priority="secondary"
        iconId="fr-icon-close-line"
        disabled={pending}
      >
        Refuser l’adhésion
      </Button>
    </form>
  );
}
