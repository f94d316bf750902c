import { expect, type Page, test } from '@playwright/test';
import type { ServiceProviderView } from '@federation/partners-contracts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import {
  addSessionCookie,
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
  unique,
} from './support/partners';

/*
 * The statistics pages of the Espace Partenaire, in Chromium, through the whole stack: figures
 * written straight into the stack's database (as the worker aggregates them) for a sandbox client of
 * the demo organisation, shown as charts with their tables, exported as CSV through the portal;
 * the admins' page with its identity provider filter.
 */

const SIRET = '21690123100011';
/** A past week nobody else's traffic falls in. */
const FROM = '2020-03-02';
const TO = '2020-03-06';
const projectName = `Statistiques ${unique()}`;

/** The stack's database (the start command named it after the run id). */
async function withDatabase<T>(
  action: (
    query: (
      sql: string,
      values?: unknown[],
    ) => Promise<{ rows: Record<string, unknown>[] }>,
  ) => Promise<T>,
): Promise<T> {
  const requireFromRoot = createRequire(
    resolve(__dirname, '../../package.json'),
  );
  const { Client } = requireFromRoot('pg') as typeof import('pg');
  const server = new URL(
    process.env['TEST_DATABASE_URL'] ??
      process.env['DATABASE_URL'] ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  server.pathname = `/t_${process.env['E2E_RUN_ID']}`;
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return await action((sql, values) => client.query(sql, values));
  } finally {
    await client.end();
  }
}

let applicant: ApiSession;
let instructor: ApiSession;
let clientId: string;
let impots = 'impots';
let ameli = 'ameli';

test.beforeAll(async () => {
  applicant = await apiLogin(APPLICANT);
  instructor = await apiLogin(INSTRUCTOR);
  const habilitationId = await submitRequest(
    applicant,
    exampleContent(projectName),
  );
  expect(
    (
      await api(
        instructor,
        'POST',
        `/api/admin/habilitations/${habilitationId}/validate`,
        {},
      )
    ).status,
  ).toBe(200);
  const clients = await api(
    applicant,
    'GET',
    `/api/habilitations/${habilitationId}/service-providers`,
  );
  clientId = (clients.body as ServiceProviderView[])[0]?.clientId ?? '';
  expect(clientId).not.toBe('');
  await withDatabase(async (query) => {
    const figures: [string, string, string, string, number, number][] = [
      ['2020-03-02', 'impots', 'eidas1', 'redirected_to_fs', 12, 1],
      ['2020-03-03', 'ameli', 'eidas2', 'redirected_to_fs', 4, 0],
      ['2020-03-05', 'impots', 'eidas1', 'token', 12, 2],
    ];
    for (const [day, fi, acr, type, successes, failures] of figures)
      await query(
        `INSERT INTO partners.login_statistic_daily (day, client_id, fi_slug, acr, event_type, successes, failures) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [day, clientId, fi, acr, type, successes, failures],
      );
    // The FI names of the core's registry, as the pages show them.
    const names = await query(
      `SELECT slug, name FROM core.identity_provider WHERE slug IN ('impots', 'ameli')`,
    );
    for (const row of names.rows) {
      if (row['slug'] === 'impots') impots = String(row['name']);
      if (row['slug'] === 'ameli') ameli = String(row['name']);
    }
  });
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A canvas chart.js drew on: some pixel is not transparent. */
async function expectDrawn(page: Page, testId: string) {
  const canvas = page.getByTestId(testId);
  await expect(canvas).toBeVisible();
  await expect
    .poll(() =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const context = element.getContext('2d');
        if (!context || element.width === 0) return false;
        const { data } = context.getImageData(
          0,
          0,
          element.width,
          element.height,
        );
        for (let index = 3; index < data.length; index += 4)
          if (data[index] !== 0) return true;
        return false;
      }),
    )
    .toBe(true);
}

test('an organisation’s statistics: charts, their tables, per service, CSV export', async ({
  browser,
}) => {
  const context = await browserAs(browser, applicant);
  const page = await context.newPage();

  // From the organisations page.
  await open(page, '/organisations');
  await page
    .getByRole('link', { name: /^Statistiques de Commune de Lyon/ })
    .click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Statistiques de Commune de Lyon (démo)',
    }),
  ).toBeVisible();
  // The last 30 days by default.
  await expect(page.locator('#statistiques-periode')).toHaveValue('30');

  // Choose the dates (a GET form).
  await page.locator('#statistiques-periode').selectOption('dates');
  await page.locator('#statistiques-du').fill(FROM);
  await page.locator('#statistiques-au').fill(TO);
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/periode=dates&du=2020-03-02&au=2020-03-06/);
  await expect(
    page.getByText('Chiffres du 2 mars 2020 au 6 mars 2020'),
  ).toBeVisible();

  await expectDrawn(page, 'graphique-connexions');
  await expectDrawn(page, 'graphique-fournisseurs');
  await expect(page.getByTestId('graphique-connexions')).toHaveAttribute(
    'aria-label',
    /16 connexions et 3 échecs/,
  );

  // The table alternatives.
  await page.getByText('Voir les chiffres par jour (tableau)').click();
  const daily = page.getByRole('table', {
    name: /Connexions et échecs par jour/,
  });
  await expect(daily.getByRole('row')).toHaveCount(6);
  await expect(
    daily.getByRole('row', { name: /lundi 2 mars 2020/ }).getByRole('cell'),
  ).toHaveText(['lundi 2 mars 2020', '12', '1']);
  await expect(
    daily.getByRole('row', { name: /mardi 3 mars 2020/ }).getByRole('cell'),
  ).toHaveText(['mardi 3 mars 2020', '4', '0']);
  await expect(
    daily.getByRole('row', { name: /mercredi 4 mars 2020/ }).getByRole('cell'),
  ).toHaveText(['mercredi 4 mars 2020', '0', '0']);
  await expect(
    daily.getByRole('row', { name: /jeudi 5 mars 2020/ }).getByRole('cell'),
  ).toHaveText(['jeudi 5 mars 2020', '0', '2']);
  await page
    .getByText('Voir la part de chaque fournisseur d’identité (tableau)')
    .click();
  const shares = page.getByRole('table', {
    name: /Connexions par fournisseur d’identité/,
  });
  await expect(
    shares
      .getByRole('row', { name: new RegExp(escaped(impots)) })
      .getByRole('cell'),
  ).toHaveText([impots, '12', /^75\s%$/]);
  await expect(
    shares
      .getByRole('row', { name: new RegExp(escaped(ameli)) })
      .getByRole('cell'),
  ).toHaveText([ameli, '4', /^25\s%$/]);

  const services = page.getByRole('table', {
    name: /Connexions et échecs par service/,
  });
  const row = services.getByRole('row', {
    name: new RegExp(escaped(projectName)),
  });
  await expect(row.getByRole('cell').nth(1)).toHaveText('Bac à sable');
  await expect(row.getByRole('cell').nth(2)).toHaveText('16');
  await expect(row.getByRole('cell').nth(3)).toHaveText('3');

  await expectAccessible(page);
  await screenshot(page, 'statistiques-organisation');

  // The CSV, through the portal.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Télécharger en CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `statistiques-${SIRET}-${FROM}-${TO}.csv`,
  );
  const csv = readFileSync(await download.path(), 'utf8').replace(
    /^\uFEFF/,
    '',
  );
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe(
    'jour;service;client_id;environnement;fournisseur_identite;niveau_eidas;connexions;echecs',
  );
  expect(lines).toContain(
    `2020-03-02;${projectName};${clientId};bac à sable;${impots};eidas1;12;1`,
  );
  expect(lines).toContain(
    `2020-03-03;${projectName};${clientId};bac à sable;${ameli};eidas2;4;0`,
  );
  expect(lines).toContain(
    `2020-03-05;${projectName};${clientId};bac à sable;${impots};eidas1;0;2`,
  );

  // A period partners-api refuses: its message under the field.
  await open(
    page,
    `/organisations/${applicant.organisationId}/statistiques?periode=dates&du=${TO}&au=${FROM}`,
  );
  await expect(page.locator('#statistiques-au-desc-error')).toHaveText(
    'La date de fin doit être le même jour que la date de début ou après.',
  );
  await expect(
    page.getByRole('heading', {
      name: 'Les statistiques n’ont pas pu être affichées',
    }),
  ).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test('the admins’ statistics, for one identity provider', async ({
  browser,
}) => {
  const context = await browserAs(browser, instructor);
  const page = await context.newPage();

  await open(page, '/admin/habilitations');
  await page
    .locator('#admin-menu')
    .getByRole('link', { name: 'Statistiques', exact: true })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Statistiques des services' }),
  ).toBeVisible();

  await open(page, `/admin/statistiques?periode=dates&du=${FROM}&au=${TO}`);
  const services = page.getByRole('table', {
    name: /Connexions et échecs par service/,
  });
  await expect(
    services
      .getByRole('row', { name: new RegExp(escaped(projectName)) })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('16');
  await expectDrawn(page, 'graphique-connexions');

  await page.locator('#statistiques-fi').selectOption({ label: ameli });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/fi=ameli/);
  const filtered = page
    .getByRole('table', { name: /Connexions et échecs par service/ })
    .getByRole('row', { name: new RegExp(escaped(projectName)) });
  await expect(filtered.getByRole('cell').nth(1)).toHaveText(
    /Commune de Lyon \(démo\)/,
  );
  await expect(filtered.getByRole('cell').nth(3)).toHaveText('4');
  await expect(filtered.getByRole('cell').nth(4)).toHaveText('0');
  await expectDrawn(page, 'graphique-fournisseurs');
  await expectAccessible(page);
  await screenshot(page, 'statistiques-admin-fi');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Télécharger en CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `statistiques-ameli-${FROM}-${TO}.csv`,
  );
  const lines = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(lines.filter((line) => line.includes(clientId))).toEqual([
    `2020-03-03;${projectName};${clientId};bac à sable;${ameli};eidas2;4;0`,
  ]);
  await context.close();
});

test('the period selector works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'fr-FR',
    javaScriptEnabled: false,
  });
  await addSessionCookie(context, applicant);
  const page = await context.newPage();
  await page.goto(`/organisations/${applicant.organisationId}/statistiques`);
  await page.locator('#statistiques-periode').selectOption('dates');
  await page.locator('#statistiques-du').fill(FROM);
  await page.locator('#statistiques-au').fill(TO);
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/periode=dates&du=2020-03-02&au=2020-03-06/);
  await page.getByText('Voir les chiffres par jour (tableau)').click();
  const daily = page.getByRole('table', {
    name: /Connexions et échecs par jour/,
  });
  await expect(daily.getByRole('row')).toHaveCount(6);
  await expect(
    page.getByRole('link', { name: /Télécharger en CSV/ }),
  ).toHaveAttribute(
    'href',
    `/organisations/${applicant.organisationId}/statistiques/telechargement?du=${FROM}&au=${TO}`,
  );

  await page.locator('#statistiques-periode').selectOption('7');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/periode=7/);
  await page.getByText('Voir les chiffres par jour (tableau)').click();
  await expect(daily.getByRole('row')).toHaveCount(8);
  await context.close();
});
