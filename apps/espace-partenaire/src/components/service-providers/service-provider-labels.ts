import {
  ENVIRONMENT_LABELS,
  PUBLICATION_STATUS_LABELS,
  type ClientAuthMethod,
  type FieldError,
  type IdTokenSigningAlg,
  type PublicationView,
  type ServiceProviderEnvironment,
} from '@federation/partners-contracts';

/**
 * Words, paths and small rules of the « accès FranceConnect » pages (client configuration, secrets,
 * production requests), shared by the server pages, the client forms and the server actions.
 */

/** « 7 jours », « 36 heures »: how long the previous secret keeps working after a renewal. */
export function overlapLabel(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? '1 jour' : `${hours / 24} jours`;
  return hours === 1 ? '1 heure' : `${hours} heures`;
}

export const accessPath = (habilitationId: string, serviceProviderId: string) =>
  `/habilitations/${habilitationId}/acces/${serviceProviderId}`;
export const productionPath = (habilitationId: string) =>
  `/habilitations/${habilitationId}/production`;
export const adminProductionPath = (requestId?: string) =>
  requestId ? `/admin/production/${requestId}` : '/admin/production';

export const AUTH_METHOD_LABELS: Record<ClientAuthMethod, string> = {
  client_secret_basic:
    'Secret client dans l’en-tête HTTP Basic (client_secret_basic)',
  client_secret_post:
    'Secret client dans le corps de la requête (client_secret_post)',
  private_key_jwt:
    'Assertion JWT signée par votre clé privée (private_key_jwt)',
};

export const ID_TOKEN_ALG_LABELS: Record<IdTokenSigningAlg, string> = {
  ES256: 'ES256 (courbe elliptique P-256, recommandé)',
  RS256: 'RS256 (RSA)',
};

/** « Accès bac à sable », « Accès de production » */
export function environmentTitle(
  environment: ServiceProviderEnvironment,
): string {
  return environment === 'sandbox'
    ? 'Accès bac à sable'
    : 'Accès de production';
}

export const environmentLabel = (environment: ServiceProviderEnvironment) =>
  ENVIRONMENT_LABELS[environment];

/** « Publication en cours », « Publiée (version 3) », « Échec de la publication », « Non publiée ». */
export function publicationLabel(publication: PublicationView | null): string {
  if (!publication) return 'Non publiée';
  if (publication.status === 'published')
    return `${PUBLICATION_STATUS_LABELS.published} (version ${publication.version})`;
  return PUBLICATION_STATUS_LABELS[publication.status];
}

/** The form fields whose value is a list typed one entry per line. */
export const LIST_FIELDS = ['redirectUris', 'postLogoutRedirectUris'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

/**
 * The entries of a « one per line » text area: trimmed, blank lines dropped, and for each entry the
 * line it was typed on (1-based), so that an error of `redirectUris.1` can name the right line.
 */
export function linesOf(text: string): {
  values: string[];
  lineNumbers: number[];
} {
  const values: string[] = [];
  const lineNumbers: number[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const value = line.trim();
    if (value === '') return;
    values.push(value);
    lineNumbers.push(index + 1);
  });
  return { values, lineNumbers };
}

/**
 * The API's field errors as `{ formField: message }`. An error on an entry of a list
 * (`redirectUris.1`) is shown on its text area, with the line it was typed on: « Ligne 3 : … ».
 * When several rules of a field fail, the API lists the most basic one last: that one is shown.
 */
export function formFieldErrors(
  errors: FieldError[] | undefined,
  lineNumbers: Partial<Record<ListField, number[]>> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors ?? []) {
    const message = error.messages.at(-1) ?? '';
    const [root = error.field, index, ...rest] = error.field.split('.');
    const list = LIST_FIELDS.find((field) => field === root);
    if (
      list &&
      index !== undefined &&
      /^\d+$/.test(index) &&
      rest.length === 0
    ) {
      const line = lineNumbers[list]?.[Number(index)] ?? Number(index) + 1;
      const text = `Ligne ${line} : ${message}`;
      result[list] = result[list] ? `${result[list]} ${text}` : text;
    } else {
      result[error.field] = result[error.field]
        ? `${result[error.field]} ${message}`
        : message;
    }
  }
  return result;
}

/** The id of a form field's element (`technicalContact.email` → `champ-technicalContact-email`). */
export function fieldId(name: string): string {
  return `champ-${name.replace(/\./g, '-')}`;
}
