import { randomUUID } from 'node:crypto';
import type {
  DynamicModule,
  INestApplication,
  LoggerService,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { freePort } from '@federation/testing';
import { CITIZEN_RECORDS } from '../records/citizen-records.types';
import { DashboardModule } from './dashboard.module';
import type { DashboardOptions } from './dashboard.options';
import { formatDate, formatDateTime, formatTime } from './pages/format';
import { HISTORY_DAYS } from './services/dashboard.service';
import { InMemoryCitizenRecords } from './testing/in-memory-citizen-records';
import {
  formTo,
  locationOf,
  parseForms,
  TestBrowser,
} from './testing/test-browser';
import {
  startTestOpenIdProvider,
  TEST_CITIZENS,
  type TestCitizenName,
  type TestOpenIdProvider,
} from './testing/test-openid-provider';

const CLIENT = {
  clientId: 'tableau-de-bord',
  clientSecret: 'test-only-dashboard-client-secret-0123456789',
};
const COOKIE_SECRET = 'test-only-dashboard-cookie-secret-0123456789';
const COOKIE_NAME = 'tableau_de_bord';
const DAY = 24 * 60 * 60 * 1000;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

const ANGELA = TEST_CITIZENS.angela.sub;
const BRUNO = TEST_CITIZENS.bruno.sub;

/** Every line the app logs, to check that none holds personal data. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...parts: unknown[]) => this.capture(parts);
  error = (...parts: unknown[]) => this.capture(parts);
  warn = (...parts: unknown[]) => this.capture(parts);
  debug = (...parts: unknown[]) => this.capture(parts);
  verbose = (...parts: unknown[]) => this.capture(parts);
  private capture(parts: unknown[]): void {
    this.lines.push(
      parts
        .map((part) =>
          part instanceof Error
            ? `${part.message} ${part.stack}`
            : String(part),
        )
        .join(' '),
    );
  }
}

/** The app's side of the contract: a module exporting CITIZEN_RECORDS. */
function recordsModule(records: InMemoryCitizenRecords): DynamicModule {
  class TestRecordsModule {}
  return {
    module: TestRecordsModule,
    providers: [{ provide: CITIZEN_RECORDS, useValue: records }],
    exports: [CITIZEN_RECORDS],
  };
}

async function startDashboard(
  options: Pick<DashboardOptions, 'publicUrl' | 'coreIssuer'> &
    Partial<DashboardOptions>,
  records: InMemoryCitizenRecords,
  logger: LoggerService = new CapturingLogger(),
  bodyParser = true,
): Promise<INestApplication> {
  const app = await NestFactory.create(
    DashboardModule.forRoot(
      {
        ...CLIENT,
        cookieSecret: COOKIE_SECRET,
        secureCookies: false,
        ...options,
      },
      { imports: [recordsModule(records)] },
    ),
    { logger, bodyParser },
  );
  await app.listen(Number(new URL(options.publicUrl).port), '127.0.0.1');
  return app;
}

/** The HTML of one section of the dashboard, by its id. */
function section(page: string, id: string): string {
  const match = new RegExp(`<section[^>]*id="${id}"[\\s\\S]*?</section>`).exec(
    page,
  );
  if (!match) throw new Error(`no section ${id} in page`);
  return match[0];
}

/** What a reader sees of some HTML: tags removed, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The caption of the first table in some HTML, as read. */
function captionOf(html: string): string | undefined {
  const match = /<caption>([\s\S]*?)<\/caption>/.exec(html);
  return match ? textOf(match[1] as string) : undefined;
}

/** The table rows of a section, tags removed and spaces collapsed. */
function rowsOf(html: string): string[] {
  return [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map(([, row]) =>
      (row as string)
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

function lastSetCookie(browser: TestBrowser, name: string): string {
  const line = [...browser.setCookieLines]
    .reverse()
    .find((candidate) => candidate.startsWith(`${name}=`));
  if (!line) throw new Error(`no Set-Cookie for ${name}`);
  return line;
}

describe('citizen’s dashboard, signing in through a stand-in for the core', () => {
  let provider: TestOpenIdProvider;
  let app: INestApplication;
  let publicUrl: string;
  let records: InMemoryCitizenRecords;
  const logger = new CapturingLogger();
  const now = Date.now();
  const ids = {
    active: randomUUID(),
    revoked: randomUUID(),
    expired: randomUUID(),
    brunos: randomUUID(),
  };

  const at = (daysAgo: number, hourUtc = 9) => {
    const date = new Date(now - daysAgo * DAY);
    date.setUTCHours(hourUtc, 5, 0, 0);
    return date;
  };

  beforeAll(async () => {
    publicUrl = `http://127.0.0.1:${await freePort()}`;
    provider = await startTestOpenIdProvider([
      {
        ...CLIENT,
        redirectUri: `${publicUrl}/connexion/retour`,
        postLogoutRedirectUri: `${publicUrl}/`,
      },
    ]);
    records = new InMemoryCitizenRecords();
    app = await startDashboard(
      { publicUrl, coreIssuer: provider.issuer },
      records,
      logger,
    );
  });

  beforeEach(() => {
    // Fresh records for each test, in the same app.
    records.reset();
    records.addIdentityProvider('laposte', 'L’Identité Numérique La Poste');
    records.addIdentityProvider('ameli', 'Ameli');
    records.addConnection(ANGELA, {
      connectedAt: at(2, 9),
      clientName: 'Démarche en ligne A',
      identityProviderName: 'L’Identité Numérique La Poste',
      acr: 'eidas2',
    });
    records.addConnection(ANGELA, {
      connectedAt: at(40, 22),
      clientName: 'Impôts',
      identityProviderName: 'Ameli',
      acr: 'eidas1',
    });
    records.addConnection(BRUNO, {
      connectedAt: at(1),
      clientName: 'Service de Bruno',
      identityProviderName: 'Ameli',
      acr: 'eidas1',
    });
    records.addDataAccess(ANGELA, {
      lastAccessedAt: at(3, 14),
      count: 3,
      clientName: 'Démarche en ligne A',
      dataProviderName: 'DGFiP',
      scopeLabels: ['Revenu fiscal de référence', 'Nombre de parts'],
    });
    records.addDataAccess(ANGELA, {
      lastAccessedAt: at(10, 8),
      count: 1,
      clientName: 'Aides au logement',
      dataProviderName: 'CNAF',
      scopeLabels: ['Quotient familial'],
    });
    const consent = {
      clientName: 'Démarche en ligne A',
      dataProviderName: 'DGFiP',
      scopeLabels: ['Revenu fiscal de référence'],
      acr: 'eidas2',
    };
    records.addConsent(ANGELA, {
      ...consent,
      id: ids.active,
      grantedAt: at(3),
      expiresAt: new Date(now + 30 * DAY),
      revokedAt: null,
      active: true,
    });
    records.addConsent(ANGELA, {
      ...consent,
      id: ids.revoked,
      clientName: 'Bourse',
      grantedAt: at(20),
      expiresAt: new Date(now + 10 * DAY),
      revokedAt: at(5),
      active: false,
    });
    records.addConsent(ANGELA, {
      ...consent,
      id: ids.expired,
      clientName: 'Cantine',
      grantedAt: at(100),
      expiresAt: at(1),
      revokedAt: null,
      active: false,
    });
    records.addConsent(BRUNO, {
      ...consent,
      id: ids.brunos,
      clientName: 'Service de Bruno',
      grantedAt: at(1),
      expiresAt: new Date(now + DAY),
      revokedAt: null,
      active: true,
    });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  /** Logs in through the core and lands on the dashboard. */
  async function signIn(
    citizen: TestCitizenName = 'angela',
  ): Promise<{ browser: TestBrowser; page: string }> {
    provider.setNextCitizen(citizen);
    const browser = new TestBrowser();
    const response = await browser.open(`${publicUrl}/connexion`);
    expect(response.url).toBe(`${publicUrl}/tableau-de-bord`);
    expect(response.status).toBe(200);
    return { browser, page: await response.text() };
  }

  function post(
    browser: TestBrowser,
    path: string,
    fields: Record<string, string>,
  ): Promise<Response> {
    return browser.fetch(`${publicUrl}${path}`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams(fields),
    });
  }

  async function dashboardPage(browser: TestBrowser): Promise<string> {
    const response = await browser.fetch(`${publicUrl}/tableau-de-bord`);
    expect(response.status).toBe(200);
    return response.text();
  }

  describe('presentation and login', () => {
    it('presents the dashboard in French with a « Se connecter » button, not cached', async () => {
      // When a visitor opens the consent service
      const response = await fetch(`${publicUrl}/`);

      // Then the DSFR page explains the dashboard and links to /connexion
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const page = await response.text();
      expect(page).toContain('<html lang="fr"');
      expect(page).toContain('href="/dsfr/dsfr.min.css"');
      expect(textOf(page)).toContain(
        'Votre tableau de bord : vos connexions et les données partagées par les services en ligne ces six derniers mois',
      );
      expect(page).toMatch(
        /<a\s+class="fr-btn fr-btn--lg"\s+href="\/connexion"[^>]*>\s*Se connecter\s*<\/a\s*>/,
      );
      expect(page).not.toContain('<script');
    });

    it('serves the DSFR stylesheet the pages link to', async () => {
      const response = await fetch(`${publicUrl}/dsfr/dsfr.min.css`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/css');
    });

    it('sends the browser to the core with the code flow, PKCE S256, state, nonce, the scope and eidas1', async () => {
      // When the citizen clicks « Se connecter »
      const browser = new TestBrowser();
      const response = await browser.fetch(`${publicUrl}/connexion`);

      // Then the browser goes to the core's authorization endpoint with every parameter
      expect(response.status).toBe(302);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const location = locationOf(response);
      expect(`${location.origin}${location.pathname}`).toBe(
        `${provider.issuer}/auth`,
      );
      const parameters = Object.fromEntries(location.searchParams);
      expect(parameters).toMatchObject({
        client_id: CLIENT.clientId,
        redirect_uri: `${publicUrl}/connexion/retour`,
        response_type: 'code',
        scope: 'openid given_name family_name',
        acr_values: 'eidas1',
        code_challenge_method: 'S256',
      });
      expect(parameters['state']?.length).toBeGreaterThanOrEqual(22);
      expect(parameters['nonce']?.length).toBeGreaterThanOrEqual(22);
      expect(parameters['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);

      // And the login in progress is kept in an httpOnly, Lax cookie that reveals neither state nor nonce
      const line = lastSetCookie(browser, COOKIE_NAME);
      expect(line).toMatch(/; HttpOnly/i);
      expect(line).toMatch(/; SameSite=Lax/i);
      expect(line).not.toMatch(/; Secure/i);
      const value = browser.cookie(COOKIE_NAME) as string;
      for (const secret of [
        parameters['state'],
        parameters['nonce'],
      ] as string[]) {
        expect(value).not.toContain(secret);
        expect(
          Buffer.from(value, 'base64url').toString('latin1'),
        ).not.toContain(secret);
      }
    });

    it('signs the citizen in, greets them by their given name, and keeps an opaque one-hour session cookie', async () => {
      // When Angela logs in through the core
      const { browser, page } = await signIn('angela');

      // Then the dashboard greets her
      expect(page).toMatch(/<h1>\s*Bonjour Angela Claire Louise\s*<\/h1>/);

      // And the session cookie is httpOnly, Lax, for the whole site, one hour, and shows nothing in clear
      const line = lastSetCookie(browser, COOKIE_NAME);
      expect(line).toMatch(/; HttpOnly/i);
      expect(line).toMatch(/; SameSite=Lax/i);
      expect(line).toMatch(/; Path=\/(;|$)/);
      expect(line).toMatch(/; Max-Age=(3599|3600)(;|$)/);
      const value = browser.cookie(COOKIE_NAME) as string;
      const decoded = Buffer.from(value, 'base64url').toString('latin1');
      for (const clear of [value, decoded]) {
        expect(clear).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
        expect(clear).not.toContain(ANGELA);
        expect(clear).not.toContain('Angela');
      }
    });

    it('refuses a callback whose state is not the one sent, and does not sign the citizen in', async () => {
      // Given a login whose callback comes back with another state
      const browser = new TestBrowser();
      const toCallback = await browser.open(
        `${publicUrl}/connexion`,
        (url) => url.pathname === '/connexion/retour',
      );
      const callback = locationOf(toCallback);
      expect(callback.searchParams.get('code')).toBeTruthy();
      callback.searchParams.set('state', 'forged-state-0123456789abcdef');

      // When the browser opens it
      const response = await browser.fetch(callback.href);

      // Then a French page refuses it, and the dashboard stays closed
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('La connexion n’a pas abouti');
      expect(page).toContain(
        '<strong data-testid="error-code">TDB-002</strong>',
      );
      const dashboard = await browser.fetch(`${publicUrl}/tableau-de-bord`);
      expect(dashboard.status).toBe(302);
      expect(dashboard.headers.get('location')).toBe('/');
    });

    it('refuses a callback that matches no login in progress', async () => {
      const response = await fetch(
        `${publicUrl}/connexion/retour?code=forged&state=forged`,
      );

      expect(response.status).toBe(400);
      expect(await response.text()).toContain('TDB-002');
    });

    it('shows a French page when the citizen cancels at the core', async () => {
      // Given a citizen who cancels at the core
      provider.setNextError('access_denied');

      // When they come back
      const response = await new TestBrowser().open(`${publicUrl}/connexion`);

      // Then the page says so, with a way to try again
      expect(response.status).toBe(400);
      const page = await response.text();
      expect(page).toContain('Vous avez annulé la connexion');
      expect(page).toContain('TDB-004');
      expect(page).toContain('href="/connexion"');
    });
  });

  describe('without a session', () => {
    it('sends a visitor of /tableau-de-bord back to the presentation', async () => {
      const response = await fetch(`${publicUrl}/tableau-de-bord`, {
        redirect: 'manual',
      });

      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/');
      expect(records.calls).toEqual([]);
    });

    it('ignores an altered session cookie', async () => {
      // Given a session cookie changed by the browser
      const { browser } = await signIn();
      const value = browser.cookie(COOKIE_NAME) as string;
      const altered = `${value.slice(0, -4)}${value.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

      // When the dashboard is opened with it
      const response = await fetch(`${publicUrl}/tableau-de-bord`, {
        redirect: 'manual',
        headers: { cookie: `${COOKIE_NAME}=${altered}` },
      });

      // Then it is as if there were no session
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/');
    });

    it('changes nothing when a form is posted without a session', async () => {
      for (const path of [
        `/autorisations/${ids.active}/retrait`,
        '/comptes/ameli/blocage',
        '/comptes/ameli/deblocage',
        '/deconnexion',
      ]) {
        const response = await fetch(`${publicUrl}${path}`, {
          method: 'POST',
          headers: FORM,
          body: 'csrf=x',
          redirect: 'manual',
        });

        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe('/');
      }
      expect(records.consent(ids.active)?.active).toBe(true);
      expect(records.calls).toEqual([]);
    });
  });

  describe('the dashboard page', () => {
    it('asks the records for the signed-in citizen’s last six months only', async () => {
      // When Angela opens her dashboard
      const before = Date.now();
      await signIn('angela');

      // Then every read is for her key, from 180 days ago
      expect(records.calls.length).toBeGreaterThanOrEqual(4);
      expect(new Set(records.calls.map((call) => call.citizenKey))).toEqual(
        new Set([ANGELA]),
      );
      for (const call of records.calls.filter((candidate) => candidate.since)) {
        const since = (call.since as Date).getTime();
        expect(since).toBeGreaterThanOrEqual(
          before - HISTORY_DAYS * DAY - 1000,
        );
        expect(since).toBeLessThanOrEqual(Date.now() - HISTORY_DAYS * DAY);
      }
    });

    it('lists « Mes connexions » with the Paris date and time, the service, the account used and the level', async () => {
      const { page } = await signIn();

      const connections = section(page, 'connexions');
      expect(connections).toContain(
        '<h2 id="connexions-titre">Mes connexions</h2>',
      );
      expect(captionOf(connections)).toBe(
        'Mes connexions des six derniers mois',
      );
      expect(rowsOf(connections)).toEqual([
        `${formatDateTime(at(2, 9))} Démarche en ligne A L’Identité Numérique La Poste Substantiel (eidas2)`,
        `${formatDateTime(at(40, 22))} Impôts Ameli Faible (eidas1)`,
      ]);
      expect(connections).toContain(
        `<time datetime="${at(2, 9).toISOString()}">`,
      );
      expect(page).not.toContain('Service de Bruno');
    });

    it('lists « Données partagées » with the date, the service, the data provider and the data', async () => {
      const { page } = await signIn();

      const shared = section(page, 'donnees');
      expect(captionOf(shared)).toBe('Données partagées ces six derniers mois');
      expect(rowsOf(shared)).toEqual([
        `${formatDate(at(3, 14))} 3 fois, la dernière à ${formatTime(at(3, 14))} Démarche en ligne A DGFiP Revenu fiscal de référence Nombre de parts`,
        `${formatDate(at(10, 8))} à ${formatTime(at(10, 8))} Aides au logement CNAF Quotient familial`,
      ]);
    });

    it('lists « Mes autorisations » as active, revoked or expired, with a revoke button for the active one only', async () => {
      const { page } = await signIn();

      const consents = section(page, 'autorisations');
      expect(captionOf(consents)).toBe(
        'Mes autorisations des six derniers mois',
      );
      const rows = rowsOf(consents);
      expect(rows[0]).toContain(
        `${formatDate(at(3))} Démarche en ligne A DGFiP Revenu fiscal de référence Active jusqu’au ${formatDate(new Date(now + 30 * DAY))}`,
      );
      expect(rows[0]).toContain('Retirer l’autorisation');
      expect(rows[1]).toContain(
        `Bourse DGFiP Revenu fiscal de référence Retirée le ${formatDate(at(5))}`,
      );
      expect(rows[2]).toContain(
        'Cantine DGFiP Revenu fiscal de référence Expirée',
      );
      expect(parseForms(consents).map((form) => form.action)).toEqual([
        `/autorisations/${ids.active}/retrait`,
      ]);
      expect(page).not.toContain(ids.brunos);
    });

    it('lists « Comptes de connexion » with a block button each, and explains what blocking does', async () => {
      const { page } = await signIn();

      const accounts = section(page, 'comptes');
      expect(textOf(accounts)).toContain(
        'Un compte bloqué ne peut plus être utilisé pour vous connecter à aucun service avec votre identité',
      );
      expect(captionOf(accounts)).toBe('Comptes de connexion de la fédération');
      expect(rowsOf(accounts)).toEqual([
        'L’Identité Numérique La Poste Utilisable Bloquer le compte L’Identité Numérique La Poste',
        'Ameli Utilisable Bloquer le compte Ameli',
      ]);
      expect(parseForms(accounts).map((form) => form.action)).toEqual([
        '/comptes/laposte/blocage',
        '/comptes/ameli/blocage',
      ]);
    });

    it('says in French when there is nothing to show', async () => {
      // Given Chloé, who has no history
      const { page } = await signIn('chloe');

      expect(page).toMatch(/<h1>\s*Bonjour Chloé\s*<\/h1>/);
      expect(textOf(section(page, 'connexions'))).toContain(
        'Aucune connexion ces six derniers mois.',
      );
      expect(textOf(section(page, 'donnees'))).toContain(
        'Aucune donnée n’a été partagée avec un service ces six derniers mois.',
      );
      expect(textOf(section(page, 'autorisations'))).toContain(
        'Vous n’avez donné aucune autorisation ces six derniers mois.',
      );
      for (const id of ['connexions', 'donnees', 'autorisations']) {
        expect(captionOf(section(page, id))).toBeUndefined();
      }
    });

    it('puts a CSRF token in every form, and is not cached nor framed', async () => {
      const { browser, page } = await signIn();

      const forms = parseForms(page);
      expect(forms.length).toBe(4);
      const tokens = new Set(forms.map((form) => form.fields['csrf']));
      expect(tokens.size).toBe(1);
      expect([...tokens][0]?.length).toBeGreaterThanOrEqual(40);
      const response = await browser.fetch(`${publicUrl}/tableau-de-bord`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain(
        "frame-ancestors 'none'",
      );
    });
  });

  describe('withdrawing a consent', () => {
    it('revokes the consent and says so once on the dashboard', async () => {
      // Given Angela on her dashboard
      const { browser, page } = await signIn();
      const form = formTo(page, `/autorisations/${ids.active}/retrait`);

      // When she clicks « Retirer l’autorisation »
      const response = await post(browser, form.action, form.fields);

      // Then the consent is revoked and she is sent back to the dashboard
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/tableau-de-bord');
      expect(records.consent(ids.active)?.revokedAt).toBeInstanceOf(Date);
      const after = await dashboardPage(browser);
      expect(textOf(after)).toContain(
        'L’autorisation a été retirée. Le service ne peut plus obtenir ces données.',
      );
      expect(rowsOf(section(after, 'autorisations'))[0]).toContain(
        'Retirée le',
      );
      expect(parseForms(section(after, 'autorisations'))).toEqual([]);

      // And the notice is not shown again
      expect(await dashboardPage(browser)).not.toContain(
        'L’autorisation a été retirée.',
      );
    });

    it('says the consent was already revoked when the button is clicked twice', async () => {
      const { browser, page } = await signIn();
      const form = formTo(page, `/autorisations/${ids.active}/retrait`);
      await post(browser, form.action, form.fields);

      const again = await post(browser, form.action, form.fields);

      expect(again.status).toBe(303);
      expect(textOf(await dashboardPage(browser))).toContain(
        'Cette autorisation avait déjà été retirée.',
      );
    });

    it('refuses a form without the CSRF token, and changes nothing', async () => {
      const { browser } = await signIn();

      const response = await post(
        browser,
        `/autorisations/${ids.active}/retrait`,
        {},
      );

      expect(response.status).toBe(403);
      const page = await response.text();
      expect(page).toContain('Formulaire expiré');
      expect(page).toContain('TDB-005');
      expect(records.consent(ids.active)?.active).toBe(true);
      expect(
        records.calls.some((call) => call.method === 'revokeConsent'),
      ).toBe(false);
    });

    it('refuses the CSRF token of another session, and changes nothing', async () => {
      // Given Bruno's token, posted from Angela's session
      const bruno = await signIn('bruno');
      const brunosToken = parseForms(bruno.page)[0]?.fields['csrf'] as string;
      const angela = await signIn('angela');

      const response = await post(
        angela.browser,
        `/autorisations/${ids.active}/retrait`,
        { csrf: brunosToken },
      );

      expect(response.status).toBe(403);
      expect(records.consent(ids.active)?.active).toBe(true);
    });

    it('answers 404 for another citizen’s consent, and leaves it active', async () => {
      // Given Angela's valid form, pointed at Bruno's consent
      const { browser, page } = await signIn('angela');
      const { fields } = formTo(page, `/autorisations/${ids.active}/retrait`);

      const response = await post(
        browser,
        `/autorisations/${ids.brunos}/retrait`,
        fields,
      );

      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('Autorisation introuvable');
      expect(html).toContain('TDB-006');
      expect(records.consent(ids.brunos)?.active).toBe(true);
    });

    it('answers 404 for an id that is not a UUID, without asking the records', async () => {
      const { browser, page } = await signIn();
      const { fields } = formTo(page, `/autorisations/${ids.active}/retrait`);

      const response = await post(
        browser,
        `/autorisations/${encodeURIComponent("1' OR '1'='1")}/retrait`,
        fields,
      );

      expect(response.status).toBe(404);
      expect(await response.text()).toContain('TDB-006');
      expect(
        records.calls.some((call) => call.method === 'revokeConsent'),
      ).toBe(false);
    });
  });

  describe('blocking a login account', () => {
    it('blocks then unblocks an account, saying so each time', async () => {
      // Given Angela on her dashboard
      const { browser, page } = await signIn();

      // When she blocks Ameli
      const block = formTo(page, '/comptes/ameli/blocage');
      const blocked = await post(browser, block.action, block.fields);

      // Then Ameli is blocked for her, and the dashboard says so and offers to unblock it
      expect(blocked.status).toBe(303);
      expect(blocked.headers.get('location')).toBe('/tableau-de-bord');
      expect(records.isBlocked(ANGELA, 'ameli')).toBe(true);
      expect(records.isBlocked(BRUNO, 'ameli')).toBe(false);
      const afterBlock = await dashboardPage(browser);
      expect(textOf(afterBlock)).toContain(
        'Le compte « Ameli » est bloqué : il ne peut plus être utilisé pour vous connecter à un service avec votre identité.',
      );
      expect(rowsOf(section(afterBlock, 'comptes'))[1]).toMatch(
        /^Ameli Bloqué depuis le .+ Débloquer le compte Ameli$/,
      );

      // When she unblocks it
      const unblock = formTo(afterBlock, '/comptes/ameli/deblocage');
      const unblocked = await post(browser, unblock.action, unblock.fields);

      // Then it can be used again
      expect(unblocked.status).toBe(303);
      expect(records.isBlocked(ANGELA, 'ameli')).toBe(false);
      const afterUnblock = await dashboardPage(browser);
      expect(textOf(afterUnblock)).toContain(
        'Le compte « Ameli » est débloqué',
      );
      expect(rowsOf(section(afterUnblock, 'comptes'))[1]).toBe(
        'Ameli Utilisable Bloquer le compte Ameli',
      );
    });

    it('keeps the last usable account unblocked, so that the citizen can still log in here', async () => {
      // Given every account but one blocked
      const { browser, page } = await signIn();
      const slugs = [...page.matchAll(/action="\/comptes\/([a-z0-9-]+)\/blocage"/g)].map((match) => match[1] as string);
      expect(slugs.length).toBeGreaterThan(1);
      let current = page;
      for (const slug of slugs.slice(0, -1)) {
        const form = formTo(current, `/comptes/${slug}/blocage`);
        expect((await post(browser, form.action, form.fields)).status).toBe(303);
        current = await dashboardPage(browser);
      }
      const last = slugs.at(-1) as string;

      // When she blocks the last one
      const form = formTo(current, `/comptes/${last}/blocage`);
      const response = await post(browser, form.action, form.fields);

      // Then it stays usable, and the dashboard says why
      expect(response.status).toBe(303);
      expect(records.isBlocked(ANGELA, last)).toBe(false);
      expect(textOf(await dashboardPage(browser))).toContain('c’est le dernier compte que vous pouvez utiliser pour vous connecter');
    });

    it('refuses a block without the CSRF token, and changes nothing', async () => {
      const { browser } = await signIn();

      const response = await post(browser, '/comptes/ameli/blocage', {
        csrf: 'not-the-token',
      });

      expect(response.status).toBe(403);
      expect(await response.text()).toContain('TDB-005');
      expect(records.isBlocked(ANGELA, 'ameli')).toBe(false);
    });

    it('refuses an unblock without the CSRF token, and changes nothing', async () => {
      const { browser, page } = await signIn();
      const block = formTo(page, '/comptes/ameli/blocage');
      await post(browser, block.action, block.fields);

      const response = await post(browser, '/comptes/ameli/deblocage', {});

      expect(response.status).toBe(403);
      expect(records.isBlocked(ANGELA, 'ameli')).toBe(true);
    });

    it('answers 404 for an unknown account', async () => {
      const { browser, page } = await signIn();
      const { fields } = formTo(page, '/comptes/ameli/blocage');

      for (const slug of ['inconnu', encodeURIComponent('../ameli')]) {
        const response = await post(
          browser,
          `/comptes/${slug}/blocage`,
          fields,
        );

        expect(response.status).toBe(404);
        const html = await response.text();
        expect(html).toContain('Compte de connexion introuvable');
        expect(html).toContain('TDB-007');
      }
      expect(
        records.calls.some((call) => call.method === 'blockIdentityProvider'),
      ).toBe(false);
    });
  });

  describe('logout', () => {
    it('ends the session, then at the core, and comes back to the presentation', async () => {
      // Given Angela on her dashboard
      const { browser, page } = await signIn();
      const form = formTo(page, '/deconnexion');

      // When she clicks « Se déconnecter »
      const toCore = await post(browser, form.action, form.fields);

      // Then she is sent to the core's end_session with her ID token and the service's root as return
      expect(toCore.status).toBe(303);
      const endSession = locationOf(toCore);
      expect(`${endSession.origin}${endSession.pathname}`).toBe(
        `${provider.issuer}/session/end`,
      );
      expect(endSession.searchParams.get('id_token_hint')).toMatch(
        /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/,
      );
      expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(
        `${publicUrl}/`,
      );

      // And the dashboard is closed already
      const dashboard = await browser.fetch(`${publicUrl}/tableau-de-bord`);
      expect(dashboard.status).toBe(302);

      // When she confirms at the core
      const confirmation = await browser.fetch(endSession.href);
      const logoutForm = parseForms(await confirmation.text())[0];
      const back = await browser.follow(
        await browser.fetch(
          new URL(logoutForm?.action as string, endSession).href,
          {
            method: 'POST',
            headers: FORM,
            body: new URLSearchParams({ ...logoutForm?.fields, logout: 'yes' }),
          },
        ),
      );

      // Then the presentation confirms the logout, with the login button
      expect(new URL(back.url).pathname).toBe('/');
      const home = await back.text();
      expect(home).toContain('Vous êtes déconnecté.');
      expect(home).toContain('Se connecter');
      expect(browser.cookie(COOKIE_NAME)).toBeUndefined();
    });

    it('refuses a logout without the CSRF token, and keeps the session', async () => {
      const { browser } = await signIn();

      const response = await post(browser, '/deconnexion', {});

      expect(response.status).toBe(403);
      expect((await browser.fetch(`${publicUrl}/tableau-de-bord`)).status).toBe(
        200,
      );
    });
  });

  describe('when the records fail', () => {
    it('shows a French page without any technical detail, and logs no personal data', async () => {
      // Given a citizen signed in, then the records failing
      const { browser } = await signIn();
      records.failing = true;

      // When she opens her dashboard
      const response = await browser.fetch(`${publicUrl}/tableau-de-bord`);

      // Then the page says the dashboard is unavailable, with its code and no stack
      expect(response.status).toBe(500);
      const page = await response.text();
      expect(page).toContain('Tableau de bord momentanément indisponible');
      expect(page).toContain('TDB-000');
      expect(page).not.toMatch(/at .*\.[jt]s:\d+/);
      expect(page).not.toContain(ANGELA);
    });
  });

  it('never writes a citizen key nor a name in its logs', () => {
    // After every test above (logins, forms, logouts, failures)
    expect(logger.lines.length).toBeGreaterThan(0);
    const everything = logger.lines.join('\n');
    for (const citizen of Object.values(TEST_CITIZENS)) {
      expect(everything).not.toContain(citizen.sub);
      expect(everything).not.toContain(citizen.claims.given_name);
      expect(everything).not.toContain(citizen.claims.family_name);
    }
  });
});

describe('citizen’s dashboard in an app with secure cookies and without body parsers', () => {
  let provider: TestOpenIdProvider;
  let app: INestApplication;
  let publicUrl: string;
  const records = new InMemoryCitizenRecords();
  const consentId = randomUUID();

  beforeAll(async () => {
    publicUrl = `http://127.0.0.1:${await freePort()}`;
    provider = await startTestOpenIdProvider([
      {
        ...CLIENT,
        redirectUri: `${publicUrl}/connexion/retour`,
        postLogoutRedirectUri: `${publicUrl}/`,
      },
    ]);
    app = await startDashboard(
      { publicUrl, coreIssuer: provider.issuer, secureCookies: true },
      records,
      new CapturingLogger(),
      false,
    );
  });

  beforeEach(() => {
    records.reset();
    records.addConsent(ANGELA, {
      id: consentId,
      clientName: 'Démarche en ligne A',
      dataProviderName: 'DGFiP',
      scopeLabels: ['Revenu fiscal de référence'],
      acr: 'eidas1',
      grantedAt: new Date(Date.now() - DAY),
      expiresAt: new Date(Date.now() + DAY),
      revokedAt: null,
      active: true,
    });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  async function signIn(): Promise<{ browser: TestBrowser; page: string }> {
    const browser = new TestBrowser();
    const response = await browser.open(`${publicUrl}/connexion`);
    expect(response.url).toBe(`${publicUrl}/tableau-de-bord`);
    return { browser, page: await response.text() };
  }

  it('marks its session cookie Secure', async () => {
    const { browser } = await signIn();

    expect(lastSetCookie(browser, COOKIE_NAME)).toMatch(/; Secure/i);
  });

  it('reads its forms itself', async () => {
    const { browser, page } = await signIn();
    const form = formTo(page, `/autorisations/${consentId}/retrait`);

    const response = await browser.fetch(`${publicUrl}${form.action}`, {
      method: 'POST',
      headers: FORM,
      body: new URLSearchParams(form.fields),
    });

    expect(response.status).toBe(303);
    expect(records.consent(consentId)?.active).toBe(false);
  });

  it('answers a French 400 for a form it cannot read, and changes nothing', async () => {
    // Given a form with far more fields than the dashboard's
    const { browser, page } = await signIn();
    const { action, fields } = formTo(
      page,
      `/autorisations/${consentId}/retrait`,
    );
    const body = new URLSearchParams({
      ...fields,
      ...Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`champ${i}`, 'x']),
      ),
    });

    const response = await browser.fetch(`${publicUrl}${action}`, {
      method: 'POST',
      headers: FORM,
      body,
    });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain('TDB-008');
    expect(records.consent(consentId)?.active).toBe(true);
  });
});
