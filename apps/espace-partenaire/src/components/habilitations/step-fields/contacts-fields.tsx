import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Contact, ContactsStep } from '@federation/partners-contracts';

import { CONTACT_FIELD_LABELS, CONTACT_ROLE_LABELS } from '../field-labels';
import { errorState, nativeProps, type StepFieldsProps } from './field-helpers';

const ROLE_HINTS: Record<keyof ContactsStep, string> = {
  dataController:
    'La personne qui décide de la finalité du traitement, au nom de votre organisation.',
  dpo: 'Le délégué à la protection des données de votre organisation.',
  technicalContact:
    'La personne qui recevra les clés et les alertes techniques.',
};

const FIELDS: {
  field: keyof Contact;
  type: 'text' | 'email' | 'tel';
  hint?: string;
}[] = [
  { field: 'givenName', type: 'text' },
  { field: 'familyName', type: 'text' },
  {
    field: 'email',
    type: 'email',
    hint: 'Format attendu : prenom.nom@exemple.gouv.fr',
  },
  {
    field: 'phone',
    type: 'tel',
    hint: 'Un numéro français, par exemple 01 23 45 67 89 ou +33 1 23 45 67 89.',
  },
  { field: 'jobTitle', type: 'text' },
];

const TECHNICAL_PHONE_HINT =
  'Un numéro de mobile français (06 ou 07), par exemple 06 12 34 56 78 : il reçoit les alertes.';

/** Step 4: the data controller, the DPO and the technical contact, each in its own fieldset. */
export function ContactsFields({ values, errors }: StepFieldsProps) {
  const roles = Object.keys(CONTACT_ROLE_LABELS) as (keyof ContactsStep)[];
  return (
    <>
      {roles.map((role) => (
        <fieldset
          key={role}
          className={fr.cx('fr-fieldset', 'fr-mb-4w')}
          aria-labelledby={`legende-${role}`}
        >
          <legend
            id={`legende-${role}`}
            className={fr.cx('fr-fieldset__legend')}
          >
            <span className={fr.cx('fr-h5')}>{CONTACT_ROLE_LABELS[role]}</span>
            <span className={fr.cx('fr-hint-text')}>{ROLE_HINTS[role]}</span>
          </legend>
          {FIELDS.map(({ field, type, hint }) => {
            const name = `${role}.${field}`;
            return (
              <div key={name} className={fr.cx('fr-fieldset__element')}>
                <Input
                  label={CONTACT_FIELD_LABELS[field]}
                  hintText={
                    field === 'phone' && role === 'technicalContact'
                      ? TECHNICAL_PHONE_HINT
                      : hint
                  }
                  nativeInputProps={{
                    ...nativeProps(values, errors, name),
                    type,
                    spellCheck: type === 'text' ? undefined : false,
                  }}
                  {...errorState(errors, name)}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
