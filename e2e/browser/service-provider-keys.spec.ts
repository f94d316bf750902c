import * as oidc from 'openid-client';
import { expect, type BrowserContext, type Page, test } from '@playwright/test';
import type {
  ProductionRequestView,
  ServiceProviderView,
} from '@federation/partners-contracts';
import { execFileSync } from 'node:child_process';
import { stackUrls } from '../playwright.config';
import {
  api,
  apiLogin,
  type ApiSession,
  APPLICANT,
  browserAs,
  exampleContent,
  expectAccessible,
  INSTRUCTOR,
  open,
  screenshot,
  submitRequest,
  tick,
  unique,
} from './support/partners';

/*
 * The « accès FranceConnect » of a validated habilitation in the Espace Partenaire, in Chromium,
 * through the whole stack: the sandbox client's secret shown once, its configuration checked and
 * published to the core by the worker, a production request validated and another refused by an
 * admin, and an admin's revocation of a client.
 *
 * The browsers are signed in with the session cookie partners-api sets at login; the habilitation
 * request is filed and validated through partners-api's HTTP API (other specs cover those pages).
 */

const runSuffix = unique();

// ---------------------------------------------------------------------------------------------
// partners-api over HTTP
// ---------------------------------------------------------------------------------------------

/** A request of the demo organisation, filed by the applicant and validated by the instructor. */
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

async function serviceProviders(
  session: ApiSession,
  habilitationId: string,
): Promise<ServiceProviderView[]> {
  const result = await api(
    session,
    'GET',
    `/api/habilitations/${habilitationId}/service-providers`,
  );
  expect(result.status).toBe(200);
  return result.body as ServiceProviderView[];
}

// ---------------------------------------------------------------------------------------------
// The worker of the stack under test
// ---------------------------------------------------------------------------------------------

/**
 * Runs `action` with the stack's worker paused (SIGSTOP, found by its port), so that a publication
 * stays pending as long as the test needs, then resumes it (SIGCONT), whatever happens.
 */
async function withWorkerPaused<T>(action: () => Promise<T>): Promise<T> {
  const port = new URL(stackUrls.portal).port;
  const workerPort = Number(port) - 3000 + 4900;
  const listing = execFileSync('ss', ['-ltnpH', `sport = :${workerPort}`], {
    encoding: 'utf8',
  });
  const pid = Number(/pid=(\d+)/.exec(listing)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0)
    throw new Error(`no worker listening on port ${workerPort}: ${listing}`);
  process.kill(pid, 'SIGSTOP');
  try {
    return await action();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

// ---------------------------------------------------------------------------------------------
// A relying party built with openid-client, using the credentials revealed in the portal
// ---------------------------------------------------------------------------------------------

/** The sandbox client's redirect URI as created (nothing listens there: Chromium's request is intercepted). */
const SANDBOX_REDIRECT_URI = 'http://localhost:8080/login-callback';

async function relyingParty(clientId: string, clientSecret: string) {
  return oidc.discovery(new URL(`${stackUrls.core}/api/v2`), clientId, clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
}

/**
 * A citizen logs in through the core with a test FI, in Chromium, for a relying party using these
 * credentials: authorization code + PKCE, state and nonce checked by openid-client, then userinfo.
 */
async function citizenLogin(page: Page, clientId: string, clientSecret: string) {
  const config = await relyingParty(clientId, clientSecret);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const authorizationUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: SANDBOX_REDIRECT_URI,
    scope: 'openid given_name family_name email',
    acr_values: 'eidas1',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  let callback: string | undefined;
  await page.route(`${SANDBOX_REDIRECT_URI}**`, (route) => {
    callback = route.request().url();
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="fr"><title>Service</title><p>Retour</p></html>' });
  });
  try {
    await page.goto(authorizationUrl.href, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Impots.gouv (démo)' }).click();
    await page.locator('input#login').fill('test');
    await page.locator('input#password').fill('123');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('button', { name: /Continuer sur/ }).click();
    await page.waitForURL(`${SANDBOX_REDIRECT_URI}**`);
  } finally {
    await page.unroute(`${SANDBOX_REDIRECT_URI}**`);
  }
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback ?? ''), {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no id_token');
  const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  return { claims, userinfo };
}

/** `invalid_client` when the core refuses these credentials; `invalid_grant` when it accepts them (the code is made up). */
async function tokenEndpointVerdict(clientId: string, clientSecret: string): Promise<string> {
  const config = await relyingParty(clientId, clientSecret);
  try {
    await oidc.authorizationCodeGrant(config, new URL(`${SANDBOX_REDIRECT_URI}?code=made-up&state=s&iss=${encodeURIComponent(`${stackUrls.core}/api/v2`)}`), { expectedState: 's', pkceCodeVerifier: 'x'.repeat(43) });
    return 'accepted';
  } catch (error) {
    return (error as { error?: string }).error ?? String(error);
  }
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

const publicationStatus = (page: Page) =>
  page.getByTestId('publication-status');

// ---------------------------------------------------------------------------------------------

test.describe('the keys of a validated habilitation', () => {
  test.describe.configure({ mode: 'serial' });

  const projectName = `Portail cantine ${runSuffix}`;
  let applicant: ApiSession;
  let instructor: ApiSession;
  let habilitationId: string;
  let sandbox: ServiceProviderView;
  let member: BrowserContext;
  let admin: BrowserContext;
  let page: Page;
  let adminPage: Page;
  let firstSecret: string;
  let secondSecret: string;

  test.beforeAll(async ({ browser }) => {
    applicant = await apiLogin(APPLICANT);
    instructor = await apiLogin(INSTRUCTOR);
    habilitationId = await validatedHabilitation(
      applicant,
      instructor,
      projectName,
    );
    const clients = await serviceProviders(applicant, habilitationId);
    const found = clients.find((client) => client.environment === 'sandbox');
    if (!found) throw new Error('no sandbox client after the validation');
    sandbox = found;
    member = await browserAs(browser, applicant);
    await member.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: stackUrls.portal,
    });
    page = await member.newPage();
    admin = await browserAs(browser, instructor);
    adminPage = await admin.newPage();
  });

  test.afterAll(async () => {
    await member?.close();
    await admin?.close();
  });

  test('the request page lists the sandbox access, which opens its page', async () => {
    // Given a validated habilitation
    // When the member opens the request
    await open(page, `/habilitations/${habilitationId}`);

    // Then « Vos accès FranceConnect » lists the sandbox client with its client_id
    const section = page.getByRole('region', {
      name: 'Vos accès FranceConnect',
    });
    const row = section.getByRole('row', { name: /Bac à sable/ });
    await expect(row).toContainText(sandbox.clientId);
    await expect(row).toContainText(sandbox.name);
    await expect(
      section.getByRole('link', { name: 'Demander la mise en production' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, '1-demande-acces');

    // And « Gérer » opens the sandbox access
    await row.getByRole('link', { name: /^Gérer/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Accès bac à sable',
    );
    await expect(page.getByTestId('client-id')).toHaveText(sandbox.clientId);
    await expect(
      page.getByRole('button', { name: 'Copier le client_id' }),
    ).toBeVisible();
    await expectAccessible(page);
  });

  test('generates the secret, sees it once with a copy button, and never again', async () => {
    // Given the sandbox access page, without any secret yet
    await open(page, `/habilitations/${habilitationId}/acces/${sandbox.id}`);
    await expect(page.getByText('Aucun secret pour l’instant.')).toBeVisible();

    // When the member generates the secret
    await page.getByRole('button', { name: 'Générer le secret' }).click();

    // Then it is shown with the warning and a working copy button
    await expect(
      page.getByText(
        'Copiez ce secret maintenant : il ne sera plus jamais affiché.',
      ),
    ).toBeVisible();
    firstSecret = (await page.getByTestId('issued-secret').textContent()) ?? '';
    expect(firstSecret.length).toBeGreaterThanOrEqual(43);
    await page.getByRole('button', { name: 'Copier le secret' }).click();
    await expect(page.getByText('Copié dans le presse-papiers')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      firstSecret,
    );
    // And the secrets table has it by its last four characters, current
    const secrets = page.getByRole('table', { name: 'Secrets du client' });
    await expect(secrets).toContainText(`…${firstSecret.slice(-4)}`);
    await expect(secrets).toContainText('En cours');
    expect(page.url()).not.toContain(firstSecret);
    await expectAccessible(page);
    await screenshot(page, '2-secret-affiche-une-fois');

    // When the page is loaded again
    await page.reload({ waitUntil: 'load' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // Then the secret is nowhere: not in the page, the URL or the cookies; only its end remains
    await expect(page.getByTestId('issued-secret')).toHaveCount(0);
    expect(await page.content()).not.toContain(firstSecret);
    expect(page.url()).not.toContain(firstSecret);
    for (const cookie of await member.cookies())
      expect(decodeURIComponent(cookie.value)).not.toContain(firstSecret);
    await expect(
      page.getByRole('table', { name: 'Secrets du client' }),
    ).toContainText(`…${firstSecret.slice(-4)}`);
  });

  test('the secret revealed in the portal lets a relying party built with openid-client log a citizen in through the core', async ({
    browser,
  }) => {
    // Given the published sandbox client (the worker has applied it at the core)
    await expect
      .poll(() => tokenEndpointVerdict(sandbox.clientId, firstSecret), { timeout: 5_000 })
      .toBe('invalid_grant');

    // When a citizen logs in with a test FI, in a browser of their own
    const citizen = await browser.newContext();
    try {
      const { claims, userinfo } = await citizenLogin(await citizen.newPage(), sandbox.clientId, firstSecret);

      // Then openid-client accepted every check and the FS gets the habilitation's data
      expect(claims).toMatchObject({ aud: sandbox.clientId, acr: 'eidas1' });
      expect(userinfo).toMatchObject({ family_name: expect.any(String), email: expect.any(String) });
    } finally {
      await citizen.close();
    }
  });

  test('renewing the secret asks for a confirmation and keeps the old one for the overlap', async () => {
    // Given the sandbox access with its secret
    await open(page, `/habilitations/${habilitationId}/acces/${sandbox.id}`);
    await expect(page.getByText(/reste accepté pendant 7 jours/)).toBeVisible();

    // When the member renews it without ticking the confirmation
    await page.getByRole('button', { name: 'Renouveler le secret' }).click();

    // Then nothing is issued and the box says why
    await expect(page.getByText('Le secret n’a pas été généré')).toBeVisible();
    await expect(page.getByText(/Cochez la case pour confirmer/)).toBeVisible();
    await expect(page.getByTestId('issued-secret')).toHaveCount(0);

    // When they confirm
    await tick(page, /Je remplacerai l’ancien secret dans mon service/);
    await page.getByRole('button', { name: 'Renouveler le secret' }).click();

    // Then a new secret is shown once, and the old one is still accepted until its end date
    await expect(page.getByTestId('issued-secret')).toBeVisible();
    secondSecret =
      (await page.getByTestId('issued-secret').textContent()) ?? '';
    expect(secondSecret).not.toBe(firstSecret);
    await expect(
      page.getByText(/L’ancien secret reste accepté jusqu’au/),
    ).toBeVisible();
    const secrets = page.getByRole('table', { name: 'Secrets du client' });
    await expect(
      secrets.getByRole('row', {
        name: new RegExp(`…${firstSecret.slice(-4)}`),
      }),
    ).toContainText('Valable jusqu’au');
    await expect(
      secrets.getByRole('row', {
        name: new RegExp(`…${secondSecret.slice(-4)}`),
      }),
    ).toContainText('En cours');
  });

  test('during the overlap the core accepts both the old and the new secret', async ({ browser }) => {
    await expect
      .poll(() => tokenEndpointVerdict(sandbox.clientId, secondSecret), { timeout: 5_000 })
      .toBe('invalid_grant');
    // Two citizens (two browsers: no SSO session between the two logins)
    for (const secret of [firstSecret, secondSecret]) {
      const citizen = await browser.newContext();
      try {
        expect((await citizenLogin(await citizen.newPage(), sandbox.clientId, secret)).claims.aud).toBe(sandbox.clientId);
      } finally {
        await citizen.close();
      }
    }
    expect(await tokenEndpointVerdict(sandbox.clientId, `${secondSecret.slice(0, -2)}xx`)).toBe('invalid_client');
  });

  test('an invalid redirect URI is refused on its line, in French, and nothing is saved', async () => {
    // Given the sandbox configuration form
    await open(page, `/habilitations/${habilitationId}/acces/${sandbox.id}`);
    const before = (await serviceProviders(applicant, habilitationId)).find(
      (client) => client.id === sandbox.id,
    );
    const redirectUris = page.getByLabel('URL de redirection après connexion');

    // When the member puts an http:// address of a real host on the second line
    await redirectUris.fill(
      'https://cantine.lyon.example/callback\nhttp://cantine.lyon.example/callback',
    );
    await page
      .getByRole('button', { name: 'Enregistrer la configuration' })
      .click();

    // Then the form says so on that field, naming the line, with a link from the summary
    const summary = page.getByTestId('error-summary');
    await expect(summary).toContainText(
      'La configuration n’a pas été enregistrée',
    );
    await expect(
      summary.getByRole('link', {
        name: /URL de redirection après connexion : Ligne 2 :/,
      }),
    ).toBeVisible();
    const describedBy =
      (await redirectUris.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(' ')).toContain(
      'Ligne 2 : L’adresse doit commencer par https://',
    );
    // And what was typed is still there
    await expect(redirectUris).toHaveValue(
      'https://cantine.lyon.example/callback\nhttp://cantine.lyon.example/callback',
    );
    await expectAccessible(page);
    await screenshot(page, '3-configuration-refusee');

    // And nothing changed
    const after = (await serviceProviders(applicant, habilitationId)).find(
      (client) => client.id === sandbox.id,
    );
    expect(after?.configVersion).toBe(before?.configVersion);
    expect(after?.redirectUris).toEqual(before?.redirectUris);
  });

  test('a valid configuration shows « Publication en cours », then « Publiée » by itself', async () => {
    // Given the sandbox configuration form
    await open(page, `/habilitations/${habilitationId}/acces/${sandbox.id}`);
    const current = (await serviceProviders(applicant, habilitationId)).find(
      (client) => client.id === sandbox.id,
    ) as ServiceProviderView;

    // When the member saves valid addresses while the worker is busy elsewhere (paused)
    await withWorkerPaused(async () => {
      await page
        .getByLabel('URL de redirection après connexion')
        .fill(
          'https://cantine.lyon.example/callback\nhttp://localhost:8080/login-callback',
        );
      await page.getByLabel('Nom du service').fill(`Cantine ${runSuffix}`);
      await page
        .getByRole('button', { name: 'Enregistrer la configuration' })
        .click();

      // Then the page says the configuration is saved and its publication pending
      await expect(
        page.getByText('La configuration est enregistrée'),
      ).toBeVisible();
      await expect(publicationStatus(page)).toContainText(
        'Publication en cours',
      );
      await expectAccessible(page);
      await screenshot(page, '4-publication-en-cours');
    });

    // And once the worker has applied it, the page turns to « Publiée » without a reload
    await expect(publicationStatus(page)).toContainText(
      `Publiée (version ${current.configVersion + 1})`,
      { timeout: 20_000 },
    );
    await expect(
      page.getByLabel('URL de redirection après connexion'),
    ).toHaveValue(
      'https://cantine.lyon.example/callback\nhttp://localhost:8080/login-callback',
    );
    await screenshot(page, '5-publiee');
  });

  test('a production request validated by an admin gives a production access', async () => {
    // Given the member on the production page, reached from the request
    await open(page, `/habilitations/${habilitationId}`);
    await page
      .getByRole('link', { name: 'Demander la mise en production' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Mise en production',
    );
    // And the technical contact is that of the validated habilitation
    await expect(
      page
        .getByRole('group', { name: /Contact technique/ })
        .getByLabel(/^Prénom/),
    ).toHaveValue('Yasmine');
    await expectAccessible(page);

    // When they send the request
    const serviceName = `Cantine en production ${runSuffix}`;
    await page.getByLabel(/^Nom du service/).fill(serviceName);
    await page
      .getByLabel(/^Adresse de la page du bouton FranceConnect/)
      .fill('https://cantine.lyon.example/connexion');
    await page
      .getByLabel(/^URL de redirection après connexion/)
      .fill('https://cantine.lyon.example/callback');
    await page
      .getByRole('button', { name: 'Envoyer la demande de mise en production' })
      .click();

    // Then the page confirms it and lists it as under review
    await expect(page.getByText('Demande envoyée')).toBeVisible();
    const listed = page
      .getByTestId('production-request')
      .filter({ hasText: serviceName });
    await expect(listed).toContainText('En cours d’examen');
    await screenshot(page, '6-demande-production');

    // When the admin finds it in the production queue and validates it
    await open(adminPage, '/admin/production');
    await adminPage.getByLabel('Rechercher').fill(serviceName);
    await adminPage.getByRole('button', { name: 'Filtrer' }).click();
    const row = adminPage.getByRole('row', { name: new RegExp(serviceName) });
    await expect(row).toContainText('En cours d’examen');
    await expect(row).toContainText('Commune de Lyon (démo)');
    await expectAccessible(adminPage);
    await screenshot(adminPage, '7-file-production');
    await row.getByRole('link', { name: /Examiner/ }).click();
    await expect(adminPage.getByRole('heading', { level: 1 })).toHaveText(
      serviceName,
    );
    await expect(
      adminPage.getByText('https://cantine.lyon.example/callback'),
    ).toBeVisible();
    await expectAccessible(adminPage);
    await screenshot(adminPage, '8-examen-production');
    const validate = adminPage.getByRole('region', { name: 'Valider' });
    await validate
      .getByLabel('Message au demandeur (facultatif)')
      .fill('Bon lancement !');
    await validate
      .getByRole('button', { name: 'Valider la mise en production' })
      .click();

    // Then the admin sees it validated
    await expect(
      adminPage.getByText('La mise en production est validée'),
    ).toBeVisible();

    // And the member’s request page lists the production access, read-only
    await open(page, `/habilitations/${habilitationId}`);
    const production = page
      .getByRole('region', { name: 'Vos accès FranceConnect' })
      .getByRole('row', { name: /Production/ });
    await expect(production).toContainText(serviceName);
    await production.getByRole('link', { name: /^Gérer/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Accès de production',
    );
    await expect(page.getByTestId('configuration-view')).toContainText(
      'https://cantine.lyon.example/callback',
    );
    await expect(
      page.getByRole('button', { name: 'Enregistrer la configuration' }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: 'Générer le secret' }),
    ).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, '9-acces-production');
  });

  test('without JavaScript, the production secret is generated and shown once too', async ({
    browser,
  }) => {
    // Given a browser without JavaScript on the production access
    const production = (await serviceProviders(applicant, habilitationId)).find(
      (client) => client.environment === 'production',
    ) as ServiceProviderView;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'fr-FR',
    });
    await context.addCookies(await member.cookies());
    const noScript = await context.newPage();
    await noScript.goto(
      `/habilitations/${habilitationId}/acces/${production.id}`,
      { waitUntil: 'load' },
    );

    // When the member generates its secret
    await noScript.getByRole('button', { name: 'Générer le secret' }).click();

    // Then the answer shows it with the warning (the copy button needs JavaScript: the text stays selectable)
    await expect(
      noScript.getByText(
        'Copiez ce secret maintenant : il ne sera plus jamais affiché.',
      ),
    ).toBeVisible();
    const secret =
      (await noScript.getByTestId('issued-secret').textContent()) ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(43);
    expect(noScript.url()).not.toContain(secret);

    // And a new visit of the page does not have it
    await noScript.goto(
      `/habilitations/${habilitationId}/acces/${production.id}`,
      { waitUntil: 'load' },
    );
    expect(await noScript.content()).not.toContain(secret);
    await expect(
      noScript.getByRole('table', { name: 'Secrets du client' }),
    ).toContainText(`…${secret.slice(-4)}`);
    await context.close();
  });

  test('a production request refused by an admin shows the applicant the reason', async () => {
    // Given a second production request of the member
    const serviceName = `Cantine bis ${runSuffix}`;
    const reason =
      'La page de connexion n’affiche pas le bouton FranceConnect : ajoutez-le puis déposez une nouvelle demande.';
    const created = await api(
      applicant,
      'POST',
      `/api/habilitations/${habilitationId}/production-requests`,
      {
        serviceName,
        connectPageUrl: 'https://cantine-bis.lyon.example/connexion',
        redirectUris: ['https://cantine-bis.lyon.example/callback'],
        postLogoutRedirectUris: [],
        technicalContact: exampleContent(projectName).contacts.technicalContact,
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const request = created.body as ProductionRequestView;

    // When the admin refuses it, first without a reason
    await open(adminPage, `/admin/production/${request.id}`);
    const refuse = adminPage.getByRole('region', { name: 'Refuser' });
    await refuse
      .getByRole('button', { name: 'Refuser la mise en production' })
      .click();
    await expect(refuse.getByText('Indiquez le motif du refus')).toBeVisible();
    await refuse.getByLabel('Motif du refus').fill(reason);
    await refuse
      .getByRole('button', { name: 'Refuser la mise en production' })
      .click();
    await expect(adminPage.getByText('Le refus est enregistré')).toBeVisible();

    // Then the member sees the refusal and its reason on the production page
    await open(page, `/habilitations/${habilitationId}/production`);
    const listed = page
      .getByTestId('production-request')
      .filter({ hasText: serviceName });
    await expect(listed).toContainText('Refusée');
    await expect(listed.getByTestId('decision-message')).toHaveText(reason);
    await expectAccessible(page);
    await screenshot(page, '10-refus-production');
  });

  test('an admin revokes the sandbox access and the member sees why', async () => {
    // Given the admin on the habilitation's review page
    await open(adminPage, `/admin/habilitations/${habilitationId}`);
    const section = adminPage.getByRole('region', {
      name: 'Accès FranceConnect',
    });
    await expect(
      section.getByRole('row', { name: /Bac à sable/ }),
    ).toBeVisible();
    await expectAccessible(adminPage);

    // When they revoke the sandbox access with a reason and the confirmation
    const reason =
      'Clés exposées dans un dépôt public : révocation par sécurité.';
    await section
      .locator('summary', {
        hasText: `l’accès bac à sable « Cantine ${runSuffix} »`,
      })
      .click();
    const form = section.locator('details[open]');
    await form.getByLabel('Motif de la révocation').fill(reason);
    await form.getByText(/Je confirme la révocation de l’accès/).click();
    const revokedAt = Date.now();
    await form.getByRole('button', { name: 'Révoquer cet accès' }).click();

    // Then the page confirms it and the client is listed as revoked
    await expect(adminPage.getByText('L’accès est révoqué')).toBeVisible();
    await expect(
      adminPage
        .getByRole('region', { name: 'Accès FranceConnect' })
        .getByRole('row', { name: /Bac à sable/ }),
    ).toContainText('Révoqué');
    await screenshot(adminPage, '11-revocation');

    // And the core refuses the client within 5 seconds of the click, whichever secret it presents
    await expect
      .poll(() => tokenEndpointVerdict(sandbox.clientId, secondSecret), { timeout: 5_000, intervals: [50] })
      .toBe('invalid_client');
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(await tokenEndpointVerdict(sandbox.clientId, firstSecret)).toBe('invalid_client');

    // And the member's sandbox page says it is revoked, with the reason, and offers no secret
    await open(page, `/habilitations/${habilitationId}/acces/${sandbox.id}`);
    await expect(page.getByText('Accès révoqué')).toBeVisible();
    await expect(page.getByText(reason)).toBeVisible();
    await expect(
      page.getByRole('button', {
        name: /Renouveler le secret|Générer le secret/,
      }),
    ).toHaveCount(0);
    await expectAccessible(page);
  });
});
