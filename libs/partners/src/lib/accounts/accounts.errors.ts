import { PartnersError } from '../common/partners.errors';

/** Errors of accounts: signup, e-mail verification, login, passwords, TOTP (codes P01xxxx). */

/** Same answer for an unknown address and a wrong password: nothing tells which accounts exist. */
export class InvalidCredentialsError extends PartnersError {
  readonly code = 'P010001';
  constructor() {
    super(401, 'Adresse électronique ou mot de passe incorrect.');
  }
}

export class EmailNotVerifiedError extends PartnersError {
  readonly code = 'P010002';
  constructor() {
    super(
      403,
      'Votre adresse électronique n’est pas encore confirmée : saisissez le code reçu par courriel ou suivez le lien qu’il contient. ' +
        'Vous pouvez demander un nouveau code.',
    );
  }
}

export class InvalidVerificationCodeError extends PartnersError {
  readonly code = 'P010003';
  constructor() {
    const message =
      'Ce code est incorrect ou a expiré. Vérifiez le dernier code reçu, ou demandez-en un nouveau.';
    super(400, message, [{ field: 'code', messages: [message] }]);
  }
}

export class InvalidVerificationLinkError extends PartnersError {
  readonly code = 'P010004';
  constructor() {
    super(
      400,
      'Ce lien de confirmation a expiré ou a déjà servi. Connectez-vous, ou demandez un nouveau code de confirmation.',
    );
  }
}

export class InvalidPasswordResetLinkError extends PartnersError {
  readonly code = 'P010005';
  constructor() {
    super(
      400,
      'Ce lien de réinitialisation a expiré ou a déjà servi. Demandez-en un nouveau depuis la page « Mot de passe oublié ».',
    );
  }
}

export class TotpLoginExpiredError extends PartnersError {
  readonly code = 'P010006';
  constructor() {
    super(
      401,
      'Votre connexion a expiré. Saisissez de nouveau votre adresse électronique et votre mot de passe.',
    );
  }
}

export class InvalidTotpLoginCodeError extends PartnersError {
  readonly code = 'P010007';
  constructor() {
    const message =
      'Ce code est incorrect ou a déjà servi. Saisissez le code affiché par votre application d’authentification.';
    super(401, message, [{ field: 'code', messages: [message] }]);
  }
}

export class InvalidTotpCodeError extends PartnersError {
  readonly code = 'P010008';
  constructor() {
    const message =
      'Ce code est incorrect ou a déjà servi. Saisissez le code affiché par votre application d’authentification.';
    super(400, message, [{ field: 'code', messages: [message] }]);
  }
}

export class TotpAlreadyEnabledError extends PartnersError {
  readonly code = 'P010009';
  constructor() {
    super(409, 'La double authentification est déjà activée sur votre compte.');
  }
}

export class TotpNotEnabledError extends PartnersError {
  readonly code = 'P010010';
  constructor() {
    super(
      409,
      'La double authentification n’est pas activée sur votre compte.',
    );
  }
}

export class TotpSetupExpiredError extends PartnersError {
  readonly code = 'P010011';
  constructor() {
    super(
      400,
      'La configuration de la double authentification a expiré (10 minutes). Recommencez depuis le début.',
    );
  }
}

export class WrongPasswordError extends PartnersError {
  readonly code = 'P010012';
  constructor(field: string) {
    const message = 'Le mot de passe est incorrect.';
    super(400, message, [{ field, messages: [message] }]);
  }
}
