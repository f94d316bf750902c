import type { IdentityClaim } from './claims';
import { FRANCE_COUNTRY_CODE } from './data/countries';
import { isKnownCommuneCode, isKnownCountryCode } from './insee-geography';

/** The six claims that identify a person across every FI (the "identité pivot"). */
export const PIVOT_CLAIMS: readonly IdentityClaim[] = Object.freeze([
  'given_name',
  'family_name',
  'birthdate',
  'gender',
  'birthplace',
  'birthcountry',
] as const);

export interface PivotIdentity {
  /** All given names, space-separated, as the FI gives them. */
  given_name: string;
  /** Birth name. */
  family_name: string;
  /** YYYY-MM-DD, or presumed YYYY-MM-00 / YYYY-00-00. */
  birthdate: string;
  gender: 'male' | 'female';
  /** INSEE commune code, present iff born in France. */
  birthplace?: string;
  /** INSEE country code, '99100' = France. */
  birthcountry: string;
  preferred_username?: string;
  email?: string;
}

export interface IdentityValidationError {
  field: IdentityClaim | 'identity';
  code: string;
  /** French, safe to show to the citizen or to the FI's operator. */
  message: string;
}

export type IdentityValidationResult =
  | { valid: true; identity: PivotIdentity }
  | { valid: false; errors: IdentityValidationError[] };

const MAX_NAME_LENGTH = 256;
const MAX_EMAIL_LENGTH = 254;
const EARLIEST_BIRTH_YEAR = 1850;
// Letters of any script with their accents, spaces, hyphens, apostrophes (' and ’) and dots.
const NAME_PATTERN = /^[\p{L}\p{M} .'’-]+$/u;
const HAS_LETTER = /\p{L}/u;
const BIRTHDATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL_PATTERN = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}.]+(\.[^\s@\p{Cc}.]+)+$/u;

type Field = IdentityClaim;

/** What an input field holds once trimmed and NFC-normalised. */
type ReadValue =
  | { kind: 'absent' }
  | { kind: 'not_a_string' }
  | { kind: 'string'; value: string };

/**
 * Checks and normalises the identity an FI returned (strings trimmed and NFC-normalised, unknown keys
 * dropped). Every error is reported, so an FI operator fixes all of them in one go.
 */
export function validatePivotIdentity(
  input: unknown,
): IdentityValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      valid: false,
      errors: [
        {
          field: 'identity',
          code: 'not_an_object',
          message: 'Les données d’identité reçues ne forment pas un objet.',
        },
      ],
    };
  }
  const fields = input as Record<string, unknown>;
  const errors: IdentityValidationError[] = [];
  const fail = (
    field: Field | 'identity',
    code: string,
    message: string,
  ): undefined => {
    errors.push({ field, code, message });
    return undefined;
  };

  const given_name = checkName(
    read(fields['given_name']),
    'given_name',
    'Le prénom',
    fail,
  );
  const family_name = checkName(
    read(fields['family_name']),
    'family_name',
    'Le nom de naissance',
    fail,
  );
  const birthdate = checkBirthdate(read(fields['birthdate']), fail);
  const gender = checkGender(read(fields['gender']), fail);
  const birthcountry = checkBirthcountry(read(fields['birthcountry']), fail);
  const birthplace = checkBirthplace(
    read(fields['birthplace']),
    birthcountry,
    fail,
  );

  const preferredUsernameInput = read(fields['preferred_username']);
  const preferred_username =
    preferredUsernameInput.kind === 'absent'
      ? undefined
      : checkName(
          preferredUsernameInput,
          'preferred_username',
          'Le nom d’usage',
          fail,
        );
  const email = checkEmail(read(fields['email']), fail);

  if (
    errors.length > 0 ||
    given_name === undefined ||
    family_name === undefined ||
    birthdate === undefined ||
    gender === undefined ||
    birthcountry === undefined
  ) {
    return { valid: false, errors };
  }
  return {
    valid: true,
    identity: {
      given_name,
      family_name,
      birthdate,
      gender,
      ...(birthplace !== undefined && { birthplace }),
      birthcountry,
      ...(preferred_username !== undefined && { preferred_username }),
      ...(email !== undefined && { email }),
    },
  };
}

type Fail = (field: Field, code: string, message: string) => undefined;

function read(value: unknown): ReadValue {
  if (value === undefined || value === null) return { kind: 'absent' };
  if (typeof value !== 'string') return { kind: 'not_a_string' };
  const normalised = value.normalize('NFC').trim();
  return normalised === ''
    ? { kind: 'absent' }
    : { kind: 'string', value: normalised };
}

function checkName(
  input: ReadValue,
  field: Field,
  label: string,
  fail: Fail,
): string | undefined {
  const code = `invalid_${field}`;
  if (input.kind === 'absent')
    return fail(field, code, `${label} est obligatoire.`);
  if (
    input.kind === 'not_a_string' ||
    [...input.value].length > MAX_NAME_LENGTH ||
    !NAME_PATTERN.test(input.value) ||
    !HAS_LETTER.test(input.value)
  ) {
    return fail(
      field,
      code,
      `${label} ne doit contenir que des lettres, des espaces, des tirets, des apostrophes ou des points (${MAX_NAME_LENGTH} caractères au plus).`,
    );
  }
  return input.value;
}

function checkBirthdate(input: ReadValue, fail: Fail): string | undefined {
  const field = 'birthdate';
  const code = 'invalid_birthdate';
  if (input.kind === 'absent')
    return fail(field, code, 'La date de naissance est obligatoire.');
  const parts =
    input.kind === 'string' ? BIRTHDATE_PATTERN.exec(input.value) : null;
  if (input.kind !== 'string' || !parts) {
    return fail(
      field,
      code,
      'La date de naissance doit être au format AAAA-MM-JJ.',
    );
  }
  const [, year, month, day] = parts.map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const presumed = day === 0; // YYYY-MM-00 or YYYY-00-00: only part of the date is known
  const exists =
    month === 0
      ? presumed
      : month <= 12 && (presumed || day <= daysInMonth(year, month));
  if (!exists) {
    return fail(
      field,
      code,
      'La date de naissance n’existe pas (mois et jour à 00 seulement pour une date présumée).',
    );
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return fail(
      field,
      code,
      `La date de naissance ne peut pas être antérieure à ${EARLIEST_BIRTH_YEAR}.`,
    );
  }
  // '00' sorts before any real month or day, so a presumed date compares as its earliest possible day.
  if (input.value > latestDateToday()) {
    return fail(
      field,
      code,
      'La date de naissance ne peut pas être dans le futur.',
    );
  }
  return input.value;
}

function checkGender(
  input: ReadValue,
  fail: Fail,
): PivotIdentity['gender'] | undefined {
  if (
    input.kind === 'string' &&
    (input.value === 'male' || input.value === 'female')
  )
    return input.value;
  return fail(
    'gender',
    'invalid_gender',
    'Le sexe doit valoir « male » ou « female ».',
  );
}

function checkBirthcountry(input: ReadValue, fail: Fail): string | undefined {
  const field = 'birthcountry';
  const code = 'invalid_birthcountry';
  if (input.kind === 'absent')
    return fail(field, code, 'Le pays de naissance est obligatoire.');
  if (
    input.kind !== 'string' ||
    !/^\d{5}$/.test(input.value) ||
    !isKnownCountryCode(input.value)
  ) {
    return fail(
      field,
      code,
      'Le pays de naissance doit être un code pays INSEE connu (99100 pour la France).',
    );
  }
  return input.value;
}

/** `birthcountry` is the validated country, undefined when it was itself wrong. */
function checkBirthplace(
  input: ReadValue,
  birthcountry: string | undefined,
  fail: Fail,
): string | undefined {
  const field = 'birthplace';
  const isKnownCommune =
    input.kind === 'string' && isKnownCommuneCode(input.value);
  if (birthcountry === FRANCE_COUNTRY_CODE) {
    if (input.kind === 'absent') {
      return fail(
        field,
        'missing_birthplace',
        'Le lieu de naissance (code commune INSEE) est obligatoire pour une personne née en France.',
      );
    }
    if (!isKnownCommune) {
      return fail(
        field,
        'invalid_birthplace',
        'Le lieu de naissance doit être un code commune INSEE connu.',
      );
    }
    return input.kind === 'string' ? input.value : undefined;
  }
  if (input.kind === 'absent') return undefined;
  if (birthcountry !== undefined) {
    return fail(
      field,
      'unexpected_birthplace',
      'Le lieu de naissance ne doit pas être renseigné pour une personne née à l’étranger.',
    );
  }
  // The country is wrong: only report a birthplace that would be wrong whatever the country.
  if (!isKnownCommune) {
    return fail(
      field,
      'invalid_birthplace',
      'Le lieu de naissance doit être un code commune INSEE connu.',
    );
  }
  return undefined;
}

function checkEmail(input: ReadValue, fail: Fail): string | undefined {
  if (input.kind === 'absent') return undefined;
  if (
    input.kind !== 'string' ||
    input.value.length > MAX_EMAIL_LENGTH ||
    !EMAIL_PATTERN.test(input.value)
  ) {
    return fail(
      'email',
      'invalid_email',
      'L’adresse électronique n’est pas valide.',
    );
  }
  return input.value;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Today's date where it is latest on Earth (UTC+14), as YYYY-MM-DD: someone born this morning in
 * Nouméa (UTC+11) is not "born in the future" while it is still yesterday in Paris.
 */
function latestDateToday(): string {
  return new Date(Date.now() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
