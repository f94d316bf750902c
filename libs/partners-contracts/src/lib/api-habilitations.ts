/** Requests of type « API FranceConnectée »: the scopes of one data provider (FD) for a validated habilitation. */

export type ApiHabilitationRequestStatus = 'submitted' | 'validated' | 'refused';

export const API_HABILITATION_REQUEST_STATUS_LABELS: Record<ApiHabilitationRequestStatus, string> = {
  submitted: 'En cours d’examen',
  validated: 'Validée',
  refused: 'Refusée',
};

/** The justification of a request: long enough to be read, short enough to be read at all. */
export const API_JUSTIFICATION_LENGTH = { min: 20, max: 4000 } as const;

export interface DataProviderScopeView {
  scope: string;
  label: string;
}

/** One FD of the consent service's catalogue and the scopes it serves, in display order. */
export interface DataProviderView {
  slug: string;
  name: string;
  scopes: DataProviderScopeView[];
}

export interface ApiHabilitationRequestView {
  id: string;
  habilitationId: string;
  habilitationProjectName: string | null;
  organisation: { id: string; siret: string; name: string };
  /** The name comes from the catalogue; an FD no longer in it keeps its slug as name. */
  dataProvider: { slug: string; name: string };
  /** In the catalogue's order, each with its label (the scope itself when the catalogue no longer has it). */
  scopes: DataProviderScopeView[];
  justification: string;
  status: ApiHabilitationRequestStatus;
  decisionMessage: string | null;
  decidedAt: string | null;
  createdAt: string;
}
