import type {
  Contact,
  ContactsStep,
  HabilitationStep,
  HabilitationStepContent,
} from '@federation/partners-contracts';

/**
 * What a step's form holds, by input name (the names are the paths of the API's step body:
 * `projectName`, `claims`, `dpo.email`…). Strings as typed; lists for the checkbox groups.
 */
export type StepFormValues = Record<string, string | string[]>;

const LIST_FIELDS = new Set(['claims']);
const CONTACT_ROLES: (keyof ContactsStep)[] = [
  'dataController',
  'dpo',
  'technicalContact',
];
const CONTACT_FIELDS: (keyof Contact)[] = [
  'givenName',
  'familyName',
  'email',
  'phone',
  'jobTitle',
];

/** The values of a submitted form (React's own `$ACTION…` fields left out). */
export function valuesFromFormData(formData: FormData): StepFormValues {
  const values: StepFormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const entries = formData
      .getAll(key)
      .filter((entry): entry is string => typeof entry === 'string');
    values[key] = LIST_FIELDS.has(key) ? entries : (entries.at(-1) ?? '');
  }
  return values;
}

const text = (values: StepFormValues, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value : '';
};

const list = (values: StepFormValues, name: string): string[] => {
  const value = values[name];
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
};

const checked = (values: StepFormValues, name: string) =>
  text(values, name) === 'true';

/** A whole number of months as typed; anything else is sent as is so that the API names the problem. */
function months(typed: string): number | string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const contactBody = (values: StepFormValues, role: keyof ContactsStep) =>
  Object.fromEntries(
    CONTACT_FIELDS.map((field) => [field, text(values, `${role}.${field}`)]),
  );

/** The body of `PUT /api/habilitations/{id}/steps/{step}` for the values of the step's form. */
export function stepBody(
  step: HabilitationStep,
  values: StepFormValues,
): Record<string, unknown> {
  switch (step) {
    case 'project': {
      const usesVendorSolution = checked(values, 'usesVendorSolution');
      return {
        projectName: text(values, 'projectName'),
        description: text(values, 'description'),
        usesVendorSolution,
        vendorId: usesVendorSolution ? text(values, 'vendorId') || null : null,
      };
    }
    case 'data': {
      const eidasLevel = text(values, 'eidasLevel');
      return {
        claims: list(values, 'claims'),
        ...(eidasLevel ? { eidasLevel } : {}),
      };
    }
    case 'legal':
      return {
        legalBasisText: text(values, 'legalBasisText'),
        legalBasisUrl: text(values, 'legalBasisUrl'),
        retentionMonths: months(text(values, 'retentionMonths')),
        retentionJustification:
          text(values, 'retentionJustification').trim() || null,
      };
    case 'contacts':
      return Object.fromEntries(
        CONTACT_ROLES.map((role) => [role, contactBody(values, role)]),
      );
    case 'terms':
      return { termsAccepted: checked(values, 'termsAccepted') };
  }
}

/** `+33612345678` → `06 12 34 56 78`, as people read it; anything else unchanged. */
export function displayPhone(phone: string): string {
  const match = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone);
  return match ? `0${match.slice(1).join(' ')}` : phone;
}

/** The form values of a saved step (empty values for a step never saved). */
export function valuesFromContent<S extends HabilitationStep>(
  step: S,
  saved: HabilitationStepContent[S] | undefined,
): StepFormValues {
  if (saved === undefined) return {};
  switch (step) {
    case 'project': {
      const project = saved as HabilitationStepContent['project'];
      return {
        projectName: project.projectName,
        description: project.description,
        usesVendorSolution: project.usesVendorSolution ? 'true' : '',
        vendorId: project.vendorId ?? '',
      };
    }
    case 'data': {
      const data = saved as HabilitationStepContent['data'];
      return { claims: [...data.claims], eidasLevel: data.eidasLevel };
    }
    case 'legal': {
      const legal = saved as HabilitationStepContent['legal'];
      return {
        legalBasisText: legal.legalBasisText,
        legalBasisUrl: legal.legalBasisUrl,
        retentionMonths: String(legal.retentionMonths),
        retentionJustification: legal.retentionJustification ?? '',
      };
    }
    case 'contacts': {
      const contacts = saved as HabilitationStepContent['contacts'];
      const values: StepFormValues = {};
      for (const role of CONTACT_ROLES) {
        for (const field of CONTACT_FIELDS) {
          const value = contacts[role]?.[field] ?? '';
          values[`${role}.${field}`] =
            field === 'phone' ? displayPhone(value) : value;
        }
      }
      return values;
    }
    case 'terms':
      return {
        termsAccepted: (saved as HabilitationStepContent['terms']).termsAccepted
          ? 'true'
          : '',
      };
    default:
      return {};
  }
}

type Json = Record<string, unknown>;
/** Step bodies are plain JSON. */
const cloneJson = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readPath(
  source: unknown,
  path: string[],
): { found: boolean; value?: unknown } {
  let cursor: unknown = source;
  for (const key of path) {
    if (!isObject(cursor) || !(key in cursor)) return { found: false };
    cursor = cursor[key];
  }
  return { found: true, value: cursor };
}

/**
 * For the autosave: the step body with each refused field put back to its saved value, so that
 * what the user typed correctly is kept while a field is still being typed. Undefined when a refused
 * field has no saved value (the step cannot be saved yet).
 */
export function withSavedValues(
  body: Record<string, unknown>,
  saved: unknown,
  refusedFields: string[],
): Record<string, unknown> | undefined {
  const merged = cloneJson(body);
  for (const field of refusedFields) {
    const path = field.split('.');
    // `claims.2` is one entry of a list: the list is put back as a whole.
    while (path.length > 1 && /^\d+$/.test(path.at(-1) ?? '')) path.pop();
    const savedValue = readPath(saved, path);
    if (!savedValue.found) return undefined;
    let target: Json = merged;
    for (const key of path.slice(0, -1)) {
      if (!isObject(target[key])) target[key] = {};
      target = target[key] as Json;
    }
    target[path.at(-1) as string] = cloneJson(savedValue.value);
  }
  return merged;
}
