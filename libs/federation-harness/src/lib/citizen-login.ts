import { HttpBrowser, type HttpPage } from './http-browser';
import type { PendingAuthorization } from './relying-party';

export interface CitizenChoice {
  fi: string;
  login: string;
  password?: string;
  /** Level the FI returns (the mock FI's select); its default otherwise. */
  acr?: string;
}

/** FS authorize URL → the core's FI choice page (or further, with SSO). */
export async function openAuthorization(
  browser: HttpBrowser,
  pending: PendingAuthorization,
  redirectUri: string,
): Promise<HttpPage> {
  return browser.follow(pending.url.toString(), (url) =>
    url.toString().startsWith(redirectUri),
  );
}

/** On the FI choice page: choose the FI, log in there, come back to the core. */
export async function chooseFiAndLogIn(
  browser: HttpBrowser,
  choicePage: HttpPage,
  citizen: CitizenChoice,
  redirectUri: string,
): Promise<HttpPage> {
  if (!choicePage.body.includes(`value="${citizen.fi}"`)) {
    throw new Error(
      `FI ${citizen.fi} is not offered on ${choicePage.url}:\n${choicePage.body.slice(0, 1500)}`,
    );
  }
  const fiLoginPage = await browser.follow(
    await browser.submit(choicePage, { fi: citizen.fi }, '/identity-provider'),
    (url) => url.toString().startsWith(redirectUri),
  );
  if (fiLoginPage.status !== 200)
    throw new Error(
      `expected the FI login page, got ${fiLoginPage.status} at ${fiLoginPage.url}:\n${fiLoginPage.body.slice(0, 1500)}`,
    );
  const values: Record<string, string> = {
    login: citizen.login,
    password: citizen.password ?? '123',
  };
  if (citizen.acr) values['acr'] = citizen.acr;
  return browser.follow(await browser.submit(fiLoginPage, values), (url) =>
    url.toString().startsWith(redirectUri),
  );
}

/**
 * On the consent page: continue to the FS; returns the FS callback URL (code, state, iss).
 * When data provider scopes are asked, the citizen ticks the data consent box (unless told not to).
 */
export async function consent(
  browser: HttpBrowser,
  consentPage: HttpPage,
  redirectUri: string,
  options: { dataConsent?: boolean } = {},
): Promise<string> {
  if (!consentPage.body.includes('Continuer sur'))
    throw new Error(
      `expected the consent page, got ${consentPage.status} at ${consentPage.url}:\n${consentPage.body.slice(0, 1500)}`,
    );
  const landing = await browser.follow(
    await browser.submit(
      consentPage,
      options.dataConsent !== false && consentPage.body.includes('name="data_consent"')
        ? { data_consent: 'yes' }
        : {},
      '/consent',
    ),
    (url) => url.toString().startsWith(redirectUri),
  );
  if (!landing.url.startsWith(redirectUri))
    throw new Error(
      `expected a redirect to ${redirectUri}, got ${landing.status} at ${landing.url}:\n${landing.body.slice(0, 1500)}`,
    );
  return landing.url;
}

/** The whole citizen journey, from the FS authorize URL to the FS callback URL. */
export async function loginThroughFederation(
  browser: HttpBrowser,
  pending: PendingAuthorization,
  citizen: CitizenChoice,
  redirectUri: string,
): Promise<string> {
  const choicePage = await openAuthorization(browser, pending, redirectUri);
  const consentPage = await chooseFiAndLogIn(
    browser,
    choicePage,
    citizen,
    redirectUri,
  );
  return consent(browser, consentPage, redirectUri);
}
