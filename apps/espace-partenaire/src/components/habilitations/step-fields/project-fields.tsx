'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { VendorView } from '@federation/partners-contracts';
import { useState } from 'react';

import { STEP_FIELD_LABELS } from '../field-labels';
import { fieldDomId } from '../habilitation-steps';
import {
  errorState,
  nativeProps,
  textValue,
  type StepFieldsProps,
} from './field-helpers';

const LABELS = STEP_FIELD_LABELS.project;

/** Step 1: the project, and the partner vendor whose solution it relies on, if any. */
export function ProjectFields({
  values,
  errors,
  vendors,
}: StepFieldsProps & { vendors: VendorView[] }) {
  const [usesVendor, setUsesVendor] = useState(
    textValue(values, 'usesVendorSolution') === 'true',
  );
  const selectedVendor = textValue(values, 'vendorId');
  return (
    <>
      <Input
        label={LABELS['projectName']}
        hintText="Le nom de votre service en ligne, tel que les usagers le connaissent (3 à 200 caractères)."
        nativeInputProps={nativeProps(values, errors, 'projectName')}
        {...errorState(errors, 'projectName')}
      />
      <Input
        label={LABELS['description']}
        hintText="Qui se connecte, pour quelle démarche, et pourquoi ces données sont nécessaires (30 à 5 000 caractères)."
        textArea
        nativeTextAreaProps={{
          ...nativeProps(values, errors, 'description'),
          rows: 8,
        }}
        {...errorState(errors, 'description')}
      />
      <Checkbox
        id={fieldDomId('usesVendorSolution')}
        options={[
          {
            label: 'Le projet s’appuie sur la solution d’un éditeur partenaire',
            hintText:
              'Si votre service repose sur un logiciel acheté à un éditeur partenaire, choisissez ensuite cet éditeur.',
            nativeInputProps: {
              name: 'usesVendorSolution',
              value: 'true',
              defaultChecked: usesVendor,
              onChange: (event) => setUsesVendor(event.currentTarget.checked),
            },
          },
        ]}
        {...errorState(errors, 'usesVendorSolution')}
      />
      {usesVendor && (
        <div className={fr.cx('fr-mb-3w')}>
          <Select
            label={LABELS['vendorId']}
            hint="La liste des éditeurs référencés par l’équipe de la fédération."
            nativeSelectProps={{
              id: fieldDomId('vendorId'),
              name: 'vendorId',
              defaultValue: vendors.some(
                (vendor) => vendor.id === selectedVendor,
              )
                ? selectedVendor
                : '',
            }}
            {...errorState(errors, 'vendorId')}
          >
            <option value="" disabled>
              Choisissez un éditeur
            </option>
            {vendors.map((vendor) => (
              <option key={vendor.id} value={vendor.id}>
                {vendor.name}
              </option>
            ))}
          </Select>
        </div>
      )}
    </>
  );
}
