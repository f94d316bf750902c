/** La Poste's SIREN: its establishments' SIRETs follow another checksum (sum of digits multiple of 5). */
export const LA_POSTE_SIREN = '356000000';

export type SiretProblem = 'format' | 'checksum';

/** Digits only, spaces tolerated ("214 501 173 00016" is how people copy them). */
export function normaliseSiret(input: string): string {
  return input.replace(/[\s.]/g, '');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

/** Why a SIRET is not valid, or undefined when it is (14 digits, Luhn, La Poste's exception). */
export function siretProblem(input: string): SiretProblem | undefined {
  const siret = normaliseSiret(input);
  if (!/^\d{14}$/.test(siret)) return 'format';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? undefined : 'checksum';
  }
  return luhnValid(siret) ? undefined : 'checksum';
}

export function isValidSiret(input: string): boolean {
  return siretProblem(input) === undefined;
}

/** The message an applicant reads next to the field. */
export const SIRET_PROBLEM_MESSAGES: Record<SiretProblem, string> = {
  format: 'Le numéro SIRET doit comporter 14 chiffres.',
  checksum:
    'Ce numéro SIRET n’est pas valide : vérifiez qu’il n’y a pas de faute de frappe.',
};
