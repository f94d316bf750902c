import type { FieldError } from '@federation/partners-contracts';

/** The portal's pages of the « API FranceConnectée » requests. */
export const newApiRequestPath = (habilitationId: string) =>
  `/habilitations/${habilitationId}/api/nouvelle`;
/** The section of the habilitation page that lists them. */
export const API_SECTION_ANCHOR = 'api-franceconnectees';
export const apiSectionPath = (habilitationId: string) =>
  `/habilitations/${habilitationId}#${API_SECTION_ANCHOR}`;
export const adminApiRequestPath = (requestId?: string) =>
  requestId ? `/admin/api/${requestId}` : '/admin/api';

/** The checked scopes travel back to the form, after a refusal, as one value per line. */
export const SCOPES_SEPARATOR = '\n';

/** The French names of the form's fields, for the error summary. */
export const API_REQUEST_LABELS: Record<string, string> = {
  dataProviderSlug: 'Fournisseur de données',
  scopes: 'Données demandées',
  justification: 'Justification',
};

/**
 * The API's field errors as `{ formField: message }`: an error on one scope (`scopes.1`) is shown
 * on the fieldset of the scopes, each message once.
 */
export function apiRequestFieldErrors(
  errors: FieldError[] | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field = error.field.split('.')[0] ?? error.field;
    const message = error.messages.at(-1) ?? '';
    if (!result[field]) result[field] = message;
    else if (!result[field].includes(message))
      result[field] = `${result[field]} ${message}`;
  }
  return result;
}
