import { expect, type BrowserContext, type Page, test } from '@playwright/test';
import type {
  ApiHabilitationRequestView,
  ServiceProviderView,
} from '@federation/partners-contracts';
import {
  api,
  apiLogin,
  type ApiSession,
  APPLICANT,
  browserAs,
  check,
  exampleContent,
  expectAccessible,
  INSTRUCTOR,
  open,
  screenshot,
  submitRequest,
  unique,
} from './support/partners';

/*
 * Requests of type « API FranceConnectée » in the Espace Partenaire, in Chromium, through the whole
 * stack: the applicant asks for a data provider's scopes from a validated habilitation (the form
 * works without JavaScript), an admin validates it from the queue (the clients get the scopes) and
 * refuses another (the applicant reads the reason). The data providers are the demo seed's
 * catalogue of the consent service (DGFiP, CNAF, MESR).
 *
 * The habilitation is filed and validated through partners-api's HTTP API (other specs cover those pages).
 */

const runSuffix = unique();
const DGFIP = 'Direction générale des Finances publiques (démo)';
const CNAF = 'Caisse nationale des allocations familiales (démo)';

async function validatedHabilitation(
  applicant: ApiSession,
  instructor: ApiSession,
  projectName: string,
): Promise<string> {
  const id = await submitRequest(applicant, exampleContent(projectName));
  const validated = await api(
    instructor,
    'POST',
    `/api/admin/habilitations/${id}/validate`,
    {},
  );
  expect(validated.status, JSON.stringify(validated.body)).toBe(200);
  return id;
}

test.describe('API FranceConnectées of a validated habilitation', () => {
  test.describe.configure({ mode: 'serial' });

  const projectName = `Tarifs cantine ${runSuffix}`;
  let applicant: ApiSession;
  let instructor: ApiSession;
  let habilitationId: string;
  let member: BrowserContext;
  let admin: BrowserContext;
  let page: Page;
  let adminPage: Page;

  test.beforeAll(async ({ browser }) => {
    applicant = await apiLogin(APPLICANT);
    instructor = await apiLogin(INSTRUCTOR);
    habilitationId = await validatedHabilitation(
      applicant,
      instructor,
      projectName,
    );
    member = await browserAs(browser, applicant);
    page = await member.newPage();
    admin = await browserAs(browser, instructor);
    adminPage = await admin.newPage();
  });

  test.afterAll(async () => {
    await member?.close();
    await admin?.close();
  });

  test('without JavaScript, a scope of another data provider is refused next to the scopes, and what was typed stays', async ({
    browser,
  }) => {
    // Given the form in a browser without JavaScript
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'fr-FR',
    });
    await context.addCookies(await member.cookies());
    const noScript = await context.newPage();
    await noScript.goto(`/habilitations/${habilitationId}/api/nouvelle`, {
      waitUntil: 'load',
    });

    // When the member chooses the DGFiP but ticks a scope of the CNAF
    await check(noScript.getByRole('radio', { name: DGFIP }));
    await check(
      noScript
        .getByRole('group', { name: CNAF })
        .getByRole('checkbox', { name: /Quotient familial/ }),
    );
    await noScript
      .getByLabel(/^Justification/)
      .fill('Calculer le tarif de la cantine sans pièce justificative.');
    await noScript
      .getByRole('button', { name: 'Envoyer la demande d’API FranceConnectée' })
      .click();

    // Then the form says so on the scopes, in French, and keeps the choices
    await expect(noScript.getByTestId('error-summary')).toContainText(
      'La demande n’a pas été envoyée',
    );
    await expect(
      noScript.getByRole('group', { name: /^Données demandées/ }),
    ).toContainText(`n’est pas proposée par ${DGFIP}`);
    await expect(noScript.getByRole('radio', { name: DGFIP })).toBeChecked();
    await expect(noScript.getByLabel(/^Justification/)).toHaveValue(
      'Calculer le tarif de la cantine sans pièce justificative.',
    );
    await context.close();
  });

  test('the applicant asks for the DGFiP’s scopes, the admin validates, the clients get them', async () => {
    // Given the habilitation page, whose « API FranceConnectées » section leads to the form
    await open(page, `/habilitations/${habilitationId}`);
    const section = page.getByRole('region', { name: 'API FranceConnectées' });
    await expect(section).toContainText(
      'Aucune demande d’API FranceConnectée pour l’instant.',
    );
    await section
      .getByRole('link', { name: 'Demander une API FranceConnectée' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Nouvelle demande d’API FranceConnectée',
    );
    await expectAccessible(page);

    // When the member asks for two scopes of the DGFiP with a justification
    await check(page.getByRole('radio', { name: DGFIP }));
    const dgfip = page.getByRole('group', { name: DGFIP });
    await check(
      dgfip.getByRole('checkbox', { name: /Revenu fiscal de référence/ }),
    );
    await check(
      dgfip.getByRole('checkbox', { name: /Nombre de parts fiscales/ }),
    );
    await page
      .getByLabel(/^Justification/)
      .fill(
        'Le tarif de la cantine dépend du revenu fiscal de référence et du nombre de parts du foyer.',
      );
    await screenshot(page, 'api-1-formulaire');
    await page
      .getByRole('button', { name: 'Envoyer la demande d’API FranceConnectée' })
      .click();

    // Then the habilitation page lists it under review
    await expect(
      page.getByText('Votre demande d’API FranceConnectée est envoyée'),
    ).toBeVisible();
    const listed = page.getByTestId('api-request').filter({ hasText: DGFIP });
    await expect(listed).toContainText('En cours d’examen');
    await expect(listed).toContainText('Revenu fiscal de référence');

    // When the admin finds it in the queue and validates it
    await open(adminPage, '/admin/api');
    await adminPage.getByLabel('Rechercher').fill(projectName);
    await adminPage.getByRole('button', { name: 'Filtrer' }).click();
    const row = adminPage.getByRole('row', { name: new RegExp(projectName) });
    await expect(row).toContainText(DGFIP);
    await expect(row).toContainText('En cours d’examen');
    await expectAccessible(adminPage);
    await row.getByRole('link', { name: /Examiner/ }).click();
    await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(
      DGFIP,
    );
    await expect(adminPage.getByTestId('api-request-scopes')).toContainText(
      'Nombre de parts fiscales',
    );
    await expectAccessible(adminPage);
    await screenshot(adminPage, 'api-2-examen');
    const validate = adminPage.getByRole('region', { name: 'Valider' });
    await validate
      .getByLabel('Message au demandeur (facultatif)')
      .fill('Accordé pour le calcul des tarifs.');
    await validate
      .getByRole('button', { name: 'Valider la demande d’API' })
      .click();
    await expect(adminPage.getByText('La demande est validée')).toBeVisible();

    // Then the member sees it validated with its scopes
    await open(page, `/habilitations/${habilitationId}`);
    const validated = page
      .getByTestId('api-request')
      .filter({ hasText: DGFIP });
    await expect(validated).toContainText('Validée');
    await expect(validated.getByTestId('api-request-scopes')).toContainText(
      'Revenu fiscal de référence',
    );
    await expect(validated.getByTestId('api-request-scopes')).toContainText(
      'Nombre de parts fiscales',
    );
    await expectAccessible(page);
    await screenshot(page, 'api-3-validee');

    // And the sandbox client has the DGFiP's scopes
    const clients = await api(
      applicant,
      'GET',
      `/api/habilitations/${habilitationId}/service-providers`,
    );
    const sandbox = (clients.body as ServiceProviderView[]).find(
      (client) => client.environment === 'sandbox',
    );
    expect(sandbox?.scopes).toEqual(
      expect.arrayContaining(['dgfip_rfr', 'dgfip_nbpart']),
    );
  });

  test('a request refused by the admin shows the applicant the reason', async () => {
    // Given a request for the CNAF's quotient familial
    const created = await api(
      applicant,
      'POST',
      `/api/habilitations/${habilitationId}/api-requests`,
      {
        dataProviderSlug: 'cnaf',
        scopes: ['cnaf_quotient_familial'],
        justification:
          'Le quotient familial permettrait d’affiner les tranches de tarifs.',
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const request = created.body as ApiHabilitationRequestView;
    const reason =
      'Le revenu fiscal de référence suffit déjà au calcul des tarifs.';

    // When the admin refuses it, first without a reason
    await open(adminPage, `/admin/api/${request.id}`);
    const refuse = adminPage.getByRole('region', { name: 'Refuser' });
    await refuse
      .getByRole('button', { name: 'Refuser la demande d’API' })
      .click();
    await expect(refuse.getByText('Indiquez le motif du refus')).toBeVisible();
    await refuse.getByLabel('Motif du refus').fill(reason);
    await refuse
      .getByRole('button', { name: 'Refuser la demande d’API' })
      .click();
    await expect(adminPage.getByText('Le refus est enregistré')).toBeVisible();

    // Then the member sees the refusal and its reason on the habilitation page
    await open(page, `/habilitations/${habilitationId}`);
    const listed = page.getByTestId('api-request').filter({ hasText: CNAF });
    await expect(listed).toContainText('Refusée');
    await expect(listed.getByTestId('decision-message')).toHaveText(reason);
    await expectAccessible(page);
    await screenshot(page, 'api-4-refusee');
  });
});
