import {
  HABILITATION_STEP_LABELS,
  HABILITATION_STEPS,
  type HabilitationStatus,
  type HabilitationStep,
} from '@federation/partners-contracts';

/** The French path segment of each step of the form (`/habilitations/<id>/etapes/<slug>`). */
export const STEP_SLUGS: Record<HabilitationStep, string> = {
  project: 'projet',
  data: 'donnees',
  legal: 'cadre-juridique',
  contacts: 'contacts',
  terms: 'conditions',
};

export function stepFromSlug(slug: string): HabilitationStep | undefined {
  return HABILITATION_STEPS.find((step) => STEP_SLUGS[step] === slug);
}

export function stepLabel(step: HabilitationStep): string {
  return HABILITATION_STEP_LABELS[step];
}

/** 1-based position of a step, as the stepper shows it (« Étape 2 sur 5 »). */
export function stepNumber(step: HabilitationStep): number {
  return HABILITATION_STEPS.indexOf(step) + 1;
}

export function previousStep(
  step: HabilitationStep,
): HabilitationStep | undefined {
  return HABILITATION_STEPS[HABILITATION_STEPS.indexOf(step) - 1];
}

export function nextStep(step: HabilitationStep): HabilitationStep | undefined {
  return HABILITATION_STEPS[HABILITATION_STEPS.indexOf(step) + 1];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from the URL or back from the browser: only well-formed ones reach partners-api. */
export const isWellFormedId = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

export const requestPath = (id: string) => `/habilitations/${id}`;
export const summaryPath = (id: string) => `/habilitations/${id}/recapitulatif`;
export const stepPath = (id: string, step: HabilitationStep) =>
  `/habilitations/${id}/etapes/${STEP_SLUGS[step]}`;

/** Only a draft or a request sent back for changes can be edited (the API answers 409 otherwise). */
export function isEditable(status: HabilitationStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

/** Fields rendered as a group of radios or checkboxes: their first input is the one to focus. */
const GROUP_FIELDS = new Set([
  'claims',
  'eidasLevel',
  'termsAccepted',
  'usesVendorSolution',
]);

/** The id of the DOM element of a field of a step (`dpo.email` → `champ-dpo-email`). */
export function fieldDomId(field: string): string {
  return `champ-${field.replace(/\./g, '-')}`;
}

/** The element an error message links to: the input itself, or the first option of a group. */
export function fieldAnchorId(field: string): string {
  const [root = field] = field.split('.');
  if (GROUP_FIELDS.has(root)) return `${fieldDomId(root)}-0`;
  return fieldDomId(field);
}

/**
 * A field of the whole request (`contacts.technicalContact.phone`, or `legal` for a missing step),
 * split into its step and its path inside the step.
 */
export function splitRequestField(
  field: string,
): { step: HabilitationStep; stepField: string | undefined } | undefined {
  const [head, ...rest] = field.split('.');
  const step = HABILITATION_STEPS.find((candidate) => candidate === head);
  if (!step) return undefined;
  return { step, stepField: rest.length > 0 ? rest.join('.') : undefined };
}

/** Where to fix a field of the whole request: its step page, on the field when there is one. */
export function requestFieldHref(id: string, field: string): string {
  const split = splitRequestField(field);
  if (!split) return summaryPath(id);
  const anchor = split.stepField ? `#${fieldAnchorId(split.stepField)}` : '';
  return `${stepPath(id, split.step)}${anchor}`;
}
