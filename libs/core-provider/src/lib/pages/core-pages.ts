import { html, raw, renderErrorPage, renderPage } from '@federation/dsfr-pages';
import {
  CLAIM_LABELS,
  describeClaimValue,
  EIDAS_LABELS,
  type EidasLevel,
  type IdentityClaim,
  type PivotIdentity,
} from '@federation/identity';
import { SERVICE_NAME } from '../core-provider.options';
import { IdentityProviderBlockedError, type CoreError } from '../errors/core-errors';
import type { DataScopeGroup } from '../consent/data-provider-scopes';
import type { IdentityProviderChoice } from '../registry/identity-provider-registry';

const TAGLINE = 'Connexion aux services publics avec un compte existant';

export function renderCoreError(
  error: CoreError,
  returnAction?: { uid: string; csrf: string },
): string {
  if (!returnAction || !error.returnToServiceProvider) {
    return renderErrorPage({
      serviceName: SERVICE_NAME,
      code: error.code,
      title: error.title,
      message: error.userMessage,
    });
  }
  // The way out sends the FS a standard OIDC error through the interaction (POST, CSRF-protected).
  return renderPage({
    title: error.title,
    serviceName: SERVICE_NAME,
    serviceTagline: TAGLINE,
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>${error.title}</h1>
        <p class="fr-text--lead fr-mb-3w">${error.userMessage}</p>
        <p class="fr-text--sm">
          Code d’erreur :
          <strong data-testid="error-code">${error.code}</strong>.
          Communiquez-le au support si le problème persiste.
        </p>
        ${error instanceof IdentityProviderBlockedError
          ? html`<p>
              <a class="fr-btn fr-mb-2w" href="/interaction/${returnAction.uid}"
                >Choisir un autre compte</a
              >
            </p>`
          : ''}
        <form method="post" action="/interaction/${returnAction.uid}/abort">
          <input type="hidden" name="csrf" value="${returnAction.csrf}" />
          <input type="hidden" name="reason" value="${error.code}" />
          <button
            class="fr-btn${error instanceof IdentityProviderBlockedError ? ' fr-btn--secondary' : ''}"
            type="submit"
          >
            Revenir sur le site du service
          </button>
        </form>
      </div>
    </div>`,
  });
}

export interface ChoicePageInput {
  uid: string;
  csrf: string;
  serviceName: string;
  acr: EidasLevel;
  choices: IdentityProviderChoice[];
}

/** The FI choice page: one button per identity provider, a plain form (no JavaScript needed). */
export function renderIdentityProviderChoicePage(
  input: ChoicePageInput,
): string {
  const buttons = input.choices.map(
    (choice) =>
      html`<li class="fr-mb-2w">
        <button
          class="fr-btn fr-btn--secondary fr-btn--lg"
          type="submit"
          name="fi"
          value="${choice.slug}"
          data-fi="${choice.slug}"
        >
          ${choice.name}
        </button>
      </li>`,
  );
  return renderPage({
    title: 'Choisir un compte pour vous connecter',
    serviceName: SERVICE_NAME,
    serviceTagline: TAGLINE,
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Je choisis un compte pour me connecter sur ${input.serviceName}</h1>
        <p>
          Vous allez être redirigé vers le site du compte choisi pour vous
          identifier. Niveau de sécurité demandé par le service :
          <strong>${EIDAS_LABELS[input.acr]}</strong>.
        </p>
        ${input.choices.length === 0
          ? html`<div class="fr-alert fr-alert--warning fr-mb-3w">
              <p>
                Aucun compte ne permet d’atteindre le niveau de sécurité demandé
                par ce service. Retournez sur le site du service.
              </p>
            </div>`
          : html`<form
              method="post"
              action="/interaction/${input.uid}/identity-provider"
            >
              <input type="hidden" name="csrf" value="${input.csrf}" />
              <ul class="fr-raw-list" aria-label="Comptes disponibles">
                ${buttons}
              </ul>
            </form>`}
        <form
          method="post"
          action="/interaction/${input.uid}/abort"
          class="fr-mt-4w"
        >
          <input type="hidden" name="csrf" value="${input.csrf}" />
          <button class="fr-btn fr-btn--tertiary-no-outline" type="submit">
            Annuler et revenir sur le site du service
          </button>
        </form>
      </div>
    </div>`,
  });
}

export interface ConsentPageInput {
  uid: string;
  csrf: string;
  serviceName: string;
  identityProviderName: string;
  claims: IdentityClaim[];
  identity: PivotIdentity;
  /** Data provider scopes requested, per data provider: they need the citizen's explicit consent. */
  dataScopes?: DataScopeGroup[];
  /** The citizen submitted without ticking the data consent box. */
  dataConsentMissing?: boolean;
}

/** What will be sent to the FS, claim by claim, before the citizen continues. */
export function renderConsentPage(input: ConsentPageInput): string {
  // A claim the FI did not provide (e.g. no usage name) is simply not sent: no empty row.
  const rows = input.claims
    .filter((claim) => describeClaimValue(claim, input.identity) !== '')
    .map(
      (claim) =>
        html`<tr>
          <th scope="row">${CLAIM_LABELS[claim]}</th>
          <td>${describeClaimValue(claim, input.identity)}</td>
        </tr>`,
    );
  return renderPage({
    title: 'Informations transmises au service',
    serviceName: SERVICE_NAME,
    serviceTagline: TAGLINE,
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Vous êtes connecté grâce à ${input.identityProviderName}</h1>
        <p>
          Les informations suivantes vont être transmises à
          <strong>${input.serviceName}</strong> :
        </p>
        <div class="fr-table">
          <table>
            <caption>
              Informations transmises
            </caption>
            <thead>
              <tr>
                <th scope="col">Donnée</th>
                <th scope="col">Valeur</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
        </div>
        <form method="post" action="/interaction/${input.uid}/consent">
          <input type="hidden" name="csrf" value="${input.csrf}" />
          ${input.dataScopes?.length ? renderDataConsent(input) : ''}
          <button class="fr-btn fr-btn--lg" type="submit" id="consent">
            Continuer sur ${input.serviceName}
          </button>
        </form>
        <form
          method="post"
          action="/interaction/${input.uid}/abort"
          class="fr-mt-2w"
        >
          <input type="hidden" name="csrf" value="${input.csrf}" />
          <button class="fr-btn fr-btn--tertiary-no-outline" type="submit">
            Annuler
          </button>
        </form>
      </div>
    </div>`,
  });
}

/** The data providers' part of the consent page: apart from identity, with an explicit consent box. */
function renderDataConsent(input: ConsentPageInput) {
  const groups = (input.dataScopes ?? []).map(
    (group) =>
      html`<div class="fr-card fr-mb-2w" data-testid="data-provider">
        <div class="fr-card__body">
          <div class="fr-card__content">
            <h3 class="fr-card__title">${group.dataProviderName}</h3>
            <ul class="fr-card__desc">
              ${group.scopes.map((scope) => html`<li data-scope="${scope.scope}">${scope.label}</li>`)}
            </ul>
          </div>
        </div>
      </div>`,
  );
  const errorId = 'data-consent-error';
  return html`<section class="fr-mb-4w" aria-labelledby="data-consent-title">
    <h2 id="data-consent-title">Données demandées à des administrations</h2>
    <p>
      <strong>${input.serviceName}</strong> demande aussi à obtenir directement auprès des
      administrations suivantes les données ci-dessous vous concernant :
    </p>
    ${groups}
    <div
      class="fr-checkbox-group${input.dataConsentMissing ? ' fr-checkbox-group--error' : ''}"
    >
      <input
        type="checkbox"
        id="data-consent"
        name="data_consent"
        value="yes"
        required
        ${input.dataConsentMissing ? raw(`aria-describedby="${errorId}"`) : ''}
      />
      <label class="fr-label" for="data-consent">
        J’accepte que ces données soient transmises à ${input.serviceName}
      </label>
      ${input.dataConsentMissing
        ? html`<p class="fr-error-text" id="${errorId}" role="alert">
            Pour continuer, cochez la case : ${input.serviceName} ne peut pas obtenir ces
            données sans votre accord. Vous pouvez aussi annuler.
          </p>`
        : ''}
    </div>
    <p class="fr-text--sm fr-mt-1w">
      Vous pourrez retirer cet accord à tout moment depuis votre tableau de bord.
    </p>
  </section>`;
}

/** A form the browser submits by itself (and a button when JavaScript is off). */
export function renderAutoSubmitPage(
  title: string,
  action: string,
  fields: Record<string, string>,
  button: string,
): string {
  const inputs = Object.entries(fields).map(
    ([name, value]) =>
      html`<input type="hidden" name="${name}" value="${value}" />`,
  );
  return renderPage({
    title,
    serviceName: SERVICE_NAME,
    main: html`<h1>${title}</h1>
      <form method="post" action="${action}" id="auto-submit">
        ${inputs}<button class="fr-btn" type="submit">${button}</button>
      </form>`,
    script: raw(
      '<script>document.getElementById("auto-submit").submit()</script>',
    ),
  });
}

export function renderLoggedOutPage(): string {
  return renderPage({
    title: 'Vous êtes déconnecté',
    serviceName: SERVICE_NAME,
    main: html`<h1>Vous êtes déconnecté</h1>
      <p>Vous pouvez fermer cette fenêtre.</p>`,
  });
}
