import {
  HABILITATION_STEP_LABELS,
  type CatalogueView,
  type HabilitationContent,
  type HabilitationEventType,
  type HabilitationStep,
} from '@federation/partners-contracts';

/** What the review page needs to print a request's values in French. */
export interface ContentLabels {
  claims: Record<string, string>;
  eidasLevels: Record<string, string>;
  vendors: Record<string, string>;
}

export function contentLabels(
  catalogue: CatalogueView | null,
  vendors: { id: string; name: string }[],
): ContentLabels {
  return {
    claims: Object.fromEntries(
      (catalogue?.claims ?? []).map(({ claim, label }) => [claim, label]),
    ),
    eidasLevels: Object.fromEntries(
      (catalogue?.eidasLevels ?? []).map(({ level, label }) => [level, label]),
    ),
    vendors: Object.fromEntries(vendors.map(({ id, name }) => [id, name])),
  };
}

export const CONTACT_ROLE_LABELS = {
  dataController: 'Responsable de traitement',
  dpo: 'Délégué à la protection des données (DPO)',
  technicalContact: 'Contact technique',
} as const;

export const CONTACT_FIELD_LABELS = {
  givenName: 'Prénom',
  familyName: 'Nom',
  email: 'Adresse électronique',
  phone: 'Téléphone',
  jobTitle: 'Fonction',
} as const;

const FIELD_LABELS: Record<string, string> = {
  'project.projectName': 'Nom du projet',
  'project.description': 'Description du cas d’usage',
  'project.usesVendorSolution': 'Solution d’un éditeur partenaire',
  'project.vendorId': 'Éditeur',
  'data.claims': 'Données d’identité',
  'data.eidasLevel': 'Niveau de garantie eIDAS',
  'legal.legalBasisText': 'Base légale',
  'legal.legalBasisUrl': 'Lien vers le texte',
  'legal.retentionMonths': 'Durée de conservation',
  'legal.retentionJustification': 'Justification de la durée de conservation',
  'terms.termsAccepted': 'Conditions d’utilisation acceptées',
};

/** « Responsables et contacts › DPO › Adresse électronique » for `contacts.dpo.email`. */
export function fieldLabel(path: string): string {
  const [step, ...rest] = path.split('.');
  const stepLabel = HABILITATION_STEP_LABELS[step as HabilitationStep];
  if (!stepLabel) return path;
  if (step === 'contacts') {
    const [role, field] = rest;
    const roleLabel =
      CONTACT_ROLE_LABELS[role as keyof typeof CONTACT_ROLE_LABELS] ?? role;
    const fieldText = field
      ? ` › ${CONTACT_FIELD_LABELS[field as keyof typeof CONTACT_FIELD_LABELS] ?? field}`
      : '';
    return `${stepLabel} › ${roleLabel ?? ''}${fieldText}`;
  }
  const label =
    FIELD_LABELS[path] ?? (rest.length === 0 ? undefined : rest.join('.'));
  return label ? `${stepLabel} › ${label}` : stepLabel;
}

/** The value at a dotted path of a request's content (undefined when absent). */
export function valueAt(
  content: HabilitationContent | null | undefined,
  path: string,
): unknown {
  let value: unknown = content;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A value of the request as the instructor reads it: claims and levels by their French label, yes/no, months. */
export function formatValue(
  path: string,
  value: unknown,
  labels: ContentLabels,
): string {
  if (value === undefined || value === null || value === '')
    return 'Non renseigné';
  if (path === 'data.claims' && Array.isArray(value)) {
    return value.length === 0
      ? 'Aucune'
      : value
          .map((claim) => labels.claims[String(claim)] ?? String(claim))
          .join(', ');
  }
  if (path === 'data.eidasLevel') return eidasLabel(String(value), labels);
  if (path === 'project.vendorId')
    return labels.vendors[String(value)] ?? 'Éditeur inconnu';
  if (path === 'legal.retentionMonths') return `${String(value)} mois`;
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** « Substantiel (eidas2) » */
export function eidasLabel(level: string, labels: ContentLabels): string {
  const label = labels.eidasLevels[level];
  return label ? `${label} (${level})` : level;
}

export const EVENT_LABELS: Record<HabilitationEventType, string> = {
  created: 'Demande créée',
  submitted: 'Demande soumise',
  changes_requested: 'Modifications demandées',
  validated: 'Demande validée',
  refused: 'Demande refusée',
  revoked: 'Habilitation révoquée',
  reopened: 'Demande rouverte pour une mise à jour',
};

export const ACTOR_ROLE_LABELS = {
  applicant: 'demandeur',
  instructor: 'instructeur',
} as const;
