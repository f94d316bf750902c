'use client';

import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import type { CatalogueView } from '@federation/partners-contracts';

import { STEP_FIELD_LABELS } from '../field-labels';
import { fieldDomId } from '../habilitation-steps';
import {
  errorState,
  listValue,
  textValue,
  type StepFieldsProps,
} from './field-helpers';

const LABELS = STEP_FIELD_LABELS.data;

/** What each requestable level means for the user, next to the catalogue's label. */
const EIDAS_HINTS: Record<string, string> = {
  eidas1:
    'Suffisant pour la plupart des démarches : l’usager se connecte avec un compte d’un fournisseur d’identité.',
  eidas2:
    'Pour les démarches sensibles : l’identité de l’usager a été vérifiée de façon renforcée.',
};

/** Step 2: the identity data requested, from the catalogue, and the eIDAS level. */
export function DataFields({
  values,
  errors,
  catalogue,
}: StepFieldsProps & { catalogue: CatalogueView }) {
  const claims = listValue(values, 'claims');
  const eidasLevel = textValue(values, 'eidasLevel');
  return (
    <>
      <Checkbox
        id={fieldDomId('claims')}
        legend={LABELS['claims']}
        hintText="Ne demandez que les données nécessaires à votre démarche (principe de minimisation)."
        options={catalogue.claims.map(({ claim, label }) => ({
          label,
          hintText: <code>{claim}</code>,
          nativeInputProps: {
            name: 'claims',
            value: claim,
            defaultChecked: claims.includes(claim),
          },
        }))}
        {...errorState(errors, 'claims')}
      />
      <RadioButtons
        id={fieldDomId('eidasLevel')}
        name="eidasLevel"
        legend={LABELS['eidasLevel']}
        hintText="Le niveau d’assurance de l’identité exigé pour accéder à votre démarche."
        options={catalogue.eidasLevels.map(({ level, label }) => ({
          label: `eIDAS ${level.replace('eidas', '')} — ${label}`,
          hintText: EIDAS_HINTS[level],
          nativeInputProps: {
            value: level,
            defaultChecked: eidasLevel === level,
          },
        }))}
        {...errorState(errors, 'eidasLevel')}
      />
    </>
  );
}
