'use client';

import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useActionState } from 'react';

import { decideHabilitationAction } from '../../app/actions/admin.actions';
import { type DecisionCopy, DecisionSection } from './decision-section';
import { INITIAL_FORM_STATE } from './form-state';

export type InstructorDecision =
  | 'request_changes'
  | 'validate'
  | 'refuse'
  | 'revoke';

const REASON_HINT =
  'Obligatoire, entre 10 et 5 000 caractères. Envoyé par courriel au demandeur et ajouté au fil de discussion.';

function copy(decision: InstructorDecision, isUpdate: boolean): DecisionCopy {
  switch (decision) {
    case 'request_changes':
      return {
        title: 'Demander des modifications',
        intro:
          'La demande revient au demandeur, qui la corrige puis la soumet de nouveau.',
        messageLabel: 'Modifications attendues',
        hint: REASON_HINT,
        submit: 'Demander des modifications',
        priority: 'secondary',
      };
    case 'validate':
      return {
        title: isUpdate ? 'Valider la mise à jour' : 'Valider la demande',
        intro:
          'Le demandeur, le responsable de traitement, le DPO et le contact technique sont prévenus par courriel.',
        messageLabel: 'Message au demandeur (facultatif)',
        hint: '5 000 caractères au plus. Ajouté au fil de discussion et repris dans le courriel.',
        submit: isUpdate ? 'Valider la mise à jour' : 'Valider la demande',
        priority: 'primary',
      };
    case 'refuse':
      return {
        title: isUpdate ? 'Refuser la mise à jour' : 'Refuser la demande',
        intro: isUpdate
          ? 'La version validée précédemment reste en vigueur.'
          : 'La décision est définitive : le demandeur devra déposer une nouvelle demande.',
        messageLabel: 'Motif du refus',
        hint: REASON_HINT,
        submit: isUpdate ? 'Refuser la mise à jour' : 'Refuser la demande',
        priority: 'secondary',
      };
    case 'revoke':
      return {
        title: 'Révoquer l’habilitation',
        intro:
          'Le service ne pourra plus utiliser FranceConnect. La révocation est définitive.',
        messageLabel: 'Motif de la révocation',
        hint: REASON_HINT,
        submit: 'Révoquer l’habilitation',
        priority: 'secondary',
      };
  }
}

/** One decision of the instructor on a request, with its message; revoking asks for a confirmation. */
export function DecisionForm({
  habilitationId,
  decision,
  isUpdate,
}: {
  habilitationId: string;
  decision: InstructorDecision;
  isUpdate: boolean;
}) {
  const [state, formAction, pending] = useActionState(
    decideHabilitationAction,
    INITIAL_FORM_STATE,
  );
  const confirmError = state.fieldErrors?.['confirm'];
  return (
    <DecisionSection
      decision={decision}
      text={copy(decision, isUpdate)}
      state={state}
      formAction={formAction}
      pending={pending}
      hiddenFields={{ habilitationId }}
    >
      {decision === 'revoke' && (
        <Checkbox
          id="decision-revoke-confirm"
          legend="Confirmation"
          state={confirmError ? 'error' : 'default'}
          stateRelatedMessage={confirmError}
          options={[
            {
              label: 'Je confirme la révocation de cette habilitation',
              nativeInputProps: { name: 'confirm' },
            },
          ]}
        />
      )}
    </DecisionSection>
  );
}
