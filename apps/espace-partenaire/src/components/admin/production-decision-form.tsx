'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useActionState } from 'react';

import { decideProductionRequestAction } from '../../app/actions/service-providers.actions';
import { FocusedAlert } from './focused-alert';
import { INITIAL_FORM_STATE } from './form-state';

export type ProductionDecision = 'validate' | 'refuse';

const COPY = {
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
} as const;

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
  const text = COPY[decision];
  const headingId = `decision-${decision}-titre`;
  const messageError = state.fieldErrors?.['message'];
  return (
    <section aria-labelledby={headingId} className={fr.cx('fr-mb-4w')}>
      <h3 id={headingId} className={fr.cx('fr-h5', 'fr-mb-1w')}>
        {text.title}
      </h3>
      <p className={fr.cx('fr-text--sm', 'fr-mb-2w')}>{text.intro}</p>
      <form action={formAction} noValidate>
        {state.error && (
          <FocusedAlert
            as="h4"
            className={fr.cx('fr-mb-3w')}
            severity="error"
            title="La décision n’a pas été enregistrée"
            description={state.error}
          />
        )}
        <input
          type="hidden"
          name="productionRequestId"
          value={productionRequestId}
        />
        <input type="hidden" name="decision" value={decision} />
        <Input
          label={text.messageLabel}
          hintText={text.hint}
          textArea
          state={messageError ? 'error' : 'default'}
          stateRelatedMessage={messageError}
          nativeTextAreaProps={{
            id: `decision-${decision}-message`,
            name: 'message',
            rows: 4,
            defaultValue: state.values?.['message'] ?? '',
            'aria-invalid': messageError ? true : undefined,
          }}
        />
        <Button type="submit" priority={text.priority} disabled={pending}>
          {pending ? 'Envoi en cours…' : text.submit}
        </Button>
      </form>
    </section>
  );
}
