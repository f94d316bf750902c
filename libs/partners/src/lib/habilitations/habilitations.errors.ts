import {
  HABILITATION_STATUS_LABELS,
  transitionRefusal,
  type FieldError,
  type HabilitationAction,
  type HabilitationStatus,
} from '@federation/partners-contracts';
import { PartnersError } from '../common/partners.errors';

/** P03xxxx: habilitation requests (workflow, steps, thread). */

/** The action is not allowed from the request's status (the workflow table of partners-contracts). */
export class HabilitationTransitionError extends PartnersError {
  readonly code = 'P030001';
  constructor(status: HabilitationStatus, action: HabilitationAction) {
    super(409, transitionRefusal(status, action));
  }
}

/** Steps are edited only in draft or when the instructor asked for changes. */
export class HabilitationNotEditableError extends PartnersError {
  readonly code = 'P030002';
  constructor(status: HabilitationStatus) {
    super(
      409,
      `Impossible de modifier une demande au statut « ${HABILITATION_STATUS_LABELS[status]} ».` +
        (status === 'validated' ? ' Rouvrez-la pour une mise à jour.' : ''),
    );
  }
}

/** The submission checks every step; the errors name the step (`contacts.dpo.email`). */
export class HabilitationIncompleteError extends PartnersError {
  readonly code = 'P030003';
  constructor(errors: FieldError[]) {
    super(400, 'La demande est incomplète ou contient des erreurs : corrigez les étapes signalées puis soumettez-la de nouveau.', errors);
  }
}

/** Only a draft that was never submitted can be deleted: the history of an instructed request stays. */
export class HabilitationNotDeletableError extends PartnersError {
  readonly code = 'P030004';
  constructor() {
    super(409, 'Seul un brouillon qui n’a jamais été soumis peut être supprimé.');
  }
}

export class UnknownStepError extends PartnersError {
  readonly code = 'P030005';
  constructor() {
    super(404, 'Cette étape n’existe pas. Les étapes sont : project, data, legal, contacts, terms.');
  }
}
