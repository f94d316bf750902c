import { HttpStatus } from '@nestjs/common';

/**
 * A failure a citizen can meet on the mock FI pages: a stable code, an HTTP status and a French
 * message (rendered as a DSFR error page, never with a stack).
 */
export abstract class MockFiException extends Error {
  abstract readonly code: string;
  abstract readonly status: HttpStatus;
  abstract readonly title: string;
  abstract readonly userMessage: string;
}

export class UnknownIdentityProviderException extends MockFiException {
  readonly code = 'MOCK-FI-001';
  readonly status = HttpStatus.NOT_FOUND;
  readonly title = 'Fournisseur d’identité inconnu';
  readonly userMessage =
    'Ce fournisseur d’identité de démonstration n’existe pas.';
}

export class InteractionNotFoundException extends MockFiException {
  readonly code = 'MOCK-FI-002';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = 'Demande de connexion expirée';
  readonly userMessage =
    'Votre demande de connexion a expiré ou n’existe pas. Retournez sur le service pour recommencer.';
}

export class InvalidFormTokenException extends MockFiException {
  readonly code = 'MOCK-FI-003';
  readonly status = HttpStatus.FORBIDDEN;
  readonly title = 'Formulaire expiré';
  readonly userMessage =
    'Ce formulaire n’est plus valide. Retournez sur le service pour recommencer la connexion.';
}

export class MalformedLoginFormException extends MockFiException {
  readonly code = 'MOCK-FI-004';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = 'Formulaire invalide';
  readonly userMessage =
    'Le formulaire envoyé est incomplet ou contient des champs inattendus. Rechargez la page de connexion.';
}

export class UnexpectedPromptException extends MockFiException {
  readonly code = 'MOCK-FI-005';
  readonly status = HttpStatus.BAD_REQUEST;
  readonly title = 'Étape de connexion inattendue';
  readonly userMessage =
    'Cette étape de connexion n’est pas prise en charge par le fournisseur d’identité de démonstration.';
}

export class UnexpectedMockFiException extends MockFiException {
  readonly code = 'MOCK-FI-000';
  readonly status = HttpStatus.INTERNAL_SERVER_ERROR;
  readonly title = 'Erreur inattendue';
  readonly userMessage =
    'Une erreur inattendue est survenue. Retournez sur le service pour recommencer.';
}
