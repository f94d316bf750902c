/**
 * partners-api's password rules, restated for the user while they type (partners-api decides: it
 * also refuses common passwords and passwords containing the e-mail address).
 */
export interface PasswordRuleCheck {
  /** At least 12 characters mixing three kinds of characters. */
  mixed: boolean;
  /** A passphrase: at least 4 words and 20 characters. */
  passphrase: boolean;
}

export const PASSWORD_RULES = {
  mixed:
    'au moins 12 caractères mêlant trois types de caractères parmi : minuscules, majuscules, chiffres, symboles ;',
  passphrase:
    'ou bien une phrase de passe d’au moins 4 mots et 20 caractères ;',
  never:
    'dans les deux cas, ni votre adresse électronique, ni un mot de passe courant ou prévisible.',
} as const;

export function checkPasswordRules(password: string): PasswordRuleCheck {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) =>
    kind.test(password),
  ).length;
  const words = password
    .trim()
    .split(/[\s\-_.,;]+/)
    .filter((word) => word.length >= 2);
  return {
    mixed: password.length >= 12 && kinds >= 3,
    passphrase: words.length >= 4 && password.length >= 20,
  };
}
