import type { LoginForm } from './dto/login-form.dto';
import type { EidasLevel } from '@federation/identity';
import type { LoginField } from './pages/login.page';
import {
  TEST_CITIZEN_PASSWORD,
  findTestCitizen,
  type TestCitizen,
} from './test-citizens';

export type AuthenticationResult =
  | { authenticated: true; citizen: TestCitizen; acr: EidasLevel }
  | { authenticated: false; errors: Partial<Record<LoginField, string>> };

/**
 * Checks the login form of a mock FI. A demo FI may say which field is wrong: the accounts and
 * their password are printed on the page anyway.
 */
export function authenticateTestCitizen(
  form: LoginForm,
  supportedLevels: readonly EidasLevel[],
): AuthenticationResult {
  const errors: Partial<Record<LoginField, string>> = {};
  const citizen = form.login ? findTestCitizen(form.login) : undefined;

  if (!form.login) {
    errors.login = 'Saisissez votre identifiant.';
  } else if (!citizen) {
    errors.login =
      'Identifiant inconnu : choisissez un des comptes de test listés sur cette page.';
  }

  if (!form.password) {
    errors.password = 'Saisissez votre mot de passe.';
  } else if (citizen && form.password !== TEST_CITIZEN_PASSWORD) {
    errors.password = `Mot de passe incorrect. Les comptes de test utilisent le mot de passe ${TEST_CITIZEN_PASSWORD}.`;
  }

  const acr = supportedLevels.find((level) => level === form.acr);
  if (!acr) {
    errors.acr =
      'Choisissez un des niveaux proposés par ce fournisseur d’identité.';
  }

  if (citizen && acr && Object.keys(errors).length === 0) {
    return { authenticated: true, citizen, acr };
  }
  return { authenticated: false, errors };
}
