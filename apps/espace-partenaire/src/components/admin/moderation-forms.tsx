'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import {
  acceptMembershipAction,
  rejectMembershipAction,
} from '../../app/actions/admin.actions';
import { FocusedAlert } from './focused-alert';
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
      {state.error && (
        <FocusedAlert
          className={fr.cx('fr-mb-2w')}
          severity="error"
          title="L’adhésion n’a pas été acceptée"
          description={state.error}
        />
      )}
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
  const reasonError = state.fieldErrors?.['reason'];
  return (
    <form action={formAction} noValidate>
      {state.error && (
        <FocusedAlert
          className={fr.cx('fr-mb-2w')}
          severity="error"
          title="L’adhésion n’a pas été refusée"
          description={state.error}
        />
      )}
      <input type="hidden" name="membershipId" value={membershipId} />
      <Input
        label="Motif du refus"
        hintText="Entre 10 et 1 000 caractères. Envoyé par courriel à la personne et visible dans son espace."
        textArea
        state={reasonError ? 'error' : 'default'}
        stateRelatedMessage={reasonError}
        nativeTextAreaProps={{
          id: `reject-${membershipId}-reason`,
          name: 'reason',
          rows: 3,
          defaultValue: state.values?.['reason'] ?? '',
        }}
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
