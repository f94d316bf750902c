import { expect, type Page, test } from '@playwright/test';
import { createHmac, randomBytes } from 'node:crypto';
import { stackUrls } from '../playwright.config';
import {
  api,
  expectNoSeriousAccessibilityViolation,
  type Mail,
  mailTo,
  open,
  screenshot,
  signUpVerified,
  verificationCode,
} from './support/partners';

/*
 * Account journeys of the Espace Partenaire in Chromium, through the whole stack (portal →
 * partners-api → MailDev): signup with the live SIRET look-up and the three join cases, e-mail
 * verification by code and by link, login and logout, forgotten password, second factor, and the
 * organisations pages. E-mails are read from MailDev's REST API.
 *
 * Each test signs up its own people (unique addresses, SIRETs no other test of this file uses).
 * Existing accounts come from the demo seed: Camille Martin administers « Commune de Lyon (démo) ».
 */

const PASSWORD = 'Essai-Portail-2026!';
const SUPPORT_EMAIL = 'support.partenaires@federation.localhost';
const camille = {
  email: 'camille.martin@lyon.demo.fr',
  password: 'Mairie-de-Lyon-2026!',
  organisation: 'Commune de Lyon (démo)',
};
const sirets = {
  university: '18000108300013', // Université de Bordeaux (démo)
  hospital: '26000109400010', // Centre hospitalier de Nantes (démo)
  mutual: '43356789800153', // Mutuelle Santé Solidaire (démo)
  verificationLink: '61122334800107', // Service Numérique Territorial SPL (démo)
  forgottenPassword: '45522233100122', // Énergies Service Public SEM (démo)
  twoFactor: '44411122300186', // Transports Urbains Délégués SA (démo)
  organisationsPage: '41298765300216', // Numérique Public Conseil SARL (démo)
  closed: '60070080100134', // Syndicat intercommunal dissous (démo), closed
};

/** An address nobody used before, on `domain` (an organisation's domain, never a webmail). */
function uniqueEmail(name: string, domain: string): string {
  return `${name}.${randomBytes(4).toString('hex')}@${domain}`;
}

/** A domain of its own for one test: no other test's members share it. */
function uniqueDomain(label: string): string {
  return `${label}-${randomBytes(3).toString('hex')}.e2e.fr`;
}

/** The first link of an e-mail that leads to `path` on the portal. */
function linkIn(mail: Mail, path: string): string {
  const escaped = path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const link = new RegExp(`https?://\\S+${escaped}\\S*`).exec(mail.text)?.[0];
  expect(link, `a link to ${path} in « ${mail.subject} »`).toBeDefined();
  return link as string;
}

/** An account with a verified address, member of the organisation of `siret`: how it joined. */
async function verifiedAccount(
  email: string,
  siret: string,
  names = { givenName: 'Alex', familyName: 'Premier' },
): Promise<{ outcome: string }> {
  const join = await signUpVerified({
    email,
    password: PASSWORD,
    siret,
    ...names,
  });
  return join as { outcome: string };
}

/** Fills the signup form; the SIRET first, whose establishment must show up before going on. */
async function fillSignupForm(
  page: Page,
  person: { email: string; siret: string; establishment: string },
) {
  await open(page, '/inscription');
  await page
    .getByLabel('Numéro SIRET de votre établissement')
    .fill(person.siret);
  const establishment = page.getByTestId('establishment-summary');
  await expect(establishment).toContainText(person.establishment);
  await expect(establishment).toContainText('Actif');
  await page.getByLabel('Prénom').fill('Dominique');
  await page.getByLabel('Nom', { exact: true }).fill('Essai');
  await page
    .getByLabel('Adresse électronique professionnelle')
    .fill(person.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
}

/** Sends the signup form, then types the e-mailed code on the « Vérifiez votre messagerie » page. */
async function signUpAndVerify(page: Page, email: string) {
  await page
    .getByRole('button', { name: 'Confirmer et créer mon compte' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' }),
  ).toBeVisible();
  await expect(page.getByLabel('Adresse électronique')).toHaveValue(email);
  await page
    .getByLabel('Code de confirmation')
    .fill(await verificationCode(email));
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Votre adresse électronique est confirmée',
    }),
  ).toBeVisible();
}

async function logIn(
  page: Page,
  email: string,
  password: string,
  path = '/connexion',
) {
  await open(page, path);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
}

/** RFC 6238 code of a base32 secret, `stepOffset` steps of 30 s from now. */
function totpCode(secret: string, stepOffset = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secret.replace(/[\s=]/g, '').toUpperCase()]
    .map((character) =>
      alphabet.indexOf(character).toString(2).padStart(5, '0'),
    )
    .join('');
  const key = Buffer.from(
    (bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)),
  );
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(
    BigInt(Math.floor(Date.now() / 30_000) + stepOffset),
  );
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = (hmac.at(-1) as number) & 0x0f;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(
    6,
    '0',
  );
}

test.describe('Signup and the three ways of joining an organisation', () => {
  test('signing up with the SIRET of an organisation nobody has joined creates it, with the user as its administrator', async ({
    page,
  }) => {
    // Given a person whose organisation has no member on the portal yet
    const email = uniqueEmail('premiere', uniqueDomain('universite'));

    // When they sign up with its SIRET (the establishment is shown before they confirm)
    await fillSignupForm(page, {
      email,
      siret: sirets.university,
      establishment: 'Université de Bordeaux (démo)',
    });
    await expect(page.getByTestId('establishment-summary')).toContainText(
      'Siège social',
    );
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'inscription');
    await signUpAndVerify(page, email);

    // Then they are told the organisation is created and that they administer it
    const outcome = page.locator('[data-outcome="organisation_created"]');
    await expect(outcome).toContainText(
      'Votre organisation « Université de Bordeaux (démo) » est créée',
    );
    await expect(outcome).toContainText('administrateur');
    await expect(
      page.getByRole('link', { name: 'Se connecter' }).last(),
    ).toHaveAttribute('href', '/connexion');
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'verification-organisation-creee');
  });

  test('a second person with the same e-mail domain joins at once, and the first member is told by e-mail', async ({
    page,
  }) => {
    // Given an organisation whose first member has an address on the hospital's domain
    const domain = uniqueDomain('chu');
    const firstMember = uniqueEmail('alex.premier', domain);
    expect((await verifiedAccount(firstMember, sirets.hospital)).outcome).toBe(
      'organisation_created',
    );

    // When a colleague with an address on the same domain signs up with the same SIRET
    const colleague = uniqueEmail('dominique.essai', domain);
    await fillSignupForm(page, {
      email: colleague,
      siret: sirets.hospital,
      establishment: 'Centre hospitalier de Nantes (démo)',
    });
    await signUpAndVerify(page, colleague);

    // Then the colleague is a member right away, and the first member gets an e-mail about it
    await expect(page.locator('[data-outcome="joined"]')).toContainText(
      'Vous avez rejoint « Centre hospitalier de Nantes (démo) »',
    );
    await expect(page.locator('[data-outcome="joined"]')).toContainText(
      'membres ont été prévenus',
    );
    await screenshot(page, 'verification-rattachement-immediat');
    const notice = await mailTo(
      firstMember,
      /Un nouveau membre a rejoint Centre hospitalier de Nantes \(démo\)/,
    );
    expect(notice.text).toContain(colleague);
  });

  test('a person with another e-mail domain waits for moderation and is given the support address', async ({
    page,
  }) => {
    // Given an organisation whose only member has an address on the mutual's domain
    const firstMember = uniqueEmail('alex.premier', uniqueDomain('mutuelle'));
    expect((await verifiedAccount(firstMember, sirets.mutual)).outcome).toBe(
      'organisation_created',
    );

    // When someone with an address on another domain signs up with the same SIRET
    const outsider = uniqueEmail(
      'dominique.essai',
      uniqueDomain('prestataire'),
    );
    await fillSignupForm(page, {
      email: outsider,
      siret: sirets.mutual,
      establishment: 'Mutuelle Santé Solidaire (démo)',
    });
    await signUpAndVerify(page, outsider);

    // Then they are told their membership must be checked, and how to write to the support
    const outcome = page.locator('[data-outcome="pending_moderation"]');
    await expect(outcome).toContainText(
      'Votre rattachement à « Mutuelle Santé Solidaire (démo) » doit être vérifié',
    );
    await expect(
      outcome.getByRole('link', { name: SUPPORT_EMAIL }),
    ).toHaveAttribute('href', `mailto:${SUPPORT_EMAIL}`);
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'verification-en-attente-de-moderation');
  });

  test('the e-mailed link confirms the address only when « Confirmer mon adresse » is pressed', async ({
    page,
  }) => {
    // Given a person who signed up and received the confirmation e-mail
    const email = uniqueEmail('lien', uniqueDomain('spl'));
    const signup = await api(undefined, 'POST', '/api/auth/signup', {
      email,
      password: PASSWORD,
      siret: sirets.verificationLink,
      givenName: 'Dominique',
      familyName: 'Lien',
    });
    expect(signup.status).toBe(202);
    const mail = await mailTo(email, /Confirmez votre adresse électronique/);

    // When they open its link
    await open(page, linkIn(mail, '/inscription/verification?token='));

    // Then opening it confirmed nothing yet: signing in is still refused
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: 'Confirmez votre adresse électronique',
      }),
    ).toBeVisible();
    const tooEarly = await api(undefined, 'POST', '/api/auth/login', {
      email,
      password: PASSWORD,
    });
    expect(tooEarly.status).toBe(403);
    await expectNoSeriousAccessibilityViolation(page);

    // And pressing the button confirms the address and joins the organisation
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await expect(
      page.locator('[data-outcome="organisation_created"]'),
    ).toContainText('Service Numérique Territorial SPL (démo)');
  });

  test('the SIRET look-up shows a closed establishment as closed, and the signup cannot go on', async ({
    page,
  }) => {
    // Given the signup page
    await open(page, '/inscription');

    // When the SIRET of a closed establishment is typed
    await page
      .getByLabel('Numéro SIRET de votre établissement')
      .fill(sirets.closed);

    // Then the establishment is shown as closed, with a clear message, and the form cannot be sent
    const establishment = page.getByTestId('establishment-summary');
    await expect(establishment).toContainText(
      'Syndicat intercommunal dissous (démo)',
    );
    await expect(establishment).toContainText('Fermé');
    await expect(establishment).not.toContainText('Actif');
    await expect(
      page.getByText(
        'Cet établissement est fermé d’après le répertoire Sirene',
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: 'Confirmer et créer mon compte' }),
    ).toBeDisabled();
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'inscription-etablissement-ferme');
  });
});

test.describe('Login, logout and passwords', () => {
  test('a member signs in, lands on the page they asked for, then signs out', async ({
    page,
  }) => {
    // Given Camille, who has an account
    // When she signs in from a link to her account page
    await open(page, '/connexion?retour=/compte');
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByLabel('Adresse électronique').fill(camille.email);
    await page
      .getByLabel('Mot de passe', { exact: true })
      .fill(camille.password);
    await screenshot(page, 'connexion');
    await page
      .getByRole('button', { name: 'Se connecter', exact: true })
      .click();

    // Then she is on that page, signed in
    await expect(page).toHaveURL(/\/compte$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Mon compte' }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText(camille.email);
    await expectNoSeriousAccessibilityViolation(page);

    // And when she signs out, she is a visitor again
    await page
      .getByRole('button', { name: 'Se déconnecter de l’Espace Partenaire' })
      .click();
    await expect(page).toHaveURL(`${stackUrls.portal}/`);
    await expect(
      page.getByRole('banner').getByRole('link', { name: 'Se connecter' }),
    ).toBeVisible();
    await open(page, '/compte');
    await expect(page).toHaveURL(/\/connexion\?retour=%2Fcompte$/);
  });

  test('a wrong password is refused with a clear message', async ({ page }) => {
    // Given Camille on the login page
    // When she types a wrong password
    await logIn(page, camille.email, 'Pas-le-bon-mot-de-passe-1');

    // Then she stays on the login page, told the address or the password is wrong
    await expect(
      page.getByRole('heading', {
        level: 2,
        name: 'Adresse électronique ou mot de passe incorrect.',
      }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/connexion$/);
    await expect(page.getByLabel('Adresse électronique')).toHaveValue(
      camille.email,
    );
    await expectNoSeriousAccessibilityViolation(page);
  });

  test('a forgotten password is replaced through the e-mailed link', async ({
    page,
  }) => {
    // Given a member who forgot her password
    const email = uniqueEmail('oublieuse', uniqueDomain('sem'));
    await verifiedAccount(email, sirets.forgottenPassword);

    // When she asks for a link, follows it and chooses a new password
    await open(page, '/mot-de-passe/oublie');
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByLabel('Adresse électronique de votre compte').fill(email);
    await page
      .getByRole('button', { name: 'Recevoir un lien de réinitialisation' })
      .click();
    await expect(
      page.getByRole('heading', { name: 'Consultez votre messagerie' }),
    ).toBeVisible();
    const mail = await mailTo(email, /Réinitialisation de votre mot de passe/);
    await open(page, linkIn(mail, '/mot-de-passe/nouveau?token='));
    await expectNoSeriousAccessibilityViolation(page);
    const newPassword = 'Nouveau-Portail-2027?';
    await page
      .getByLabel('Nouveau mot de passe', { exact: true })
      .fill(newPassword);
    await page
      .getByRole('button', { name: 'Enregistrer le nouveau mot de passe' })
      .click();
    await expect(
      page.getByRole('heading', { name: 'Mot de passe modifié' }),
    ).toBeVisible();

    // Then the new password opens her account, and the old one no longer does
    await logIn(page, email, PASSWORD, '/connexion?retour=/compte');
    await expect(
      page.getByRole('heading', {
        name: 'Adresse électronique ou mot de passe incorrect.',
      }),
    ).toBeVisible();
    await logIn(page, email, newPassword, '/connexion?retour=/compte');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Mon compte' }),
    ).toBeVisible();
  });

  test('with the second factor on, signing in asks for the code of the authenticator app', async ({
    page,
  }) => {
    // Given a member who turned the second factor on from her account page
    const email = uniqueEmail('prudente', uniqueDomain('transports'));
    await verifiedAccount(email, sirets.twoFactor);
    await logIn(page, email, PASSWORD, '/connexion?retour=/compte');
    await page
      .getByRole('button', { name: 'Configurer la double authentification' })
      .click();
    const secret = await page.getByTestId('totp-secret').innerText();
    await expect(
      page.getByLabel('Lien de configuration (otpauth)'),
    ).toHaveValue(/^otpauth:\/\/totp\//);
    await expectNoSeriousAccessibilityViolation(page);
    await page.getByLabel('Code de l’application').fill(totpCode(secret));
    await page
      .getByRole('button', { name: 'Activer la double authentification' })
      .click();
    await expect(
      page.getByText('La double authentification est activée'),
    ).toBeVisible();
    await page
      .getByRole('button', { name: 'Se déconnecter de l’Espace Partenaire' })
      .click();
    await expect(page).toHaveURL(`${stackUrls.portal}/`);

    // When she signs in with her password
    await logIn(page, email, PASSWORD, '/connexion?retour=/organisations');

    // Then the code is asked for, and with it she reaches the page she asked for
    await expect(
      page.getByRole('heading', { level: 1, name: 'Double authentification' }),
    ).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    // The code used to turn it on works only once: the next 30-second step is accepted too.
    await page.getByLabel('Code à usage unique').fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect(page).toHaveURL(/\/organisations$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Mes organisations' }),
    ).toBeVisible();
  });
});

test.describe('Organisations', () => {
  test('the organisations page lists the memberships with their status, and joining a SIRET of another domain waits for moderation', async ({
    page,
  }) => {
    // Given a member who created her organisation
    const email = uniqueEmail('consultante', uniqueDomain('conseil'));
    await verifiedAccount(email, sirets.organisationsPage);
    await logIn(page, email, PASSWORD, '/connexion?retour=/organisations');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Mes organisations' }),
    ).toBeVisible();
    const memberships = page.getByRole('table');
    await expect(memberships).toContainText(
      'Numérique Public Conseil SARL (démo)',
    );
    await expect(memberships).toContainText('Administrateur');
    await expect(memberships).toContainText('Active');

    // When she asks to join Lyon's organisation, whose members have another domain
    await page
      .getByLabel('Numéro SIRET de l’établissement')
      .fill('21690123100011');
    await expect(page.getByTestId('establishment-summary')).toContainText(
      camille.organisation,
    );
    await page
      .getByRole('button', { name: 'Rejoindre cette organisation' })
      .click();

    // Then she is told it waits for moderation, and the list shows it as such
    await expect(
      page.locator('[data-outcome="pending_moderation"]'),
    ).toContainText(SUPPORT_EMAIL);
    const lyonRow = memberships
      .getByRole('row')
      .filter({ hasText: camille.organisation });
    await expect(lyonRow).toContainText('En attente de modération');
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'organisations');
  });

  test('an organisation administrator sees its members with their e-mail and role', async ({
    page,
  }) => {
    // Given Camille, administrator of Lyon's organisation
    await logIn(
      page,
      camille.email,
      camille.password,
      '/connexion?retour=/organisations',
    );

    // When she opens its members page from her organisations
    await page
      .getByRole('link', {
        name: `Voir les membres de ${camille.organisation}`,
      })
      .click();

    // Then the members are listed with name, e-mail and role, with the admin actions
    await expect(
      page.getByRole('heading', {
        level: 1,
        name: `Membres de ${camille.organisation}`,
      }),
    ).toBeVisible();
    const camilleRow = page.getByRole('row').filter({ hasText: camille.email });
    await expect(camilleRow).toContainText('Camille Martin');
    await expect(camilleRow).toContainText('Administrateur');
    await expect(
      camilleRow.getByRole('button', { name: /Changer le rôle/ }),
    ).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    await screenshot(page, 'organisation-membres');
  });
});

test.describe('Accessibility of the account pages', () => {
  test('the signup, verification, login and password pages have no serious or critical violation', async ({
    page,
  }) => {
    for (const path of [
      '/inscription',
      '/inscription/verification',
      '/inscription/verification?token=lien-de-test',
      '/connexion',
      '/connexion/totp',
      '/mot-de-passe/oublie',
      '/mot-de-passe/nouveau?token=lien-de-test',
    ]) {
      // Given the page, hydrated
      await open(page, path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

      // When axe-core audits it, then nothing serious or critical is found
      await expectNoSeriousAccessibilityViolation(page);
    }
  });
});
