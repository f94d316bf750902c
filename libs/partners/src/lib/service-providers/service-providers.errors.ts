import { PRODUCTION_REQUEST_STATUS_LABELS, type ProductionRequestStatus } from '@federation/partners-contracts';
import { PartnersError } from '../common/partners.errors';

/** P05xxxx: service providers' clients (sandbox, production), their secrets, production requests. */

/** Members edit the sandbox only: a production client changes through a production request. */
export class ProductionClientNotEditableError extends PartnersError {
  readonly code = 'P050001';
  constructor() {
    super(409, 'La configuration d’un client de production ne se modifie pas ici : déposez une nouvelle demande de passage en production.');
  }
}

/** A revoked client is refused by the core for good: no configuration change, no new secret. */
export class ServiceProviderRevokedError extends PartnersError {
  readonly code = 'P050002';
  constructor() {
    super(409, 'Ce client est révoqué : il ne peut plus être modifié ni recevoir de nouveau secret.');
  }
}

export class NothingToChangeError extends PartnersError {
  readonly code = 'P050003';
  constructor() {
    super(
      400,
      'Indiquez au moins un champ à modifier : name, redirectUris, postLogoutRedirectUris, idTokenSignedResponseAlg, tokenEndpointAuthMethod ou jwksUri.',
    );
  }
}

/** Production starts from a validated habilitation still in force. */
export class HabilitationNotInForceError extends PartnersError {
  readonly code = 'P050004';
  constructor() {
    super(409, 'Le passage en production se demande à partir d’une habilitation validée et en vigueur.');
  }
}

/** One request under review at a time per habilitation. */
export class ProductionRequestPendingError extends PartnersError {
  readonly code = 'P050005';
  constructor() {
    super(409, 'Une demande de passage en production de cette habilitation est déjà en cours d’examen : attendez la décision.');
  }
}

export class ProductionRequestDecidedError extends PartnersError {
  readonly code = 'P050006';
  constructor(status: ProductionRequestStatus) {
    super(409, `Cette demande de passage en production a déjà été traitée (statut « ${PRODUCTION_REQUEST_STATUS_LABELS[status]} »).`);
  }
}
