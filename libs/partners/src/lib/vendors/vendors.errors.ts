import { PartnersError } from '../common/partners.errors';

/** P04xxxx: partner software vendors. */

/** Vendor names are unique whatever the case (unique index on lower(name)). */
export class VendorNameTakenError extends PartnersError {
  readonly code = 'P040001';
  constructor() {
    super(409, 'Un éditeur porte déjà ce nom.', [{ field: 'name', messages: ['Un éditeur porte déjà ce nom.'] }]);
  }
}

export class NothingToUpdateError extends PartnersError {
  readonly code = 'P040002';
  constructor() {
    super(400, 'Indiquez au moins un champ à modifier : name, siret ou active.');
  }
}
