import { ValidateBy, type ValidationOptions } from 'class-validator';

const NATIONAL = /^0([1-9]\d{8})$/;
const INTERNATIONAL = /^\+33([1-9]\d{8})$/;

/**
 * A French number as people type it (« 06 12 34 56 78 », « 01.23.45.67.89 », « +33 6 12 34 56 78 »)
 * in E.164 (`+33612345678`), or undefined when it is not one.
 */
export function normaliseFrenchPhone(input: string): string | undefined {
  const compact = input.replace(/[\s.-]/g, '').replace(/^\+33\(0\)/, '+33');
  const match = NATIONAL.exec(compact) ?? INTERNATIONAL.exec(compact);
  return match ? `+33${match[1]}` : undefined;
}

/** A French mobile number starts with 06 or 07 (+336, +337). */
export function isFrenchMobile(input: string): boolean {
  return /^\+33[67]\d{8}$/.test(normaliseFrenchPhone(input) ?? '');
}

export function IsFrenchPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isFrenchPhone', validator: { validate: (value) => typeof value === 'string' && normaliseFrenchPhone(value) !== undefined } },
    { message: 'Saisissez un numéro de téléphone français, par exemple 01 23 45 67 89 ou +33 1 23 45 67 89.', ...options },
  );
}

export function IsFrenchMobilePhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isFrenchMobilePhone', validator: { validate: (value) => typeof value === 'string' && isFrenchMobile(value) } },
    { message: 'Saisissez un numéro de mobile français (06 ou 07), par exemple 06 12 34 56 78.', ...options },
  );
}
