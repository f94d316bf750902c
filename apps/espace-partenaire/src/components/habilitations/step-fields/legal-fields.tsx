'use client';

import { Input } from '@codegouvfr/react-dsfr/Input';
import { RETENTION_JUSTIFICATION_THRESHOLD_MONTHS } from '@federation/partners-contracts';
import { useState } from 'react';

import { STEP_FIELD_LABELS } from '../field-labels';
import {
  errorOf,
  errorState,
  nativeProps,
  textValue,
  type StepFieldsProps,
} from './field-helpers';

const LABELS = STEP_FIELD_LABELS.legal;

const needsJustification = (months: string) =>
  Number(months.trim()) > RETENTION_JUSTIFICATION_THRESHOLD_MONTHS;

/** Step 3: the legal basis, and how long the data is kept (justified beyond 36 months). */
export function LegalFields({ values, errors }: StepFieldsProps) {
  const [months, setMonths] = useState(textValue(values, 'retentionMonths'));
  const showJustification =
    needsJustification(months) ||
    textValue(values, 'retentionJustification') !== '' ||
    errorOf(errors, 'retentionJustification') !== undefined;
  return (
    <>
      <Input
        label={LABELS['legalBasisText']}
        hintText="Le texte qui fonde votre traitement : loi, décret, arrêté, délibération… (10 à 2 000 caractères)."
        textArea
        nativeTextAreaProps={{
          ...nativeProps(values, errors, 'legalBasisText'),
          rows: 4,
        }}
        {...errorState(errors, 'legalBasisText')}
      />
      <Input
        label={LABELS['legalBasisUrl']}
        hintText="L’adresse du texte sur Légifrance ou sur votre site, commençant par https://."
        nativeInputProps={{
          ...nativeProps(values, errors, 'legalBasisUrl'),
          type: 'url',
          spellCheck: false,
        }}
        {...errorState(errors, 'legalBasisUrl')}
      />
      <Input
        label={`${LABELS['retentionMonths']} (en mois)`}
        hintText={`Un nombre entier de mois, de 1 à 120. Au-delà de ${RETENTION_JUSTIFICATION_THRESHOLD_MONTHS} mois, une justification est obligatoire.`}
        nativeInputProps={{
          ...nativeProps(values, errors, 'retentionMonths'),
          inputMode: 'numeric',
          onChange: (event) => setMonths(event.currentTarget.value),
        }}
        {...errorState(errors, 'retentionMonths')}
      />
      {showJustification && (
        <Input
          label={LABELS['retentionJustification']}
          hintText={`Obligatoire au-delà de ${RETENTION_JUSTIFICATION_THRESHOLD_MONTHS} mois : pourquoi une conservation aussi longue est nécessaire (20 caractères au moins).`}
          textArea
          nativeTextAreaProps={{
            ...nativeProps(values, errors, 'retentionJustification'),
            rows: 4,
          }}
          {...errorState(errors, 'retentionJustification')}
        />
      )}
    </>
  );
}
