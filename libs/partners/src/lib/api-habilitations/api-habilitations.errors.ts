import { API_HABILITATION_REQUEST_STATUS_LABELS, type ApiHabilitationRequestStatus } from '@federation/partners-contracts';
import { PartnersError } from '../common/partners.errors';

/** P07xxxx: requests of type « API FranceConnectée » (the scopes of a data provider for a habilitation). */

/** An API FranceConnectée extends a FranceConnect habilitation validated and still in force. */
export class ApiHabilitationNotInForceError extends PartnersError {
  readonly code = 'P070001';
  constructor() {
    super(
      409,
      'Une API FranceConnectée se demande à partir d’une habilitation FranceConnect validée et en vigueur : attendez la validation de l’habilitation (ou demandez-en une nouvelle si elle a été révoquée).',
    );
  }
}

/** One request under review per data provider and habilitation. */
export class ApiHabilitationRequestPendingError extends PartnersError {
  readonly code = 'P070002';
  constructor(dataProviderName: string) {
    super(409, `Une demande d’accès aux données de « ${dataProviderName} » est déjà en cours d’examen pour cette habilitation : attendez la décision.`);
  }
}

export class ApiHabilitationRequestDecidedError extends PartnersError {
  readonly code = 'P070003';
  constructor(status: ApiHabilitationRequestStatus) {
    super(409, `Cette demande d’API FranceConnectée a déjà été traitée (statut « ${API_HABILITATION_REQUEST_STATUS_LABELS[status]} »).`);
  }
}
