import { expect, type Page } from '@playwright/test';

/*
 * What the citizen specs share: the demo citizen of the mock identity provider « impots » and the
 * clicks of the core's choice page and of the mock FI's login form.
 */

/** The demo citizen of the mock FI, and the identity it sends (pivot identity). */
export const CITIZEN = {
  login: 'test',
  password: '123',
  givenName: 'Angela Claire Louise',
  familyName: 'Dubois',
  birthdate: '1962-08-24',
};

export const IMPOTS = 'Impots.gouv (démo)';

/** On the core's choice page: chooses « Impots.gouv (démo) » and logs in at the mock FI. */
export async function chooseImpotsAndLogIn(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Je choisis un compte',
  );
  await page.getByRole('button', { name: IMPOTS }).click();
  await page.locator('input#login').fill(CITIZEN.login);
  await page.locator('input#password').fill(CITIZEN.password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}
