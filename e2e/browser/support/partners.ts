import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from '@playwright/test';
import type {
  HabilitationStepContent,
  JoinResult,
} from '@federation/partners-contracts';
import { randomBytes } from 'node:crypto';
import { stackUrls } from '../../playwright.config';

/*
 * What the Espace Partenaire browser specs share: the demo accounts, partners-api and MailDev over
 * HTTP (to set up what a test is not about, and to read the e-mails), browsers signed in with the
 * session cookie partners-api sets at login, and the checks every page goes through.
 */

/** The demo applicant, member of « Commune de Lyon (démo) ». */
export const APPLICANT = {
  email: 'camille.martin@lyon.demo.fr',
  password: 'Mairie-de-Lyon-2026!',
};
/** The demo platform admin. */
export const INSTRUCTOR = {
  email: 'instructeur@federation.localhost',
  password: 'Instruction-Demo-2026!',
};

/** Six hexadecimal characters nobody used before: names and addresses of one test or one run. */
export const unique = () => randomBytes(3).toString('hex');

// ---------------------------------------------------------------------------------------------
// partners-api over HTTP
// ---------------------------------------------------------------------------------------------

/** A session partners-api opened: its cookie, its CSRF token and the account's organisation. */
export interface ApiSession {
  cookieName: string;
  cookieValue: string;
  csrf: string;
  organisationId: string | undefined;
}

/** One call to partners-api, as `session`'s account (or anonymous): its status and JSON answer. */
export async function api(
  session: ApiSession | undefined,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${stackUrls.partnersApi}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session
        ? { cookie: `${session.cookieName}=${session.cookieValue}` }
        : {}),
      ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

/** A call that must succeed (2xx): its JSON answer. */
export async function call<T>(
  session: ApiSession,
  method: 'POST' | 'PUT',
  path: string,
  data: unknown = {},
): Promise<T> {
  const response = await api(session, method, path, data);
  expect(
    response.status >= 200 && response.status < 300,
    `${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`,
  ).toBe(true);
  return response.body as T;
}

/** Logs an account without second factor in to partners-api. */
export async function apiLogin(account: {
  email: string;
  password: string;
}): Promise<ApiSession> {
  const login = await api(undefined, 'POST', '/api/auth/login', account);
  expect(login.status, `login of ${account.email}`).toBe(200);
  if (login.body.status !== 'authenticated')
    throw new Error(`${account.email}: second factor required`);
  const [pair = ''] = (login.headers.getSetCookie()[0] ?? '').split(';');
  const separator = pair.indexOf('=');
  const memberships: { status: string; organisation: { id: string } }[] =
    login.body.session.memberships;
  return {
    cookieName: pair.slice(0, separator),
    cookieValue: pair.slice(separator + 1),
    csrf: login.body.session.csrfToken,
    organisationId: memberships.find(
      (membership) => membership.status === 'active',
    )?.organisation.id,
  };
}

/** Signs a browser context in with a session partners-api opened (its cookie is valid on every port of localhost). */
export async function addSessionCookie(
  context: BrowserContext,
  session: ApiSession,
): Promise<void> {
  await context.addCookies([
    {
      name: session.cookieName,
      value: session.cookieValue,
      url: stackUrls.portal,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

/** A new browser context signed in as `session`'s account. */
export async function browserAs(
  browser: Browser,
  session: ApiSession,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR' });
  await addSessionCookie(context, session);
  return context;
}

/** Logs `account` in to partners-api and signs the browser context in with that session. */
export async function signIn(
  context: BrowserContext,
  account: { email: string; password: string },
): Promise<ApiSession> {
  const session = await apiLogin(account);
  await addSessionCookie(context, session);
  return session;
}

// ---------------------------------------------------------------------------------------------
// Habilitation requests through partners-api
// ---------------------------------------------------------------------------------------------

/** A complete request, as the API's OpenAPI example: what a test that is not about filling the form starts from. */
export const exampleContent = (
  projectName: string,
): HabilitationStepContent => ({
  project: {
    projectName,
    description:
      'Les familles se connectent au portail de la commune pour inscrire leurs enfants à la cantine, sans ressaisir leur identité.',
    usesVendorSolution: false,
    vendorId: null,
  },
  data: {
    claims: ['given_name', 'family_name', 'email'],
    eidasLevel: 'eidas1',
  },
  legal: {
    legalBasisText:
      'Article L. 112-9 du code des relations entre le public et l’administration.',
    legalBasisUrl:
      'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000031367329',
    retentionMonths: 24,
    retentionJustification: null,
  },
  contacts: {
    dataController: {
      givenName: 'Claire',
      familyName: 'Dubois',
      email: 'claire.dubois@lyon.demo.fr',
      phone: '01 23 45 67 89',
      jobTitle: 'Directrice générale des services',
    },
    dpo: {
      givenName: 'Paul',
      familyName: 'Lefèvre',
      email: 'dpo@lyon.demo.fr',
      phone: '01 23 45 67 80',
      jobTitle: 'Délégué à la protection des données',
    },
    technicalContact: {
      givenName: 'Yasmine',
      familyName: 'Benali',
      email: 'yasmine.benali@lyon.demo.fr',
      phone: '06 12 34 56 78',
      jobTitle: 'Cheffe de projet numérique',
    },
  },
  terms: { termsAccepted: true },
});

/** A new empty request of the session's organisation. */
export async function createDraft(session: ApiSession): Promise<string> {
  const created = await api(
    session,
    'POST',
    `/api/organisations/${session.organisationId}/habilitations`,
    {},
  );
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** Files a request of the session's organisation: created, its five steps saved, submitted. */
export async function submitRequest(
  session: ApiSession,
  content: HabilitationStepContent,
): Promise<string> {
  const id = await createDraft(session);
  for (const [step, body] of Object.entries(content)) {
    const saved = await api(
      session,
      'PUT',
      `/api/habilitations/${id}/steps/${step}`,
      body,
    );
    expect(saved.status, `step ${step}`).toBe(200);
  }
  expect(
    (await api(session, 'POST', `/api/habilitations/${id}/submit`)).status,
  ).toBe(200);
  return id;
}

// ---------------------------------------------------------------------------------------------
// MailDev
// ---------------------------------------------------------------------------------------------

export interface Mail {
  subject: string;
  text: string;
  to: { address: string }[];
}

/** Every e-mail MailDev received for `address`, oldest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${stackUrls.maildev}/email`);
  const mails = (await response.json()) as Mail[];
  return mails.filter((mail) =>
    mail.to.some((to) => to.address.toLowerCase() === address.toLowerCase()),
  );
}

/** The first e-mail to `address` that `matches` (the latest with `latest`), waiting for the mail worker to send it. */
export async function waitForMail(
  address: string,
  matches: (mail: Mail) => boolean,
  { latest = false, description = 'an e-mail' } = {},
): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await mailsTo(address)).filter(matches);
        found = latest ? mails.at(-1) : mails[0];
        return found !== undefined;
      },
      { timeout: 30_000, message: `${description} to ${address}` },
    )
    .toBe(true);
  return found as Mail;
}

/** The latest e-mail to `address` whose subject matches, waiting for the mail worker to send it. */
export async function mailTo(address: string, subject: RegExp): Promise<Mail> {
  return waitForMail(address, (mail) => subject.test(mail.subject), {
    latest: true,
    description: `an e-mail « ${subject} »`,
  });
}

/** The 6-digit code of the latest « Confirmez votre adresse électronique » e-mail to `address`. */
export async function verificationCode(address: string): Promise<string> {
  const mail = await mailTo(address, /Confirmez votre adresse électronique/);
  const code = /code de vérification : (\d{6})/.exec(mail.text)?.[1];
  expect(code, 'the 6-digit code in the e-mail').toBeDefined();
  return code as string;
}

/**
 * Set-up through partners-api (not what the tests are about): signs a person up and confirms their
 * address with the e-mailed code. Returns how they joined the organisation of `siret`.
 */
export async function signUpVerified(person: {
  email: string;
  password: string;
  siret: string;
  givenName: string;
  familyName: string;
}): Promise<JoinResult | null> {
  const signup = await api(undefined, 'POST', '/api/auth/signup', person);
  expect(signup.status, 'signup through partners-api').toBe(202);
  const code = await verificationCode(person.email);
  const verified = await api(undefined, 'POST', '/api/auth/verify-email', {
    email: person.email,
    code,
  });
  expect(verified.status, 'verification through partners-api').toBe(200);
  return (verified.body as { join: JoinResult | null }).join;
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

/** The DSFR script marks <html data-fr-js="true"> once it has started on the hydrated page. */
async function expectDsfrStarted(page: Page) {
  // Slower when the machine is busy (two stacks on two cores).
  await expect(page.locator('html')).toHaveAttribute('data-fr-js', 'true', {
    timeout: 15_000,
  });
}

/** Opens a page of the portal and waits for its heading and the DSFR script. */
export async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectDsfrStarted(page);
}

/** axe-core on the page as it is: nothing serious or critical. */
export async function expectNoSeriousAccessibilityViolation(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, help, nodes }) => ({
      id,
      help,
      targets: nodes.map(({ target }) => target.join(' ')),
    }));
  expect(blocking).toEqual([]);
}

/**
 * axe-core on the hydrated page (DSFR script started, title streamed): nothing serious or critical.
 * A page answered by `notFound()` is drawn by the client from Next's error shell in production
 * builds (vercel/next.js#62228), where React may reset the attributes the DSFR script puts on
 * <html>: there (`dsfrScript: false`) the audit waits for the page's heading instead.
 */
export async function expectAccessible(page: Page, { dsfrScript = true } = {}) {
  if (dsfrScript) await expectDsfrStarted(page);
  else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Next streams the metadata: the page's own title comes a moment after its content.
  await expect(page).toHaveTitle(/\S — Espace Partenaire$/);
  await expectNoSeriousAccessibilityViolation(page);
}

/** A full-page screenshot kept with the test's results. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: test.info().outputPath(`${name}.png`),
    fullPage: true,
  });
}

/** DSFR draws its own boxes over the native ones: the label takes the click. */
export async function tick(page: Page, label: string | RegExp) {
  await page.getByText(label).click();
}

/** Checks a radio button or checkbox found by role: DSFR draws its box over the native one, so its label takes the click. */
export async function check(box: Locator) {
  const id = await box.getAttribute('id');
  expect(
    id,
    'a radio button or checkbox with an id, for its label',
  ).toBeTruthy();
  await box.page().locator(`label[for="${id}"]`).click();
  await expect(box).toBeChecked();
}
