import { expect, type Page, test } from '@playwright/test';
import {
  api,
  apiLogin,
  APPLICANT,
  createDraft,
  exampleContent,
  expectAccessible,
  INSTRUCTOR,
  screenshot,
  signIn,
  signUpVerified,
  submitRequest,
  tick,
  unique,
  waitForMail,
} from './support/partners';

/*
 * The applicant's habilitation pages of the Espace Partenaire, in Chromium, through the whole stack:
 * dashboard → the five steps → summary → submission (acknowledgment in MailDev) → changes requested
 * by the instructor → fix and resubmission; autosave; forms without JavaScript; and the request
 * staying invisible to a member of another organisation.
 *
 * The browser is signed in with the session cookie partners-api sets at login (the login page is
 * tested elsewhere); the instructor's decisions and the data a test is not about go through
 * partners-api's HTTP API.
 */

const OTHER_ORGANISATION_SIRET = '21130055300016'; // Commune de Marseille (démo), in the SIRET fixtures
const PASSWORD = 'Correct-Cheval-Pile-Agrafe-42';

/** A new account, verified with the code MailDev received, member of another organisation. */
async function signUpElsewhere(): Promise<{ email: string }> {
  const email = `agent.${unique()}@marseille.demo.fr`;
  await signUpVerified({
    email,
    password: PASSWORD,
    givenName: 'Dominique',
    familyName: 'Bernard',
    siret: OTHER_ORGANISATION_SIRET,
  });
  return { email };
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

const continueButton = (page: Page) =>
  page.getByRole('button', { name: 'Enregistrer et continuer' });

async function fillContact(
  page: Page,
  legend: string,
  contact: {
    givenName: string;
    familyName: string;
    email: string;
    phone: string;
    jobTitle: string;
  },
) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel(/^Prénom/).fill(contact.givenName);
  await group.getByLabel(/^Nom/).fill(contact.familyName);
  await group.getByLabel(/^Adresse électronique/).fill(contact.email);
  await group.getByLabel(/^Téléphone/).fill(contact.phone);
  await group.getByLabel(/^Fonction/).fill(contact.jobTitle);
}

/** The text an input points at through aria-describedby (its hint and its error message). */
async function descriptionOf(page: Page, label: RegExp): Promise<string> {
  return page.getByLabel(label).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

const stepHeading = (page: Page) => page.locator('.fr-stepper__title');

/** The DSFR stepper says « Étape n sur 5 ». */
async function expectStep(page: Page, step: number) {
  await expect(page.locator('.fr-stepper__state')).toHaveText(
    `Étape ${step} sur 5`,
  );
}

// ---------------------------------------------------------------------------------------------

test.describe('Habilitation request of an applicant', () => {
  test('files a request through every step, fixing a refused field on the way, and submits it', async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    const projectName = `Portail famille ${unique()}`;

    // Given the demo applicant, signed in, on their dashboard
    await signIn(context, APPLICANT);
    await page.goto('/tableau-de-bord', { waitUntil: 'load' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Mes demandes d’habilitation',
    );
    await expect(
      page.getByRole('heading', { level: 2, name: 'Commune de Lyon (démo)' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, '1-tableau-de-bord');

    // When they start a new request
    await page.getByRole('button', { name: 'Nouvelle demande' }).click();
    await expect(page).toHaveURL(
      /\/habilitations\/[0-9a-f-]{36}\/etapes\/projet$/,
    );
    const requestUrl = page.url().replace(/\/etapes\/projet$/, '');

    // And describe the project (step 1 of 5)
    await expectStep(page, 1);
    await expect(stepHeading(page)).toContainText('Votre projet');
    await expectAccessible(page);
    await page.getByLabel(/^Nom du projet/).fill(projectName);
    await page
      .getByLabel(/^Description détaillée du cas d’usage/)
      .fill(
        'Les familles se connectent au portail de la commune pour inscrire leurs enfants à la cantine et au périscolaire.',
      );
    await tick(
      page,
      'Le projet s’appuie sur la solution d’un éditeur partenaire',
    );
    await page
      .getByRole('combobox', { name: /^Éditeur partenaire/ })
      .selectOption({ label: 'Éditeur Logiciel Collectivités (démo)' });
    await screenshot(page, '2-etape-projet');
    await continueButton(page).click();

    // And choose the data and the eIDAS level (step 2)
    await expectStep(page, 2);
    await expectAccessible(page);
    await tick(page, /^Prénom\(s\)/);
    await tick(page, /^Nom de naissance/);
    await tick(page, /^Date de naissance/);
    await tick(page, /^eIDAS 1 — Faible/);
    await screenshot(page, '3-etape-donnees');
    await continueButton(page).click();

    // And give the legal basis with a retention of 48 months, first without saying why (step 3)
    await expectStep(page, 3);
    await expectAccessible(page);
    await page
      .getByLabel(/^Cadre juridique/)
      .fill(
        'Article L. 112-9 du code des relations entre le public et l’administration.',
      );
    await page
      .getByLabel(/^Adresse web du texte/)
      .fill(
        'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367329',
      );
    await page.getByLabel(/^Durée de conservation/).fill('48');
    await continueButton(page).click();

    // Then the step is refused with the message next to the justification, and the summary takes the focus
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(
      summary.getByRole('link', {
        name: /Justification de la durée de conservation/,
      }),
    ).toBeVisible();
    expect(
      await descriptionOf(page, /^Justification de la durée de conservation/),
    ).toContain('Justifiez une durée de conservation supérieure à 36 mois.');
    await expect(page.getByLabel(/^Durée de conservation/)).toHaveValue('48');
    await expectAccessible(page);
    await screenshot(page, '4-etape-cadre-juridique-erreur');

    // When they justify it
    await page
      .getByLabel(/^Justification de la durée de conservation/)
      .fill(
        'Conservation imposée par le code du patrimoine pour les dossiers scolaires.',
      );
    await continueButton(page).click();

    // And name the three contacts (step 4)
    await expectStep(page, 4);
    await expectAccessible(page);
    await fillContact(page, 'Responsable de traitement', {
      givenName: 'Claire',
      familyName: 'Dubois',
      email: 'claire.dubois@lyon.demo.fr',
      phone: '04 72 10 30 30',
      jobTitle: 'Directrice générale des services',
    });
    await fillContact(page, 'Délégué à la protection des données (DPO)', {
      givenName: 'Paul',
      familyName: 'Lefèvre',
      email: 'dpo@lyon.demo.fr',
      phone: '04 72 10 30 31',
      jobTitle: 'Délégué à la protection des données',
    });
    await fillContact(page, 'Contact technique', {
      givenName: 'Yasmine',
      familyName: 'Benali',
      email: 'yasmine.benali@lyon.demo.fr',
      phone: '06 12 34 56 78',
      jobTitle: 'Cheffe de projet numérique',
    });
    await screenshot(page, '5-etape-contacts');
    await continueButton(page).click();

    // And accept the terms of use (step 5)
    await expectStep(page, 5);
    await expectAccessible(page);
    await tick(page, /^J’ai lu et j’accepte les conditions d’utilisation/);
    await screenshot(page, '6-etape-conditions');
    await continueButton(page).click();

    // Then the summary shows every step as complete
    await expect(page).toHaveURL(`${requestUrl}/recapitulatif`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Récapitulatif de la demande',
    );
    await expect(page.getByText('Complète', { exact: true })).toHaveCount(5);
    await expect(
      page.getByText('Éditeur Logiciel Collectivités (démo)'),
    ).toBeVisible();
    await expect(page.getByText('48 mois')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, '7-recapitulatif');

    // When they submit the request
    await page.getByRole('button', { name: 'Soumettre la demande' }).click();

    // Then the request page shows it under instruction
    await expect(page).toHaveURL(`${requestUrl}?soumise=1`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      projectName,
    );
    await expect(
      page.getByRole('heading', { level: 2, name: 'En cours d’instruction' }),
    ).toBeVisible();
    await expect(page.getByTestId('timeline')).toContainText('Demande soumise');
    await expectAccessible(page);
    await screenshot(page, '8-demande-soumise');

    // And the acknowledgment e-mail tells the two-month deadline
    const acknowledgment = await waitForMail(
      APPLICANT.email,
      (mail) =>
        mail.subject === `Demande d’habilitation reçue : ${projectName}`,
    );
    expect(acknowledgment.text).toContain('deux mois');

    // And the dashboard lists it with its status
    await page.goto('/tableau-de-bord', { waitUntil: 'load' });
    const row = page.getByRole('row').filter({ hasText: projectName });
    await expect(row.getByText('En cours d’instruction')).toBeVisible();
  });

  test('sees the changes the instructor asks for, fixes a field and resubmits', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    // Given a submitted request, sent back by the instructor with a message
    const applicant = await signIn(context, APPLICANT);
    const projectName = `Inscriptions cantine ${unique()}`;
    const id = await submitRequest(applicant, exampleContent(projectName));
    const instructor = await apiLogin(INSTRUCTOR);
    const message =
      'Le numéro du DPO est celui du standard : indiquez sa ligne directe.';
    expect(
      (
        await api(
          instructor,
          'POST',
          `/api/admin/habilitations/${id}/request-changes`,
          { message },
        )
      ).status,
    ).toBe(200);

    // When the applicant opens the request
    await page.goto(`/habilitations/${id}`, { waitUntil: 'load' });

    // Then they see that changes are requested, and why
    await expect(
      page.getByRole('heading', { level: 2, name: 'Modifications demandées' }),
    ).toBeVisible();
    await expect(page.getByTestId('changes-requested-message')).toHaveText(
      message,
    );
    await expect(page.getByTestId('messages')).toContainText(message);
    await expectAccessible(page);
    await screenshot(page, '1-modifications-demandees');

    // When they fix the DPO's phone from the summary, and resubmit
    await page
      .getByRole('link', { name: 'Relire et soumettre de nouveau' })
      .click();
    await page
      .getByRole('link', {
        name: 'Modifier l’étape « Responsables et contacts »',
      })
      .click();
    await expectStep(page, 4);
    await page
      .getByRole('group', { name: 'Délégué à la protection des données (DPO)' })
      .getByLabel(/^Téléphone/)
      .fill('04 72 10 30 99');
    await continueButton(page).click();
    await expectStep(page, 5);
    await continueButton(page).click();
    await page.getByRole('button', { name: 'Soumettre la demande' }).click();

    // Then the request is under instruction again, and its history names the field changed
    await expect(page).toHaveURL(
      new RegExp(`/habilitations/${id}\\?soumise=1$`),
    );
    await expect(
      page.getByRole('heading', { level: 2, name: 'En cours d’instruction' }),
    ).toBeVisible();
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toContainText('Demande soumise de nouveau');
    await expect(timeline).toContainText(
      'Téléphone — Délégué à la protection des données (DPO)',
    );
    await expect(page.getByText('04 72 10 30 99')).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, '2-demande-soumise-de-nouveau');
  });

  test('saves what is typed in a step by itself, and tells when', async ({
    page,
    context,
  }) => {
    // Given a new draft open at its first step
    const applicant = await signIn(context, APPLICANT);
    const id = await createDraft(applicant);
    await page.goto(`/habilitations/${id}/etapes/projet`, {
      waitUntil: 'load',
    });
    await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true');

    // When the applicant types the project and its description, then pauses without pressing any button
    const projectName = `Portail sans bouton ${unique()}`;
    await page.getByLabel(/^Nom du projet/).fill(projectName);
    await page
      .getByLabel(/^Description détaillée du cas d’usage/)
      .fill(
        'Les usagers suivent leurs demandes de subvention en ligne, sans ressaisie.',
      );

    // Then the status line says the draft was saved, at what time
    await expect(page.getByTestId('autosave-status')).toHaveText(
      /^Brouillon enregistré à \d{2}:\d{2}$/,
      { timeout: 15_000 },
    );

    // And the text is still there when the page is opened again
    await page.reload({ waitUntil: 'load' });
    await expect(page.getByLabel(/^Nom du projet/)).toHaveValue(projectName);
  });

  test('fills a step without JavaScript, errors included', async ({
    browser,
  }) => {
    // Given a browser without JavaScript, signed in, on the first step of a new draft
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'fr-FR',
    });
    const applicant = await signIn(context, APPLICANT);
    const id = await createDraft(applicant);
    const page = await context.newPage();
    await page.goto(`/habilitations/${id}/etapes/projet`, {
      waitUntil: 'load',
    });

    // When the applicant sends a description that is too short
    await page.getByLabel(/^Nom du projet/).fill('Portail sans script');
    await page
      .getByLabel(/^Description détaillée du cas d’usage/)
      .fill('Trop court');
    await continueButton(page).click();

    // Then the page comes back with the message next to the field and what was typed
    await expect(page.getByTestId('error-summary')).toContainText(
      'Décrivez le cas d’usage en 30 à 5 000 caractères.',
    );
    expect(
      await descriptionOf(page, /^Description détaillée du cas d’usage/),
    ).toContain('Décrivez le cas d’usage en 30 à 5 000 caractères.');
    await expect(page.getByLabel(/^Nom du projet/)).toHaveValue(
      'Portail sans script',
    );

    // When they fix it
    await page
      .getByLabel(/^Description détaillée du cas d’usage/)
      .fill(
        'Les usagers se connectent pour suivre leurs dossiers sans ressaisir leur identité.',
      );
    await continueButton(page).click();

    // Then the next step opens
    await expect(page).toHaveURL(
      new RegExp(`/habilitations/${id}/etapes/donnees$`),
    );
    await context.close();
  });

  test('stays out of reach of a member of another organisation who has its address', async ({
    page,
    context,
  }) => {
    // Given a request of the Commune de Lyon, and an agent of the Commune de Marseille
    const applicant = await apiLogin(APPLICANT);
    const projectName = `Demande confidentielle ${unique()}`;
    const id = await submitRequest(applicant, exampleContent(projectName));
    const outsider = await signUpElsewhere();
    await signIn(context, { email: outsider.email, password: PASSWORD });

    // When the agent opens the request by its address
    const response = await page.goto(`/habilitations/${id}`, {
      waitUntil: 'load',
    });

    // Then the portal answers « introuvable », without a word of the request
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Demande introuvable',
    );
    await expect(page.getByText(projectName)).toHaveCount(0);
    await expectAccessible(page, { dsfrScript: false });
    await screenshot(page, '1-demande-introuvable');

    // And its steps and summary are out of reach too
    for (const path of [
      `/habilitations/${id}/etapes/projet`,
      `/habilitations/${id}/recapitulatif`,
    ]) {
      const other = await page.goto(path, { waitUntil: 'load' });
      expect(other?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Demande introuvable',
      );
    }
  });
});
