import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

/*
 * Home page of the Espace Partenaire portal, in a real browser.
 * Playwright's `baseURL` points at the running portal (`nx start espace-partenaire`).
 */

const pathSteps = [
  'Créer votre compte',
  'Déposer une demande d’habilitation',
  'Recevoir vos clés de bac à sable et intégrer',
  'Demander la mise en production',
];

async function openHomePage(page: Page) {
  await page.goto('/', { waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The DSFR script marks <html data-fr-js="true"> once it has started on the hydrated page. */
async function waitForDsfrScript(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');
}

test.describe('Espace Partenaire home page', () => {
  test('shows the header with the service name and its sign-in and sign-up links', async ({
    page,
  }) => {
    // Given the portal is running
    // When a visitor opens the home page
    await openHomePage(page);

    // Then the DSFR header names the service and offers to sign in or create an account
    await expect(page).toHaveTitle("Espace Partenaire — Fédération d'identité");
    const header = page.getByRole('banner');
    await expect(
      header.getByText('Espace Partenaire', { exact: true }),
    ).toBeVisible();
    await expect(
      header.getByRole('link', { name: 'Se connecter' }),
    ).toHaveAttribute('href', '/connexion');
    await expect(
      header.getByRole('link', { name: 'Créer un compte' }),
    ).toHaveAttribute('href', '/inscription');
    await page.screenshot({
      path: test.info().outputPath('home.png'),
      fullPage: true,
    });
  });

  test('shows the four steps of the path, in order', async ({ page }) => {
    // Given the portal is running
    // When a visitor opens the home page
    await openHomePage(page);

    // Then the path lists the four steps, numbered, from account to production
    const path = page.getByRole('region', {
      name: 'Votre parcours en quatre étapes',
    });
    await expect(path.getByRole('listitem')).toHaveCount(4);
    await expect(path.getByRole('heading', { level: 3 })).toHaveText(pathSteps);
    for (const [index] of pathSteps.entries()) {
      await expect(path.getByText(`Étape ${index + 1}`)).toBeVisible();
    }
  });

  test('shows the footer with the accessibility status and the legal and documentation links', async ({
    page,
  }) => {
    // Given the portal is running
    // When a visitor opens the home page
    await openHomePage(page);

    // Then the DSFR footer states the accessibility status and links to the required pages
    const footer = page.getByRole('contentinfo');
    await expect(
      footer.getByRole('link', { name: 'Accessibilité : non conforme' }),
    ).toBeVisible();
    await expect(
      footer.getByRole('link', { name: 'Mentions légales' }),
    ).toBeVisible();
    await expect(
      footer.getByRole('link', { name: 'Données personnelles' }),
    ).toBeVisible();
    await expect(
      footer.getByRole('link', { name: 'Documentation d’intégration' }),
    ).toHaveAttribute('href', '/documentation');
  });

  test('declares French as the page language', async ({ page }) => {
    // Given the portal is running
    // When a visitor opens the home page
    await openHomePage(page);

    // Then assistive technologies are told the page is in French
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test('has no serious or critical accessibility violation', async ({
    page,
  }) => {
    // Given the home page, hydrated and with the DSFR script started
    await openHomePage(page);
    await waitForDsfrScript(page);

    // When axe-core audits it
    const { violations } = await new AxeBuilder({ page }).analyze();

    // Then it finds nothing serious or critical
    const blocking = violations
      .filter(({ impact }) => impact === 'serious' || impact === 'critical')
      .map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        targets: nodes.map(({ target }) => target.join(' ')),
      }));
    expect(blocking).toEqual([]);
  });
});

test.describe('Unknown page', () => {
  test('shows the French "Page non trouvée" page with HTTP 404', async ({
    page,
  }) => {
    // Given the portal is running
    // When a visitor follows a link to a page that does not exist
    const response = await page.goto('/cette-page-n-existe-pas', {
      waitUntil: 'load',
    });

    // Then the server answers 404 with the DSFR error page and a way back home
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Page non trouvée' }),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Page d’accueil' }),
    ).toHaveAttribute('href', '/');
  });
});
