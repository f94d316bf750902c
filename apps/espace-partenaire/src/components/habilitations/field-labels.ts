import type {
  ContactsStep,
  Contact,
  HabilitationStep,
} from '@federation/partners-contracts';

import { splitRequestField, stepLabel } from './habilitation-steps';

export const CONTACT_ROLE_LABELS: Record<keyof ContactsStep, string> = {
  dataController: 'Responsable de traitement',
  dpo: 'Délégué à la protection des données (DPO)',
  technicalContact: 'Contact technique',
};

export const CONTACT_FIELD_LABELS: Record<keyof Contact, string> = {
  givenName: 'Prénom',
  familyName: 'Nom',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  jobTitle: 'Fonction',
};

/** French names of the fields of each step (paths relative to the step), as the forms label them. */
export const STEP_FIELD_LABELS: Record<
  Exclude<HabilitationStep, 'contacts'>,
  Record<string, string>
> = {
  project: {
    projectName: 'Nom du projet',
    description: 'Description détaillée du cas d’usage',
    usesVendorSolution: 'Solution d’un éditeur partenaire',
    vendorId: 'Éditeur partenaire',
  },
  data: {
    claims: 'Données demandées',
    eidasLevel: 'Niveau de garantie eIDAS',
  },
  legal: {
    legalBasisText: 'Cadre juridique',
    legalBasisUrl: 'Adresse web du texte',
    retentionMonths: 'Durée de conservation',
    retentionJustification: 'Justification de la durée de conservation',
  },
  terms: {
    termsAccepted: 'Acceptation des conditions d’utilisation',
  },
};

const isContactRole = (
  value: string | undefined,
): value is keyof ContactsStep =>
  value !== undefined && value in CONTACT_ROLE_LABELS;
const isContactField = (value: string | undefined): value is keyof Contact =>
  value !== undefined && value in CONTACT_FIELD_LABELS;

/** The French name of a field of a step (`dpo.email` → « Adresse électronique — Délégué à la protection des données (DPO) »). */
export function stepFieldLabel(step: HabilitationStep, field: string): string {
  if (step === 'contacts') {
    const [role, leaf] = field.split('.');
    if (!isContactRole(role)) return field;
    if (!isContactField(leaf)) return CONTACT_ROLE_LABELS[role];
    return `${CONTACT_FIELD_LABELS[leaf]} — ${CONTACT_ROLE_LABELS[role]}`;
  }
  const [root = field] = field.split('.');
  return STEP_FIELD_LABELS[step][root] ?? field;
}

/** The French name of a field of the whole request (`legal.retentionMonths` → « Durée de conservation »). */
export function requestFieldLabel(field: string): string {
  const split = splitRequestField(field);
  if (!split) return field;
  if (!split.stepField) return stepLabel(split.step);
  return stepFieldLabel(split.step, split.stepField);
}
