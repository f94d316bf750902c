'use client';

import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { VendorView } from '@federation/partners-contracts';
import { useActionState } from 'react';

import {
  createVendorAction,
  setVendorActiveAction,
  updateVendorAction,
} from '../../app/actions/admin.actions';
import { FormErrorAlert } from './form-parts';
import { type AdminFormState, INITIAL_FORM_STATE } from './form-state';

function VendorFields({
  idPrefix,
  state,
  defaults,
}: {
  idPrefix: string;
  state: AdminFormState;
  defaults: { name: string; siret: string };
}) {
  const nameError = state.fieldErrors?.['name'];
  const siretError = state.fieldErrors?.['siret'];
  return (
    <>
      <Input
        label="Nom de l’éditeur"
        hintText="Entre 2 et 200 caractères, tel que les demandeurs le reconnaîtront."
        state={nameError ? 'error' : 'default'}
        stateRelatedMessage={nameError}
        nativeInputProps={{
          id: `${idPrefix}-name`,
          name: 'name',
          autoComplete: 'organization',
          defaultValue: state.values?.['name'] ?? defaults.name,
        }}
      />
      <Input
        label="SIRET (facultatif)"
        hintText="14 chiffres, espaces tolérés."
        state={siretError ? 'error' : 'default'}
        stateRelatedMessage={siretError}
        nativeInputProps={{
          id: `${idPrefix}-siret`,
          name: 'siret',
          inputMode: 'numeric',
          defaultValue: state.values?.['siret'] ?? defaults.siret,
        }}
      />
    </>
  );
}

/** Adds a vendor to the list offered to applicants. */
export function CreateVendorForm() {
  const [state, formAction, pending] = useActionState(
    createVendorAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={formAction} noValidate>
      <FormErrorAlert
        className={fr.cx('fr-mb-3w')}
        title="L’éditeur n’a pas été ajouté"
        error={state.error}
      />
      <VendorFields
        idPrefix="new-vendor"
        state={state}
        defaults={{ name: '', siret: '' }}
      />
      <Button type="submit" iconId="fr-icon-add-line" disabled={pending}>
        Ajouter l’éditeur
      </Button>
    </form>
  );
}

/** Renames a vendor or changes its SIRET. */
export function EditVendorForm({ vendor }: { vendor: VendorView }) {
  const [state, formAction, pending] = useActionState(
    updateVendorAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={formAction} noValidate>
      <FormErrorAlert
        className={fr.cx('fr-mb-3w')}
        title="L’éditeur n’a pas été modifié"
        error={state.error}
      />
      <input type="hidden" name="vendorId" value={vendor.id} />
      <VendorFields
        idPrefix="edit-vendor"
        state={state}
        defaults={{ name: vendor.name, siret: vendor.siret ?? '' }}
      />
      <ButtonsGroup
        inlineLayoutWhen="always"
        buttons={[
          { children: 'Enregistrer', type: 'submit', disabled: pending },
          {
            children: 'Annuler',
            priority: 'secondary',
            linkProps: { href: '/admin/editeurs' },
          },
        ]}
      />
    </form>
  );
}

/** « Activer » / « Désactiver » in the vendors' table. */
export function VendorActiveToggle({ vendor }: { vendor: VendorView }) {
  const [state, formAction, pending] = useActionState(
    setVendorActiveAction,
    INITIAL_FORM_STATE,
  );
  return (
    <form action={formAction}>
      <FormErrorAlert
        className={fr.cx('fr-mb-1w')}
        title="Le changement n’a pas été enregistré"
        error={state.error}
      />
      <input type="hidden" name="vendorId" value={vendor.id} />
      <input
        type="hidden"
        name="active"
        value={vendor.active ? 'false' : 'true'}
      />
      <Button
        type="submit"
        size="small"
        priority="secondary"
        disabled={pending}
      >
        {vendor.active ? 'Désactiver' : 'Activer'}
        <span className={fr.cx('fr-sr-only')}>
          {' '}
          l’éditeur « {vendor.name} »
        </span>
      </Button>
    </form>
  );
}
