import { PartnersError } from '../common/partners.errors';

/** Errors of organisations and memberships (codes P02xxxx). */

export class EstablishmentNotFoundError extends PartnersError {
  readonly code = 'P020001';
  constructor() {
    super(
      404,
      'Aucun établissement ne correspond à ce numéro SIRET dans le répertoire Sirene.',
    );
  }
}

/** An unknown SIRET typed in a form: a field error, not a missing page. */
export class UnknownSiretError extends PartnersError {
  readonly code = 'P020002';
  constructor() {
    const message =
      'Aucun établissement ne correspond à ce numéro SIRET dans le répertoire Sirene : vérifiez le numéro.';
    super(400, message, [{ field: 'siret', messages: [message] }]);
  }
}

export class EstablishmentClosedError extends PartnersError {
  readonly code = 'P020003';
  constructor() {
    const message =
      'Cet établissement est fermé d’après le répertoire Sirene : indiquez le SIRET d’un établissement en activité.';
    super(400, message, [{ field: 'siret', messages: [message] }]);
  }
}

export class DirectoryUnavailableApiError extends PartnersError {
  readonly code = 'P020004';
  constructor() {
    super(
      503,
      'Le répertoire des entreprises (Sirene) ne répond pas pour le moment. Réessayez dans quelques minutes.',
    );
  }
}

export class AlreadyMemberError extends PartnersError {
  readonly code = 'P020005';
  constructor(organisationName: string) {
    super(409, `Vous êtes déjà membre de l’organisation ${organisationName}.`);
  }
}

export class MembershipAlreadyPendingError extends PartnersError {
  readonly code = 'P020006';
  constructor(organisationName: string) {
    super(
      409,
      `Votre demande pour rejoindre l’organisation ${organisationName} est déjà en attente de vérification.`,
    );
  }
}

export class MembershipRejectedError extends PartnersError {
  readonly code = 'P020007';
  constructor(
    organisationName: string,
    reason: string | null,
    supportEmail: string,
  ) {
    super(
      409,
      `Votre demande pour rejoindre l’organisation ${organisationName} a été refusée${reason ? ` pour le motif suivant : ${reason}` : '.'} ` +
        `Pour toute question, écrivez à ${supportEmail}.`,
    );
  }
}

export class OrganisationAdminOnlyError extends PartnersError {
  readonly code = 'P020008';
  constructor() {
    super(
      403,
      'Cette action est réservée aux administrateurs de l’organisation.',
    );
  }
}

export class LastAdminError extends PartnersError {
  readonly code = 'P020009';
  constructor() {
    super(
      409,
      'L’organisation doit garder au moins un administrateur : nommez d’abord un autre administrateur.',
    );
  }
}

export class MembershipNotPendingError extends PartnersError {
  readonly code = 'P020010';
  constructor() {
    super(409, 'Cette demande de rattachement a déjà été traitée.');
  }
}
