'use client';

import { useActionState } from 'react';

import { decideProductionRequestAction } from '../../app/actions/service-providers.actions';
import { type DecisionCopy, DecisionSection } from './decision-section';
import { INITIAL_FORM_STATE } from './form-state';

export type ProductionDecision = 'validate' | 'refuse';

const COPY: Record<ProductionDecision, DecisionCopy> = {
  validate: {
    title: 'Valider',
    intro:
      'Un accès de production est délivré à l’organisation ; ses membres en génèrent le secret sur l’Espace Partenaire.',
    messageLabel: 'Message au demandeur (facultatif)',
    hint: 'Montré au demandeur avec la décision.',
    submit: 'Valider la mise en production',
    priority: 'primary',
  },
  refuse: {
    title: 'Refuser',
    intro:
      'Aucun accès de production n’est délivré ; le demandeur peut déposer une nouvelle demande.',
    messageLabel: 'Motif du refus',
    hint: 'Obligatoire. Montré au demandeur : dites-lui quoi corriger.',
    submit: 'Refuser la mise en production',
    priority: 'secondary',
  },
};

/** « Valider » (optional message) or « Refuser » (message required) a production request. */
export function ProductionDecisionForm({
  productionRequestId,
  decision,
}: {
  productionRequestId: string;
  decision: ProductionDecision;
}) {
  const [state, formAction, pending] = useActionState(
    decideProductionRequestAction,
    INITIAL_FORM_STATE,
  );
  return (
    <DecisionSection
      decision={decision}
      text={COPY[decision]}
      state={state}
      formAction={formAction}
      pending={pending}
      hiddenFields={{ productionRequestId }}
      markInvalidMessage
    />
  );
}
