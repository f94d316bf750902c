import { HttpStatus } from '@nestjs/common';

/** The realm announced in `WWW-Authenticate` (RFC 6750). */
export const BEARER_REALM = 'mock-data-provider';

/**
 * A failure an FS meets calling a demo data provider: a stable code, an HTTP status, a French
 * message and, for the bearer errors of RFC 6750, the `error` of the `WWW-Authenticate` header.
 */
export abstract class MockFdException extends Error {
  abstract readonly code: string;
  abstract readonly status: HttpStatus;
  abstract readonly userMessage: string;
  /** OAuth error code, in the body and in `WWW-Authenticate` for 401 and 403. */
  readonly error?: string;
  /** The scope a 403 lacks (RFC 6750 §3). */
  readonly scope?: string;

  /** `WWW-Authenticate` for 401 and 403; undefined otherwise. */
  wwwAuthenticate(): string | undefined {
    if (this.status !== HttpStatus.UNAUTHORIZED && this.status !== HttpStatus.FORBIDDEN) return undefined;
    const parameters = [`realm="${BEARER_REALM}"`];
    if (this.error) parameters.push(`error="${this.error}"`);
    if (this.scope) parameters.push(`scope="${this.scope}"`);
    return `Bearer ${parameters.join(', ')}`;
  }

  toBody(): { statusCode: number; code: string; error?: string; message: string } {
    return { statusCode: this.status, code: this.code, ...(this.error ? { error: this.error } : {}), message: this.userMessage };
  }
}

/** No `Authorization` header: RFC 6750 asks for a bare challenge, without error. */
export class MissingBearerTokenException extends MockFdException {
  readonly code = 'MOCK-FD-001';
  readonly status = HttpStatus.UNAUTHORIZED;
  readonly userMessage =
    'Un jeton d’accès est nécessaire : envoyez-le dans l’en-tête « Authorization: Bearer <jeton> ».';
}

export class MalformedBearerTokenException extends MockFdException {
  readonly code = 'MOCK-FD-002';
  readonly status = HttpStatus.UNAUTHORIZED;
  override readonly error = 'invalid_request';
  readonly userMessage =
    'L’en-tête « Authorization » est mal formé : il doit être « Bearer » suivi du jeton d’accès, sans autre contenu.';
}

/** The consent service says the token is not active: expired, revoked, unknown, or not meant for this FD. */
export class InvalidTokenException extends MockFdException {
  readonly code = 'MOCK-FD-003';
  readonly status = HttpStatus.UNAUTHORIZED;
  override readonly error = 'invalid_token';
  readonly userMessage =
    'Le jeton d’accès n’est pas valide : il a expiré, il a été révoqué (l’usager a pu retirer son autorisation) ou il n’est pas destiné à ce fournisseur de données.';
}

export class InsufficientScopeException extends MockFdException {
  readonly code = 'MOCK-FD-004';
  readonly status = HttpStatus.FORBIDDEN;
  override readonly error = 'insufficient_scope';
  readonly userMessage: string;

  constructor(override readonly scope: string, label: string) {
    super(`insufficient scope: ${scope} required`);
    this.userMessage = `Le jeton d’accès ne donne pas accès à cette donnée : l’autorisation « ${label} » (${scope}) n’a pas été accordée.`;
  }
}

export class ConsentServiceUnavailableException extends MockFdException {
  readonly code = 'MOCK-FD-005';
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
  readonly userMessage =
    'Le service de consentement ne répond pas : le jeton ne peut pas être vérifié pour le moment. Réessayez dans quelques instants.';
}

/** The consent service refused this FD's own credentials: the mock is configured with the wrong secret or key. */
export class DataProviderMisconfiguredException extends MockFdException {
  readonly code = 'MOCK-FD-006';
  readonly status = HttpStatus.BAD_GATEWAY;
  readonly userMessage: string;

  constructor(clientId: string) {
    super(`the consent service refused the credentials of ${clientId}`);
    this.userMessage = `Le fournisseur de données est mal configuré : le service de consentement refuse ses identifiants (${clientId}). Vérifiez son secret ou sa clé, et son enregistrement au service de consentement.`;
  }
}

/** The answer of the consent service could not be trusted (signature, issuer, audience, type, encryption, content). */
export class UntrustedConsentAnswerException extends MockFdException {
  readonly code = 'MOCK-FD-007';
  readonly status = HttpStatus.BAD_GATEWAY;
  readonly userMessage =
    'La réponse du service de consentement n’a pas pu être vérifiée : par sécurité, aucune donnée n’est transmise.';

  constructor(readonly reason: string) {
    super(`untrusted answer of the consent service: ${reason}`);
  }
}

export class UnexpectedMockFdException extends MockFdException {
  readonly code = 'MOCK-FD-000';
  readonly status = HttpStatus.INTERNAL_SERVER_ERROR;
  readonly userMessage = 'Une erreur inattendue est survenue. Réessayez dans quelques instants.';
}
