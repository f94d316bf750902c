import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@federation/partners-contracts';
import { ValidationFailedError } from './partners.errors';

/** French fallbacks for the constraints a DTO did not give a message for. */
const FRENCH_MESSAGES: Record<string, string> = {
  whitelistValidation: 'Ce champ n’est pas attendu.',
  unknownValue: 'Le corps de la requête doit être un objet JSON.',
  isDefined: 'Ce champ est obligatoire.',
  isNotEmpty: 'Ce champ est obligatoire.',
  isString: 'Ce champ doit être du texte.',
  isBoolean: 'Ce champ doit valoir vrai ou faux.',
  isInt: 'Ce champ doit être un nombre entier.',
  isNumber: 'Ce champ doit être un nombre.',
  isEmail: 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.gouv.fr.',
  isUrl: 'Saisissez une adresse web complète commençant par https://.',
  isUUID: 'Cet identifiant est invalide.',
  isIn: 'Cette valeur n’est pas dans la liste des choix possibles.',
  isEnum: 'Cette valeur n’est pas dans la liste des choix possibles.',
  isArray: 'Ce champ doit être une liste.',
  arrayNotEmpty: 'Choisissez au moins un élément.',
  arrayUnique: 'Chaque élément ne doit apparaître qu’une fois.',
  isObject: 'Ce champ doit être un objet.',
  nestedValidation: 'Ce champ doit être un objet.',
  isDateString: 'Saisissez une date valide (AAAA-MM-JJ).',
  isISO8601: 'Saisissez une date valide (AAAA-MM-JJ).',
  min: 'Cette valeur est trop petite.',
  max: 'Cette valeur est trop grande.',
  minLength: 'Ce texte est trop court.',
  maxLength: 'Ce texte est trop long.',
  arrayMaxSize: 'Cette liste contient trop d’éléments.',
  arrayMinSize: 'Cette liste ne contient pas assez d’éléments.',
  matches: 'Ce format n’est pas accepté.',
};

/** Flattens class-validator errors into `{ field: 'dpo.email', messages: [...] }` with French messages. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      result.push({ field: field || 'body', messages: Object.entries(error.constraints).map(([name, message]) => frenchMessage(name, message)) });
    }
    if (error.children?.length) result.push(...toFieldErrors(error.children, field));
  }
  return result;
}

function frenchMessage(constraint: string, message: string): string {
  // Messages written in a DTO are French already; class-validator's defaults are English.
  const isDefaultEnglish = /\b(must|should|property|each value)\b/.test(message);
  return isDefaultEnglish ? (FRENCH_MESSAGES[constraint] ?? 'Cette valeur est invalide.') : message;
}

/** The one validation pipe of partners-api: whitelist, unknown fields refused, 400 with field-level messages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
