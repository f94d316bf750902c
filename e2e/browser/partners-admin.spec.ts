import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { HabilitationStepContent } from '@federation/partners-contracts';
import { stackUrls } from '../playwright.config';
import {
  apiLogin,
  type ApiSession,
  APPLICANT,
  browserAs,
  call,
  expectNoSeriousAccessibilityViolation,
  INSTRUCTOR,
  mailsTo,
  open,
  screenshot,
  signUpVerified,
  submitRequest,
  unique,
  waitForMail,
} from './support/partners';

/*
 * The instructors' pages of the Espace Partenaire, in Chromium, through the whole stack. Requests are
 * set up through partners-api's HTTP API as the demo applicant; the instructor then works in the
 * portal, and the e-mails are read in MailDev.
 */

const DEMO_SIRET = '21690123100011';
const DEMO_ORGANISATION = 'Commune de Lyon (démo)';

const runSuffix = unique();

/** A complete request of the demo organisation; contacts get addresses of their own so their e-mails can be counted. */
function requestContent(
  projectName: string,
  tag: string,
): HabilitationStepContent {
  const contact = (
    givenName: string,
    familyName: string,
    local: string,
    phone: string,
    jobTitle: string,
  ) => ({
    givenName,
    familyName,
    email: `${local}.${tag}@mairie-exemple.fr`,
    phone,
    jobTitle,
  });
  return {
    project: {
      projectName,
      description:
        'Les familles se connectent au portail de la commune avec FranceConnect pour inscrire leurs enfants à la cantine et au périscolaire, sans ressaisir leur identité.',
      usesVendorSolution: false,
      vendorId: null,
    },
    data: {
      claims: ['given_name', 'family_name', 'birthdate', 'email'],
      eidasLevel: 'eidas1',
    },
    legal: {
      legalBasisText:
        'Article L. 112-9 du code des relations entre le public et l’administration (saisine par voie électronique).',
      legalBasisUrl:
        'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367329',
      retentionMonths: 24,
      retentionJustification: null,
    },
    contacts: {
      dataController: contact(
        'Claire',
        'Dubois',
        'responsable',
        '+33123456789',
        'Directrice générale des services',
      ),
      dpo: contact(
        'Paul',
        'Lefèvre',
        'dpo',
        '+33123456780',
        'Délégué à la protection des données',
      ),
      technicalContact: contact(
        'Yasmine',
        'Benali',
        'technique',
        '+33612345678',
        'Cheffe de projet numérique',
      ),
    },
    terms: { termsAccepted: true },
  };
}

// ---------------------------------------------------------------------------------------------

test.describe('instruction of a habilitation request', () => {
  test.describe.configure({ mode: 'serial' });

  const projectName = `Portail famille ${runSuffix}`;
  const tag = `instruction-${runSuffix}`;
  const content = requestContent(projectName, tag);
  const changesMessage =
    'Précisez la durée de conservation : 24 mois paraît long pour des inscriptions à la cantine.';
  let applicant: ApiSession;
  let instructor: ApiSession;
  let requestId: string;
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    applicant = await apiLogin(APPLICANT);
    instructor = await apiLogin(INSTRUCTOR);
    requestId = await submitRequest(applicant, content);
    context = await browserAs(browser, instructor);
    page = await context.newPage();
  });

  test.afterAll(async () => {
    await context?.close();
  });

  test('the instructor finds the submitted request in the queue by searching for its project', async () => {
    // Given a request submitted by the Commune de Lyon (démo)
    // When the instructor searches the queue for its project name
    await open(page, '/admin/habilitations');
    await page.getByLabel('Rechercher').fill(projectName);
    await page.getByRole('button', { name: 'Filtrer' }).click();

    // Then the queue lists that one request, with its organisation, SIRET and status, keeping the search in the URL
    await expect(page).toHaveURL(/q=Portail\+famille/);
    await expect(page.getByText('1 demande', { exact: true })).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(projectName) });
    await expect(row).toContainText(DEMO_ORGANISATION);
    await expect(row).toContainText('SIRET 216 901 231 00011');
    await expect(row).toContainText('En cours d’instruction');
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, '1-file-instruction');

    // And its link opens the review page
    await row
      .getByRole('link', {
        name: new RegExp(`Instruire la demande « ${projectName} »`),
      })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      projectName,
    );
    await expect(page).toHaveURL(
      new RegExp(`/admin/habilitations/${requestId}$`),
    );
  });

  test('the review page shows every step of the request, the claims in French', async () => {
    // Given the instructor on the review page
    await open(page, `/admin/habilitations/${requestId}`);

    // Then the organisation, the claims by their French label and the contacts are shown
    await expect(page.locator('#organisation')).toContainText(
      `${DEMO_ORGANISATION} — SIRET 216 901 231 00011`,
    );
    const request = page.locator('#demande');
    await expect(request.getByRole('heading', { level: 3 })).toHaveText([
      'Votre projet',
      'Données demandées',
      'Cadre juridique',
      'Responsables et contacts',
      'Conditions d’utilisation',
    ]);
    await expect(request).toContainText('Nom de naissance');
    await expect(request).toContainText('Faible (eidas1)');
    await expect(request).toContainText('24 mois');
    await expect(request).toContainText(content.contacts.dpo.email);
    // And the history shows the submission
    await expect(page.locator('#historique')).toContainText('Demande soumise');
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, '2-revue-demande');
  });

  test('asking for changes e-mails the applicant the instructor’s message', async () => {
    // Given the instructor on the review page
    await open(page, `/admin/habilitations/${requestId}`);

    // When they ask for changes with a message
    const form = page.getByRole('region', {
      name: 'Demander des modifications',
    });
    await form.getByLabel('Modifications attendues').fill(changesMessage);
    await form
      .getByRole('button', { name: 'Demander des modifications' })
      .click();

    // Then the page confirms it and the request now waits for the applicant
    await expect(
      page.getByText('Les modifications sont demandées'),
    ).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      projectName,
    );
    await expect(page.locator('#decision')).toContainText(
      'Aucune décision n’est possible sur une demande au statut « Modifications demandées »',
    );
    await expect(page.locator('#messages')).toContainText(changesMessage);
    // And the applicant receives the message by e-mail
    const mail = await waitForMail(
      APPLICANT.email,
      (candidate) =>
        candidate.subject === `Modifications demandées : ${projectName}`,
    );
    expect(mail.text).toContain(changesMessage);
  });

  test('after the applicant resubmits, the review page shows what changed', async () => {
    // Given the applicant shortened the retention period and submitted again
    await call(
      applicant,
      'PUT',
      `/api/habilitations/${requestId}/steps/legal`,
      {
        ...content.legal,
        retentionMonths: 12,
      },
    );
    await call(applicant, 'POST', `/api/habilitations/${requestId}/submit`);

    // When the instructor opens the request
    await open(page, `/admin/habilitations/${requestId}`);

    // Then « Ce qui a changé » names the retention period with its new value
    const changes = page.locator('#changements');
    await expect(
      changes.getByRole('row', { name: /Durée de conservation/ }),
    ).toContainText('12 mois');
    await expect(page.locator('#historique')).toContainText(
      'Cadre juridique › Durée de conservation',
    );
  });

  test('validating e-mails the applicant, the data controller, the DPO and the technical contact, once each', async () => {
    // Given the resubmitted request
    await open(page, `/admin/habilitations/${requestId}`);

    // When the instructor validates it
    const form = page.getByRole('region', { name: 'Valider la demande' });
    await form
      .getByLabel('Message au demandeur (facultatif)')
      .fill('Merci pour ces précisions.');
    await form.getByRole('button', { name: 'Valider la demande' }).click();

    // Then the page confirms it and shows the request validated
    await expect(page.getByText('La demande est validée')).toBeVisible();
    await expect(page.locator('.fr-badges-group')).toContainText('Validée');
    await expect(
      page.getByRole('region', { name: 'Révoquer l’habilitation' }),
    ).toBeVisible();

    // And the four e-mails arrive
    const { dataController, dpo, technicalContact } = content.contacts;
    await waitForMail(
      APPLICANT.email,
      (mail) => mail.subject === `Demande validée : ${projectName}`,
    );
    const designated = `Vous avez été désigné pour le service « ${projectName} »`;
    const controllerMail = await waitForMail(
      dataController.email,
      (mail) => mail.subject === designated,
    );
    expect(controllerMail.text).toContain('responsable de traitement');
    const dpoMail = await waitForMail(
      dpo.email,
      (mail) => mail.subject === designated,
    );
    expect(dpoMail.text).toContain('délégué à la protection des données (DPO)');
    const technicalMail = await waitForMail(
      technicalContact.email,
      (mail) => mail.subject === `Vos accès techniques pour « ${projectName} »`,
    );
    expect(technicalMail.text).toContain(stackUrls.portal);

    // And none twice, even after the outbox's next pass
    await page.waitForTimeout(3_000);
    expect(
      (await mailsTo(APPLICANT.email)).filter(
        (mail) => mail.subject === `Demande validée : ${projectName}`,
      ),
    ).toHaveLength(1);
    for (const address of [
      dataController.email,
      dpo.email,
      technicalContact.email,
    ]) {
      expect(await mailsTo(address)).toHaveLength(1);
    }
  });

  test('the audit log lists the request for changes and the validation', async () => {
    // Given the instructor asked for changes then validated the request
    // When they open the audit log
    await open(page, '/admin/journal');

    // Then both actions appear, by the instructor, on that request
    const rows = page
      .getByRole('row')
      .filter({ hasText: requestId.slice(0, 8) });
    await expect(rows.filter({ hasText: 'Demande validée' })).toContainText(
      INSTRUCTOR.email,
    );
    await expect(rows.filter({ hasText: 'Demande validée' })).toContainText(
      'Statut : En cours d’instruction → Validée',
    );
    await expect(
      rows.filter({ hasText: 'Modifications demandées' }),
    ).toContainText(INSTRUCTOR.email);
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, '5-journal');

    // And filtering on the action keeps only validations
    await page.getByLabel('Action').selectOption({ label: 'Demande validée' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect(page).toHaveURL(/action=habilitation.validate/);
    await expect(
      page.getByRole('row').filter({ hasText: 'Modifications demandées' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('row').filter({ hasText: requestId.slice(0, 8) }),
    ).toHaveCount(1);
  });
});

test.describe('instructor pages', () => {
  let instructor: ApiSession;
  let context: BrowserContext;
  let page: Page;

  test.beforeEach(async ({ browser }) => {
    instructor = await apiLogin(INSTRUCTOR);
    context = await browserAs(browser, instructor);
    page = await context.newPage();
  });

  test.afterEach(async () => {
    await context.close();
  });

  test('validating a request a second time shows the French reason of the refusal', async () => {
    // Given a submitted request open in two tabs of the instructor's browser
    const applicant = await apiLogin(APPLICANT);
    const projectName = `Double validation ${runSuffix}`;
    const id = await submitRequest(
      applicant,
      requestContent(projectName, `double-${runSuffix}`),
    );
    const secondTab = await context.newPage();
    await open(page, `/admin/habilitations/${id}`);
    await open(secondTab, `/admin/habilitations/${id}`);

    // When the validate form is sent from the first tab, then again from the second
    await page.getByRole('button', { name: 'Valider la demande' }).click();
    await expect(page.getByText('La demande est validée')).toBeVisible();
    await secondTab.getByRole('button', { name: 'Valider la demande' }).click();

    // Then the second answer explains, in French, that the request is already validated
    const alert = secondTab
      .getByRole('region', { name: 'Valider la demande' })
      .getByRole('alert')
      .first();
    await expect(alert).toContainText(
      'Impossible de valider une demande au statut « Validée ».',
    );
    // And the keyboard focus is on that explanation
    await expect(secondTab.locator(':focus')).toContainText(
      'Impossible de valider une demande au statut « Validée ».',
    );
  });

  test('a reason shorter than ten characters is refused next to its field', async () => {
    // Given a request waiting for a decision
    const applicant = await apiLogin(APPLICANT);
    const other = await submitRequest(
      applicant,
      requestContent(`Motif court ${runSuffix}`, `court-${runSuffix}`),
    );
    await open(page, `/admin/habilitations/${other}`);

    // When the instructor refuses it with a two-word reason
    const form = page.getByRole('region', { name: 'Refuser la demande' });
    await form.getByLabel('Motif du refus').fill('Non merci');
    await form.getByRole('button', { name: 'Refuser la demande' }).click();

    // Then the decision is not taken and the reason field says why, the text kept
    await expect(form.getByRole('alert').first()).toContainText(
      'La décision n’a pas été enregistrée',
    );
    const reason = form.getByLabel('Motif du refus');
    await expect(reason).toHaveAccessibleDescription(
      /Expliquez la décision en 10 à 5 000 caractères/,
    );
    await expect(reason).toHaveValue('Non merci');
    await expect(page.locator('#decision')).toContainText('Valider la demande');
  });

  test('a membership pending moderation is accepted and the person is told by e-mail', async () => {
    // Given someone with another e-mail domain signed up on the demo organisation's SIRET and confirmed their address
    const email = `moderation.${runSuffix}@partenaire-exemple.fr`;
    const join = await signUpVerified({
      email,
      password: `Tulipe-${runSuffix}-Zq8!`,
      givenName: 'Dominique',
      familyName: `Modéré ${runSuffix}`,
      siret: DEMO_SIRET,
    });
    expect(join?.outcome).toBe('pending_moderation');

    // When the instructor opens the moderation queue
    await open(page, '/admin/moderation');
    const item = page.getByRole('article', {
      name: `Dominique Modéré ${runSuffix}`,
    });

    // Then the person, the organisation and the domains of its members are shown
    await expect(item).toContainText(email);
    await expect(item).toContainText(
      `${DEMO_ORGANISATION} — SIRET 216 901 231 00011`,
    );
    await expect(item).toContainText('lyon.demo.fr');
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, '3-moderation');

    // When they accept the membership
    await item.getByRole('button', { name: 'Accepter l’adhésion' }).click();

    // Then the page confirms it, the person leaves the queue and is told by e-mail
    await expect(page.getByText('L’adhésion est acceptée')).toBeVisible();
    await expect(
      page.getByRole('article', { name: `Dominique Modéré ${runSuffix}` }),
    ).toHaveCount(0);
    await waitForMail(
      email,
      (mail) => mail.subject === `Vous êtes membre de ${DEMO_ORGANISATION}`,
    );
  });

  test('a vendor is added, then deactivated', async () => {
    // Given the instructor on the vendors page
    await open(page, '/admin/editeurs');
    await expectNoSeriousAccessibilityViolation(page);

    // When they add a vendor
    const name = `Éditeur de test ${runSuffix}`;
    const addSection = page.getByRole('region', { name: 'Ajouter un éditeur' });
    await addSection.getByLabel('Nom de l’éditeur').fill(name);
    await addSection.getByRole('button', { name: 'Ajouter l’éditeur' }).click();

    // Then it is listed as active
    await expect(page.getByText('L’éditeur est ajouté')).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('Actif');
    await screenshot(page, '4-editeurs');

    // When they deactivate it
    await row
      .getByRole('button', { name: `Désactiver l’éditeur « ${name} »` })
      .click();

    // Then it is listed as inactive
    await expect(page.getByText('L’éditeur est désactivé')).toBeVisible();
    await expect(
      page.getByRole('row', { name: new RegExp(name) }),
    ).toContainText('Inactif');
  });
});

test.describe('admin pages and other accounts', () => {
  test('the demo applicant, who is not a platform admin, does not see the instruction queue', async ({
    browser,
  }) => {
    // Given the demo applicant signed in, and a request in the instruction queue
    const applicant = await apiLogin(APPLICANT);
    await submitRequest(
      applicant,
      requestContent(`Hors file ${runSuffix}`, `hors-file-${runSuffix}`),
    );
    const context = await browserAs(browser, applicant);
    const page = await context.newPage();

    // When they open the instruction queue by its URL
    await page.goto('/admin/habilitations', { waitUntil: 'load' });

    // Then they are sent elsewhere: no queue, no instruction link, no admin menu
    await expect(page).not.toHaveURL(/\/admin\//);
    await expect(
      page.getByRole('heading', { name: 'File d’instruction' }),
    ).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Instruire/ })).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: 'Modération des adhésions' }),
    ).toHaveCount(0);
    await context.close();
  });

  test('a visitor who is not signed in is sent to the sign-in page, then back', async ({
    page,
  }) => {
    // Given nobody is signed in
    // When a visitor opens the audit log by its URL
    await page.goto('/admin/journal', { waitUntil: 'load' });

    // Then they are sent to the sign-in page, which will bring them back to the audit log
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fadmin%2Fjournal$/);
    await expect(
      page.getByRole('heading', { name: 'Journal d’audit' }),
    ).toHaveCount(0);
  });
});
