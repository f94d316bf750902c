import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { stackUrls } from '../playwright.config';

/*
 * A citizen in Chromium, through the whole stack started by the start command:
 * demo FS → core (FI choice) → mock FI login → core (consent) → FS; SSO on a second FS; logout.
 */

async function expectNoSeriousAccessibilityViolation(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) =>
      violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help}`),
  ).toEqual([]);
}

test.describe('citizen login through the federation', () => {
  test('logs in on a first FS, goes straight through on a second FS (SSO), then logs out', async ({
    page,
  }) => {
    // Given a citizen on demo service A
    await page.goto(stackUrls.mockServiceProvider, { waitUntil: 'load' });
    await page.getByLabel('Niveau eIDAS demandé').selectOption('eidas1');

    // When they connect and choose an identity provider
    await page.getByTestId('login-button').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Je choisis un compte',
    );
    await expectNoSeriousAccessibilityViolation(page);
    await page.screenshot({
      path: test.info().outputPath('1-choix-fi.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Impots.gouv (démo)' }).click();

    // And log in at the FI
    await page.locator('input#login').fill('test');
    await page.locator('input#password').fill('123');
    await page.screenshot({
      path: test.info().outputPath('2-connexion-fi.png'),
      fullPage: true,
    });
    await page
      .getByRole('button', { name: 'Se connecter', exact: true })
      .click();

    // Then the core lists what will be shared, in French
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Vous êtes connecté grâce à Impots.gouv (démo)',
    );
    await expect(page.getByRole('table')).toContainText('Nom de naissance');
    await expect(page.getByRole('table')).toContainText('Dubois');
    await expectNoSeriousAccessibilityViolation(page);
    await page.screenshot({
      path: test.info().outputPath('3-consentement.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: /Continuer sur/ }).click();

    // And service A shows the verified identity
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Vous êtes connecté',
    );
    await expect(page.getByTestId('acr')).toContainText('eidas1');
    await expect(page.locator('body')).toContainText('Angela Claire Louise');
    const subAtServiceA = await page.getByTestId('sub').textContent();
    await page.screenshot({
      path: test.info().outputPath('4-fs-connecte.png'),
      fullPage: true,
    });

    // When the citizen goes to demo service B in the same browser
    await page.goto(`${stackUrls.mockServiceProvider}/autre-service`, {
      waitUntil: 'load',
    });
    await page.getByTestId('login-button').click();

    // Then no FI is asked for (SSO): straight to the information page, then service B
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Vous êtes connecté grâce à',
    );
    await page.getByRole('button', { name: /Continuer sur/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Vous êtes connecté',
    );
    const subAtServiceB = await page.getByTestId('sub').textContent();
    expect(subAtServiceB).not.toBe(subAtServiceA);

    // When they log out from service B
    await page.getByTestId('logout-button').click();

    // Then the logout goes through the core and the FI and comes back to service B
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Vous êtes déconnecté',
    );
    expect(new URL(page.url()).pathname).toBe('/autre-service/logout-callback');
    await page.screenshot({
      path: test.info().outputPath('5-deconnecte.png'),
      fullPage: true,
    });

    // And a new login asks for an identity provider again (the federation session is over)
    await page.goto(`${stackUrls.mockServiceProvider}/autre-service`, {
      waitUntil: 'load',
    });
    await page.getByTestId('login-button').click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Je choisis un compte',
    );
  });

  test('shows a French error page with a code when the identity sent by the FI is invalid', async ({
    page,
  }) => {
    await page.goto(stackUrls.mockServiceProvider, { waitUntil: 'load' });
    await page.getByTestId('login-button').click();
    await page.getByRole('button', { name: 'Impots.gouv (démo)' }).click();
    await page.locator('input#login').fill('lieu-invalide');
    await page.locator('input#password').fill('123');
    await page
      .getByRole('button', { name: 'Se connecter', exact: true })
      .click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Votre identité n’a pas pu être vérifiée',
    );
    await expect(page.getByTestId('error-code')).toHaveText('Y000005');
    await expectNoSeriousAccessibilityViolation(page);
    await page
      .getByRole('button', { name: 'Revenir sur le site du service' })
      .click();
    await expect(page.locator('body')).toContainText('access_denied');
  });
});
