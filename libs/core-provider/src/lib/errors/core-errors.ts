/**
 * The catalogue of what can go wrong for a citizen at the core. Each failure has a stable code
 * (quoted to support), an HTTP status, and a French title and message that say what to do.
 * `returnToServiceProvider`: the page offers to go back to the FS with a standard OIDC error.
 */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    readonly userMessage: string,
    readonly returnToServiceProvider = false,
    /** Standard OIDC error sent to the FS when the citizen goes back. */
    readonly oidcError = 'access_denied',
  ) {
    super(`${code}: ${title}`);
    this.name = new.target.name;
  }
}

export class InteractionExpiredError extends CoreError {
  constructor() {
    super(
      'Y000001',
      400,
      'Votre session a expiré',
      'Pour votre sécurité, la connexion doit se faire en moins de 15 minutes et dans le même navigateur. Retournez sur le site du service et cliquez à nouveau sur le bouton de connexion.',
    );
  }
}

export class HandoffInvalidError extends CoreError {
  constructor() {
    super(
      'Y000002',
      400,
      'Ce lien de connexion n’est plus valable',
      'Le retour depuis votre fournisseur d’identité a déjà été utilisé ou a expiré. Retournez sur le site du service et recommencez la connexion.',
      true,
    );
  }
}

export class IdentityProviderNotAllowedError extends CoreError {
  constructor() {
    super(
      'Y000003',
      400,
      'Ce fournisseur d’identité n’est pas disponible',
      'Le compte choisi ne peut pas être utilisé pour ce service. Choisissez un autre fournisseur d’identité.',
    );
  }
}

export class AcrTooLowError extends CoreError {
  constructor() {
    super(
      'Y000004',
      403,
      'Niveau de sécurité insuffisant',
      'Le service demande un niveau de garantie plus élevé que celui de la connexion effectuée. Utilisez un fournisseur d’identité offrant ce niveau (par exemple L’Identité Numérique La Poste).',
      true,
    );
  }
}

export class InvalidIdentityError extends CoreError {
  constructor() {
    super(
      'Y000005',
      422,
      'Votre identité n’a pas pu être vérifiée',
      'Les informations transmises par votre fournisseur d’identité sont incomplètes ou incorrectes (par exemple le lieu de naissance). Aucune donnée n’a été transmise au service. Contactez votre fournisseur d’identité pour les faire corriger, ou utilisez un autre compte.',
      true,
    );
  }
}

export class IdentityProviderFailureError extends CoreError {
  constructor() {
    super(
      'Y000006',
      502,
      'La connexion auprès de votre fournisseur d’identité n’a pas abouti',
      'Votre fournisseur d’identité n’a pas confirmé votre connexion. Réessayez, ou choisissez un autre fournisseur d’identité.',
      true,
    );
  }
}

export class CsrfError extends CoreError {
  constructor() {
    super(
      'Y000007',
      403,
      'Formulaire expiré',
      'Le formulaire n’est plus valable. Revenez en arrière, rechargez la page et recommencez.',
    );
  }
}

export class ServiceUnavailableError extends CoreError {
  constructor() {
    super(
      'Y000009',
      503,
      'Service momentanément indisponible',
      'Un incident technique empêche la connexion. Réessayez dans quelques instants en retournant sur le site du service.',
    );
  }
}

export class IdentityProviderBlockedError extends CoreError {
  constructor(readonly dashboardUrl: string) {
    super(
      'Y000011',
      403,
      'Vous avez bloqué ce compte pour vous connecter',
      `Depuis votre tableau de bord, vous avez interdit l’utilisation de ce compte avec votre identité. Choisissez un autre compte pour vous connecter, ou débloquez celui-ci depuis votre tableau de bord (${dashboardUrl}).`,
      true,
    );
  }
}

export class InvalidServiceProviderRequestError extends CoreError {
  constructor(readonly oidcCode: string) {
    super(
      'Y000010',
      400,
      'Le service n’a pas pu lancer la connexion',
      'La demande de connexion envoyée par le site du service est incorrecte. Retournez sur le site du service et réessayez ; si le problème persiste, contactez-le.',
    );
  }
}

export class NotFoundPageError extends CoreError {
  constructor() {
    super(
      'Y000404',
      404,
      'Page non trouvée',
      'La page que vous cherchez n’existe pas ou a été déplacée.',
    );
  }
}

/** Maps the failure codes the FI gateway reports in a hand-off to catalogue errors. */
export function errorFromGatewayCode(code: string): CoreError {
  switch (code) {
    case 'identity_invalid':
      return new InvalidIdentityError();
    case 'acr_too_low':
      return new AcrTooLowError();
    case 'fi_unknown':
      return new IdentityProviderNotAllowedError();
    default:
      return new IdentityProviderFailureError();
  }
}
