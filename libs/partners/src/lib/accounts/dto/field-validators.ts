import { Transform } from 'class-transformer';
import { isEmail, ValidateBy } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

/**
 * Field rules of the account forms, each giving one French message (class-validator's stacked
 * constraints would show "trop long" next to a missing field).
 */

const EMAIL_MESSAGE =
  'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.gouv.fr.';

/** An e-mail address, trimmed and lower-cased before it is checked (addresses are stored lower-cased). */
export function EmailField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toLowerCase() : value,
    ),
    ValidateBy({
      name: 'isEmailAddress',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.length <= 254 &&
          isEmail(value, { allow_utf8_local_part: false }),
        defaultMessage: () => EMAIL_MESSAGE,
      },
    }),
  );
}

/** A string of `min`–`max` characters (after trimming when `trim`). */
export function TextField(rule: {
  min?: number;
  max: number;
  trim?: boolean;
  missing: string;
  tooLong: string;
  tooShort?: string;
}): PropertyDecorator {
  const min = rule.min ?? 1;
  return applyDecorators(
    ...(rule.trim
      ? [
          Transform(({ value }: { value: unknown }) =>
            typeof value === 'string' ? value.trim() : value,
          ),
        ]
      : []),
    ValidateBy({
      name: 'textField',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          value.length >= min &&
          value.length <= rule.max,
        defaultMessage: (args) => {
          const value: unknown = args?.value;
          if (typeof value !== 'string' || value.length === 0)
            return rule.missing;
          return value.length > rule.max
            ? rule.tooLong
            : (rule.tooShort ?? rule.missing);
        },
      },
    }),
  );
}

/** A password as typed: never trimmed, bounded so hashing a huge body costs nothing. */
export function PasswordField(
  missing = 'Saisissez votre mot de passe.',
): PropertyDecorator {
  return TextField({
    max: 1024,
    missing,
    tooLong: 'Le mot de passe ne doit pas dépasser 128 caractères.',
  });
}

/** A 6-digit code (e-mail verification, TOTP); spaces typed between the digits are ignored. */
export function SixDigitCodeField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && value.length <= 32
        ? value.replace(/\s/g, '')
        : value,
    ),
    ValidateBy({
      name: 'sixDigitCode',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{6}$/.test(value),
        defaultMessage: () => 'Saisissez le code à 6 chiffres.',
      },
    }),
  );
}
