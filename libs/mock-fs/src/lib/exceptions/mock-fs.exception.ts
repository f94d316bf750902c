import { HttpStatus } from '@nestjs/common';

/**
 * A failure a citizen can meet on a demo service: a stable code, an HTTP status and a French
 * message, rendered as a DSFR page (never with a stack).
 */
export abstract class MockFsException extends Error {
  abstract readonly code: string;
  abstract readonly status: HttpStatus;
  abstract readonly title: string;
  abstract readonly userMessage: string;
  /** Technical detail for the developers integrating the federation (an OAuth error, never a stack or a claim). */
  readonly detail?: string;
  /** Whether the page offers to start the connection again. */
  readonly retryable: boolean = true;
}

const LOGIN_FAILED = 'La connexion n’a pas abouti';

/** French wording of the OAuth errors the core may send back (the others get a generic message). */
const AUTHORIZATION_ERROR_MESSAGES: Record<string, string> = {
  access_denied: 'Vous avez annulé la connexion, ou l’accès à vos données a été refusé.',
  login_required: 'Vous devez vous identifier pour accéder à ce service.',
  consent_required: 'Votre accord est nécessaire pour transmettre vos données à ce service.',
  interaction_required: 'Une action de votre part est nécessaire pour terminer la connexion.',
  invalid_request: 'La demande de connexion envoyée par le service a été refusée par la fédération.',
  invalid_scope: 'Le service a demandé des données qu’il n’est pas autorisé à recevoir.',
  unauthorized_client: 'Ce service n’est pas autorisé à utiliser la fédération d’identité.',
  server_error: 'La fédération d’identité a rencontré une erreur.',
  temporarily_unavailable: 'La fédération d’identité est momentanément indisponible.',
};

/** OAuth error codes are short ASCII words; anything else is reported as such, not echoed. */
const OAUTH_ERROR_CODE = /^[a-z0-9_]{1,64}$/;

/** The core sent the citizen back with `error` (e.g. access_denied). */
export class AuthorizationErrorException extends MockFsException {
  readonly code: string;
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = LOGIN_FAILED;
  readonly userMessage: string;
  override readonly detail?: string;

  constructor(error: string, description?: string) {
    super(`authorization error: ${error}`);
    this.code = OAUTH_ERROR_CODE.test(error) ? error : 'invalid_error_code';
    this.userMessage =
      AUTHORIZATION_ERROR_MESSAGES[this.code] ?? 'La fédération d’identité n’a pas pu vous identifier.';
    this.detail = description ? description.slice(0, 300) : undefined;
  }
}

export class IdentityFederationUnavailableException extends MockFsException {
  readonly code = 'MOCK-FS-001';
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
  readonly title = 'Connexion momentanément indisponible';
  readonly userMessage =
    'La fédération d’identité ne répond pas pour le moment. Réessayez dans quelques instants.';
}

export class LoginRequestNotFoundException extends MockFsException {
  readonly code = 'MOCK-FS-002';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = LOGIN_FAILED;
  readonly userMessage =
    'Votre demande de connexion a expiré ou a été faite dans un autre onglet. Recommencez la connexion.';
}

export class LoginVerificationFailedException extends MockFsException {
  readonly code = 'MOCK-FS-003';
  readonly status = HttpStatus.BAD_GATEWAY;
  readonly title = LOGIN_FAILED;
  readonly userMessage =
    'La réponse de la fédération d’identité n’a pas pu être vérifiée. Pour votre sécurité, la connexion a été interrompue.';

  constructor(override readonly detail: string) {
    super(`login verification failed: ${detail}`);
  }
}

export class InvalidLoginRequestException extends MockFsException {
  readonly code = 'MOCK-FS-004';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = 'Demande de connexion invalide';
  readonly userMessage =
    'Le niveau eIDAS demandé doit être eidas1, eidas2 ou eidas3. Choisissez-le dans la liste de la page d’accueil.';
}

export class LogoutNotConfirmedException extends MockFsException {
  readonly code = 'MOCK-FS-005';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = 'Déconnexion non confirmée';
  readonly userMessage =
    'Cette réponse de déconnexion ne correspond à aucune demande de ce service. Votre session sur ce service a tout de même été fermée.';
  override readonly retryable = false;
}

export class SessionTooLargeException extends MockFsException {
  readonly code = 'MOCK-FS-006';
  readonly status = HttpStatus.INTERNAL_SERVER_ERROR;
  readonly title = LOGIN_FAILED;
  readonly userMessage =
    'Les informations reçues de la fédération d’identité sont trop volumineuses pour ce service de démonstration.';
}

export class UnexpectedMockFsException extends MockFsException {
  readonly code = 'MOCK-FS-000';
  readonly status = HttpStatus.INTERNAL_SERVER_ERROR;
  readonly title = 'Erreur inattendue';
  readonly userMessage = 'Une erreur inattendue est survenue. Retournez à l’accueil du service pour recommencer.';
}
