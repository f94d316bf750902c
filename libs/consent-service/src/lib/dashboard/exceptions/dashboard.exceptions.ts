import { HttpStatus } from '@nestjs/common';

/** Where the error page sends the citizen. */
export interface ErrorAction {
  label: string;
  href: string;
}

const LOG_IN_AGAIN: ErrorAction = {
  label: 'Se connecter à nouveau',
  href: '/connexion',
};
const BACK_TO_DASHBOARD: ErrorAction = {
  label: 'Revenir au tableau de bord',
  href: '/tableau-de-bord',
};
const BACK_HOME: ErrorAction = { label: 'Revenir à l’accueil', href: '/' };

/**
 * A failure a citizen can meet on the dashboard: a stable code (quoted to support), an HTTP status
 * and a French title and message, rendered as a DSFR page (never with a stack).
 */
export abstract class DashboardException extends Error {
  abstract readonly code: string;
  abstract readonly status: HttpStatus;
  abstract readonly title: string;
  abstract readonly userMessage: string;
  readonly action: ErrorAction = BACK_HOME;
}

const LOGIN_FAILED = 'La connexion n’a pas abouti';

/** French wording of the OAuth errors the core may send back (the others get a generic message). */
const AUTHORIZATION_ERROR_MESSAGES: Record<string, string> = {
  access_denied: 'Vous avez annulé la connexion, ou l’accès a été refusé.',
  login_required:
    'Vous devez vous identifier pour accéder à votre tableau de bord.',
  interaction_required:
    'Une action de votre part est nécessaire pour terminer la connexion.',
  server_error: 'La fédération d’identité a rencontré une erreur.',
  temporarily_unavailable:
    'La fédération d’identité est momentanément indisponible.',
};

/** OAuth error codes are short ASCII words; anything else is not echoed. */
const OAUTH_ERROR_CODE = /^[a-z0-9_]{1,64}$/;

export class IdentityFederationUnavailableException extends DashboardException {
  readonly code = 'TDB-001';
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
  readonly title = 'Connexion momentanément indisponible';
  readonly userMessage =
    'La fédération d’identité ne répond pas pour le moment. Réessayez dans quelques instants.';
  override readonly action = LOG_IN_AGAIN;
}

/** No login in progress matches the callback (wrong or replayed state, another tab, expired). */
export class LoginRequestNotFoundException extends DashboardException {
  readonly code = 'TDB-002';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = LOGIN_FAILED;
  readonly userMessage =
    'Votre demande de connexion a expiré ou a été faite dans un autre onglet. Pour votre sécurité, recommencez la connexion.';
  override readonly action = LOG_IN_AGAIN;
}

/** The core's answer failed a check of openid-client (ID token, PKCE, issuer, level…). */
export class LoginVerificationFailedException extends DashboardException {
  readonly code = 'TDB-003';
  readonly status = HttpStatus.BAD_GATEWAY;
  readonly title = LOGIN_FAILED;
  readonly userMessage =
    'La réponse de la fédération d’identité n’a pas pu être vérifiée. Pour votre sécurité, la connexion a été interrompue.';
  override readonly action = LOG_IN_AGAIN;
}

/** The core sent the citizen back with `error` (e.g. access_denied). */
export class AuthorizationErrorException extends DashboardException {
  readonly code = 'TDB-004';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = LOGIN_FAILED;
  readonly userMessage: string;
  override readonly action = LOG_IN_AGAIN;

  constructor(readonly oauthError: string) {
    super(
      `authorization error: ${OAUTH_ERROR_CODE.test(oauthError) ? oauthError : 'invalid_error_code'}`,
    );
    this.userMessage =
      AUTHORIZATION_ERROR_MESSAGES[oauthError] ??
      'La fédération d’identité n’a pas pu vous identifier. Recommencez la connexion.';
  }
}

/** A form POST without the CSRF token of the current session. */
export class FormExpiredException extends DashboardException {
  readonly code = 'TDB-005';
  readonly status = HttpStatus.FORBIDDEN;
  readonly title = 'Formulaire expiré';
  readonly userMessage =
    'Ce formulaire n’est plus valable : aucune modification n’a été faite. Revenez au tableau de bord, rechargez la page et recommencez.';
  override readonly action = BACK_TO_DASHBOARD;
}

/** A consent id that is not one of the citizen's (or not an id at all). */
export class ConsentNotFoundException extends DashboardException {
  readonly code = 'TDB-006';
  readonly status = HttpStatus.NOT_FOUND;
  readonly title = 'Autorisation introuvable';
  readonly userMessage =
    'Cette autorisation n’existe pas ou ne vous concerne pas. Aucune modification n’a été faite.';
  override readonly action = BACK_TO_DASHBOARD;
}

/** A slug that is not an identity provider of the federation. */
export class IdentityProviderNotFoundException extends DashboardException {
  readonly code = 'TDB-007';
  readonly status = HttpStatus.NOT_FOUND;
  readonly title = 'Compte de connexion introuvable';
  readonly userMessage =
    'Ce compte de connexion n’existe pas dans la fédération d’identité. Aucune modification n’a été faite.';
  override readonly action = BACK_TO_DASHBOARD;
}

/** A form body the server could not read (malformed or too large). */
export class InvalidFormException extends DashboardException {
  readonly code = 'TDB-008';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = 'Formulaire invalide';
  readonly userMessage =
    'Le formulaire envoyé n’a pas pu être lu : aucune modification n’a été faite.';
  override readonly action = BACK_TO_DASHBOARD;
}

/** The session would not fit in a cookie (an unusually large ID token). */
export class SessionTooLargeException extends DashboardException {
  readonly code = 'TDB-009';
  readonly status = HttpStatus.BAD_GATEWAY;
  readonly title = LOGIN_FAILED;
  readonly userMessage =
    'Les informations reçues de la fédération d’identité sont trop volumineuses. Contactez le support.';
}

/** Anything else (the records unreachable, a bug): logged without personal data. */
export class UnexpectedDashboardException extends DashboardException {
  readonly code = 'TDB-000';
  readonly status = HttpStatus.INTERNAL_SERVER_ERROR;
  readonly title = 'Tableau de bord momentanément indisponible';
  readonly userMessage =
    'Une erreur inattendue est survenue. Réessayez dans quelques instants.';
}
