'use client';

import { useActionState } from 'react';

import { decideApiRequestAction } from '../../app/actions/api-habilitations.actions';
import { type DecisionCopy, DecisionSection } from './decision-section';
import { INITIAL_FORM_STATE } from './form-state';

export type ApiRequestDecision = 'validate' | 'refuse';

const COPY: Record<ApiRequestDecision, DecisionCopy> = {
  validate: {
    title: 'Valider',
    intro:
      'Les données demandées sont autorisées pour tous les accès de l’habilitation (bac à sable et production), publiés aussitôt auprès de FranceConnect.',
    messageLabel: 'Message au demandeur (facultatif)',
    hint: '5 000 caractères au plus. Montré au demandeur avec la décision.',
    submit: 'Valider la demande d’API',
    priority: 'primary',
  },
  refuse: {
    title: 'Refuser',
    intro:
      'Aucune donnée n’est ajoutée ; le demandeur peut déposer une nouvelle demande.',
    messageLabel: 'Motif du refus',
    hint: 'Obligatoire, entre 10 et 5 000 caractères. Montré au demandeur : dites-lui ce qui manque.',
    submit: 'Refuser la demande d’API',
    priority: 'secondary',
  },
};

/** « Valider » (optional message) or « Refuser » (message required) an API FranceConnectée request. */
export function ApiDecisionForm({
  apiRequestId,
  decision,
}: {
  apiRequestId: string;
  decision: ApiRequestDecision;
}) {
  const [state, formAction, pending] = useActionState(
    decideApiRequestAction,
    INITIAL_FORM_STATE,
  );
  return (
    <DecisionSection
      decision={decision}
      text={COPY[decision]}
      state={state}
      formAction={formAction}
      pending={pending}
      hiddenFields={{ apiRequestId }}
      markInvalidMessage
    />
  );
}
