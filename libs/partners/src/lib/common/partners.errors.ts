import { HttpException } from '@nestjs/common';
import type { ApiErrorBody, FieldError } from '@federation/partners-contracts';

/**
 * The error catalogue of partners-api: one class per failure, a stable code, an HTTP status and a
 * French message for the user. Every answer ≥ 400 has the `ApiErrorBody` shape. Codes: P00xxxx
 * common, P01xxxx accounts, P02xxxx organisations, P03xxxx habilitations, P04xxxx vendors, P05xxxx service
 * providers' clients, P06xxxx statistics, P07xxxx
 * requests of type « API FranceConnectée ».
 */
export abstract class PartnersError extends HttpException {
  abstract readonly code: string;

  constructor(
    status: number,
    readonly userMessage: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(userMessage, status);
  }

  toBody(): ApiErrorBody {
    return {
      statusCode: this.getStatus(),
      code: this.code,
      message: this.userMessage,
      ...(this.fieldErrors ? { errors: this.fieldErrors } : {}),
    };
  }
}

export class InternalError extends PartnersError {
  readonly code = 'P000000';
  constructor() {
    super(500, 'Une erreur inattendue s’est produite. Réessayez dans quelques instants ; si le problème persiste, contactez le support.');
  }
}

export class ValidationFailedError extends PartnersError {
  readonly code = 'P000001';
  constructor(errors: FieldError[], message = 'Certains champs sont invalides : corrigez-les puis réessayez.') {
    super(400, message, errors);
  }
}

export class MalformedRequestError extends PartnersError {
  readonly code = 'P000002';
  constructor() {
    super(400, 'La requête est mal formée : le corps doit être un objet JSON valide.');
  }
}

export class NotAuthenticatedError extends PartnersError {
  readonly code = 'P000003';
  constructor() {
    super(401, 'Vous devez être connecté pour accéder à cette page. Connectez-vous puis réessayez.');
  }
}

export class CsrfTokenError extends PartnersError {
  readonly code = 'P000004';
  constructor() {
    super(403, 'La requête n’a pas pu être authentifiée (jeton anti-falsification absent ou invalide). Rechargez la page puis réessayez.');
  }
}

export class PlatformAdminOnlyError extends PartnersError {
  readonly code = 'P000005';
  constructor() {
    super(403, 'Cette action est réservée aux administrateurs de la plateforme.');
  }
}

/** Also the answer for what exists but belongs to another organisation: nothing leaks. */
export class NotFoundError extends PartnersError {
  readonly code = 'P000006';
  constructor(message = 'La ressource demandée n’existe pas ou vous n’y avez pas accès.') {
    super(404, message);
  }
}

export class TooManyRequestsError extends PartnersError {
  readonly code = 'P000007';
  constructor(readonly retryAfterSeconds: number) {
    super(429, `Trop de tentatives. Pour votre sécurité, réessayez dans ${formatDelay(retryAfterSeconds)}.`);
  }
}

export class PayloadTooLargeError extends PartnersError {
  readonly code = 'P000008';
  constructor() {
    super(413, 'La requête est trop volumineuse.');
  }
}

export class MethodNotAllowedError extends PartnersError {
  readonly code = 'P000009';
  constructor() {
    super(405, 'Cette opération n’est pas permise sur cette adresse.');
  }
}

export class UnsupportedMediaTypeError extends PartnersError {
  readonly code = 'P000010';
  constructor() {
    super(415, 'Le corps de la requête doit être envoyé en JSON (Content-Type: application/json).');
  }
}

function formatDelay(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, seconds)} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}
