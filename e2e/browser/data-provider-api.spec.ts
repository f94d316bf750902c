import {
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import { createHash } from 'node:crypto';
import { stackUrls } from '../playwright.config';
import { chooseImpotsAndLogIn, CITIZEN, IMPOTS } from './support/citizen';
import {
  check,
  expectNoSeriousAccessibilityViolation,
  screenshot,
} from './support/partners';

/*
 * « API FranceConnectée » as a citizen sees it, in Chromium, through the whole stack: the demo FS
 * asks for data provider scopes, the core asks for an explicit consent, the FS shows what the mock
 * data provider answered (after checktoken at the consent service); the citizen's dashboard shows
 * the connection and the data shared, withdraws the authorization (the FS's next call is refused)
 * and blocks an identity provider (the core then refuses it for this citizen).
 */

const SERVICE_A = 'Démarche en ligne A (démo)';
const DGFIP = 'Direction générale des Finances publiques (démo)';

/** The mock data provider derives its fake figures from the identity (libs/mock-fd, fake-data.ts). */
function expectedReferenceTaxIncome(): string {
  const digest = createHash('sha256')
    .update(`${CITIZEN.familyName}|${CITIZEN.givenName}|${CITIZEN.birthdate}`)
    .digest();
  const euros = 4_000 + (digest.readUInt32BE(0) % 76_000);
  return new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(euros);
}

/** The row of the dashboard's table `testId` about `service` (and `dataProvider`). */
function dashboardRow(page: Page, testId: string, ...texts: string[]): Locator {
  return texts.reduce(
    (rows, text) => rows.filter({ hasText: text }),
    page.getByTestId(testId).locator('tbody tr'),
  );
}

test.describe('data provider APIs, as the citizen sees them', () => {
  test.describe.configure({ mode: 'serial' });

  /** One browser, two tabs: the demo FS and the citizen's dashboard. */
  let citizen: BrowserContext;
  let servicePage: Page;
  let dashboardPage: Page;

  test.beforeAll(async ({ browser }) => {
    citizen = await browser.newContext({ locale: 'fr-FR' });
    servicePage = await citizen.newPage();
    dashboardPage = await citizen.newPage();
  });

  test.afterAll(async () => {
    // Other specs log the same demo citizen in with « impots »: never leave it blocked.
    if (dashboardPage && !dashboardPage.isClosed()) {
      await dashboardPage.goto(`${stackUrls.consent}/tableau-de-bord`);
      const unblock = dashboardPage
        .locator('tr[data-account="impots"]')
        .getByRole('button', { name: /^Débloquer/ });
      if ((await unblock.count()) > 0) await unblock.click();
    }
    await citizen?.close();
  });

  test('the core asks for the citizen’s explicit consent, then the service shows the data obtained from the provider', async () => {
    const page = servicePage;
    // Given the demo service's home page
    await page.goto(stackUrls.mockServiceProvider, { waitUntil: 'load' });

    // When the citizen asks for their data and logs in with Impots.gouv
    await page.getByRole('button', { name: 'Récupérer mes données' }).click();
    await chooseImpotsAndLogIn(page);

    // Then the core's consent page shows the data providers' scopes apart, with a box to tick
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      `Vous êtes connecté grâce à ${IMPOTS}`,
    );
    const dataSection = page.getByRole('region', {
      name: 'Données demandées à des administrations',
    });
    await expect(dataSection.getByTestId('data-provider')).toContainText(DGFIP);
    await expect(dataSection).toContainText('Revenu fiscal de référence');
    await expect(dataSection).toContainText('Nombre de parts fiscales');
    const consentBox = dataSection.getByRole('checkbox', {
      name: `J’accepte que ces données soient transmises à ${SERVICE_A}`,
    });
    await expect(consentBox).not.toBeChecked();
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'fd-1-consentement');

    // When they continue without ticking it
    const continueButton = page.getByRole('button', {
      name: `Continuer sur ${SERVICE_A}`,
    });
    const consentPageUrl = page.url();
    await continueButton.click();

    // Then Chromium keeps them on the page: the box is required
    await expect(page).toHaveURL(consentPageUrl);
    await expect(dataSection.getByRole('alert')).toHaveCount(0);
    expect(
      await consentBox.evaluate(
        (box: HTMLInputElement) => box.validity.valueMissing,
      ),
    ).toBe(true);

    // And a browser that does not check required fields gets the core's French message
    await page
      .locator('form')
      .filter({ has: continueButton })
      .evaluate((form: HTMLFormElement) => {
        form.noValidate = true;
      });
    await continueButton.click();
    await expect(dataSection.getByRole('alert')).toContainText(
      `Pour continuer, cochez la case : ${SERVICE_A} ne peut pas obtenir ces données sans votre accord.`,
    );
    await expect(consentBox).toHaveAccessibleDescription(
      /Pour continuer, cochez la case/,
    );
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'fd-2-case-non-cochee');

    // When they tick the box and continue
    await check(consentBox);
    await continueButton.click();

    // Then « Mes données » shows what the data provider sent for them
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Mes données',
    );
    await expect(page.getByTestId('data-success')).toContainText(
      'Le fournisseur de données a accepté le jeton',
    );
    await expect(page.getByTestId('data-endpoint')).toContainText(
      `${stackUrls.mockDataProvider}/dgfip/revenu-fiscal-de-reference`,
    );
    await expect(page.getByTestId('data-row-referenceTaxIncome')).toContainText(
      'Revenu fiscal de référence',
    );
    await expect(page.getByTestId('data-value-referenceTaxIncome')).toHaveText(
      expectedReferenceTaxIncome(),
    );
    await expect(page.getByTestId('data-row-taxShares')).toContainText(
      'Nombre de parts fiscales',
    );
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'fd-3-mes-donnees');
  });

  test('the dashboard shows the connection and the data shared; once the authorization is withdrawn, the service’s next call is refused', async () => {
    const page = dashboardPage;
    // Given the citizen opens their dashboard in another tab of the same browser
    await page.goto(stackUrls.consent, { waitUntil: 'load' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Votre tableau de bord',
    );
    await page.getByRole('link', { name: 'Se connecter' }).click();

    // Then the core knows them already (SSO): no identity provider, only what the dashboard receives
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      `Vous êtes connecté grâce à ${IMPOTS}`,
    );
    await expect(
      page.getByRole('region', {
        name: 'Données demandées à des administrations',
      }),
    ).toHaveCount(0);
    await page
      .getByRole('button', { name: 'Continuer sur Tableau de bord usager' })
      .click();

    // And the dashboard lists the connection to the demo service and the data it obtained
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Bonjour ${CITIZEN.givenName}`,
    );
    await expect(
      dashboardRow(page, 'connections', SERVICE_A, IMPOTS).first(),
    ).toBeVisible();
    const dataShared = dashboardRow(page, 'data-accesses', SERVICE_A, DGFIP);
    await expect(dataShared).toHaveCount(1);
    await expect(dataShared).toContainText('Revenu fiscal de référence');
    const authorization = dashboardRow(page, 'consents', SERVICE_A, DGFIP);
    await expect(authorization).toHaveCount(1);
    await expect(authorization).toContainText('Active');
    await expect(authorization).toContainText('Revenu fiscal de référence');
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'fd-4-tableau-de-bord');

    // When they withdraw the authorization
    await authorization
      .getByRole('button', { name: /^Retirer l’autorisation/ })
      .click();

    // Then the dashboard confirms it
    await expect(page.getByTestId('notice')).toHaveText(
      'L’autorisation a été retirée. Le service ne peut plus obtenir ces données.',
    );
    await expect(authorization).toContainText('Retirée le');
    await expect(
      authorization.getByRole('button', { name: /^Retirer l’autorisation/ }),
    ).toHaveCount(0);
    await screenshot(page, 'fd-5-autorisation-retiree');

    // When the service calls the data provider again with the same token
    await servicePage.bringToFront();
    await expect(servicePage.getByTestId('data-success')).toBeVisible();
    await servicePage
      .getByRole('button', { name: 'Appeler à nouveau l’API' })
      .click();

    // Then the data provider refuses it, and the service says so
    const refusal = servicePage.getByTestId('data-error');
    await expect(refusal).toHaveAttribute('data-outcome', 'token-refused');
    await expect(refusal).toContainText(
      'Le fournisseur de données a refusé le jeton : l’autorisation a peut-être été retirée ou a expiré',
    );
    await expect(servicePage.getByTestId('data-success')).toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(servicePage);
    await screenshot(servicePage, 'fd-6-jeton-refuse');
  });

  test('an identity provider blocked in the dashboard is refused by the core for this citizen, until unblocked', async ({
    browser,
  }) => {
    const page = dashboardPage;
    await page.bringToFront();
    const impotsAccount = dashboardRow(page, 'accounts', IMPOTS);
    await expect(impotsAccount).toContainText('Utilisable');

    // When the citizen blocks « Impots.gouv (démo) » in their dashboard
    await impotsAccount
      .getByRole('button', { name: `Bloquer le compte ${IMPOTS}` })
      .click();

    // Then the dashboard confirms it
    await expect(page.getByTestId('notice')).toContainText(
      `Le compte « ${IMPOTS} » est bloqué`,
    );
    await expect(impotsAccount).toContainText('Bloqué');
    await screenshot(page, 'fd-7-compte-bloque');

    // When someone logs in to the demo service with that account, in another browser
    const other = await browser.newContext({ locale: 'fr-FR' });
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(stackUrls.mockServiceProvider, {
        waitUntil: 'load',
      });
      await otherPage.getByTestId('login-button').click();
      await chooseImpotsAndLogIn(otherPage);

      // Then the core refuses the account, says why, and offers another one
      await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(
        'Vous avez bloqué ce compte pour vous connecter',
      );
      await expect(otherPage.getByTestId('error-code')).toHaveText('Y000011');
      const otherAccount = otherPage.getByRole('link', {
        name: 'Choisir un autre compte',
      });
      await expect(otherAccount).toBeVisible();
      await expectNoSeriousAccessibilityViolation(otherPage);
      await screenshot(otherPage, 'fd-8-compte-refuse');
      await otherAccount.click();
      await expect(otherPage.getByRole('heading', { level: 1 })).toContainText(
        'Je choisis un compte',
      );
    } finally {
      await other.close();
    }

    // When the citizen unblocks it from their dashboard
    await page
      .getByRole('button', { name: `Débloquer le compte ${IMPOTS}` })
      .click();

    // Then it can be used again
    await expect(page.getByTestId('notice')).toContainText(
      `Le compte « ${IMPOTS} » est débloqué`,
    );
    await expect(impotsAccount).toContainText('Utilisable');
    const again = await browser.newContext({ locale: 'fr-FR' });
    try {
      const againPage = await again.newPage();
      await againPage.goto(stackUrls.mockServiceProvider, {
        waitUntil: 'load',
      });
      await againPage.getByTestId('login-button').click();
      await chooseImpotsAndLogIn(againPage);
      await expect(againPage.getByRole('heading', { level: 1 })).toContainText(
        `Vous êtes connecté grâce à ${IMPOTS}`,
      );
    } finally {
      await again.close();
    }
  });
});
