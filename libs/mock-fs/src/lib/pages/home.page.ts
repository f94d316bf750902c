import { html, type SafeHtml } from '@federation/dsfr-pages';
import {
  CLAIM_LABELS,
  describeClaimValue,
  EIDAS_LABELS,
  EIDAS_LEVELS,
  IDENTITY_CLAIMS,
  isEidasLevel,
  type PivotIdentity,
} from '@federation/identity';
import type { MockServiceDefinition, MockServicePaths } from '../mock-services';
import type { SignedIn } from '../session/demo-session';
import { demoNotice, renderDemoServicePage } from './layout';

export interface HomePageModel {
  service: MockServiceDefinition;
  paths: MockServicePaths;
  /** The other demo service, to show single sign-on. */
  otherService: { name: string; home: string };
  scope: string;
  /** Scopes of « Récupérer mes données ». */
  dataScope: string;
  /** The level pre-selected in the form. */
  acr?: string;
  session?: SignedIn;
}

/** `GET /` of a demo service: the login form, or what the federation sent about the citizen. */
export function renderHomePage(model: HomePageModel): string {
  return renderDemoServicePage(model.service, {
    title: model.session ? 'Vous êtes connecté' : 'Accueil',
    main: html`${demoNotice}${model.session ? signedInSection(model, model.session) : loginSection(model)}`,
  });
}

function loginSection(model: HomePageModel): SafeHtml {
  const selected = isEidasLevel(model.acr) ? model.acr : 'eidas1';
  return html`<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-8">
    <h1>${model.service.name}</h1>
    <p class="fr-text--lead">Pour accéder à cette démarche, identifiez-vous avec la fédération d’identité : vous choisirez ensuite le compte avec lequel vous connecter.</p>
    <p>Le service demande à la fédération les données suivantes (<em>scopes</em>) : <code data-testid="scope">${model.scope}</code>.</p>
    <form method="get" action="${model.paths.login}" class="fr-mt-4w" data-testid="login-form">
      <div class="fr-select-group">
        <label class="fr-label" for="acr">Niveau eIDAS demandé
          <span class="fr-hint-text">Le niveau de garantie minimal de l’identification exigé par la démarche.</span>
        </label>
        <select class="fr-select" id="acr" name="acr">
          ${EIDAS_LEVELS.map(
            (level) => html`<option value="${level}"${level === selected ? html` selected` : ''}>${level} — ${EIDAS_LABELS[level]}</option>`,
          )}
        </select>
      </div>
      <button type="submit" class="fr-btn fr-btn--lg" data-testid="login-button">Se connecter avec la fédération d’identité</button>
    </form>
    ${dataSection(model)}
  </div>
  <div class="fr-col-12 fr-col-md-4">${otherServiceCallout(model)}</div>
</div>`;
}

function signedInSection(model: HomePageModel, session: SignedIn): SafeHtml {
  const acrLabel = isEidasLevel(session.acr) ? `${session.acr} — ${EIDAS_LABELS[session.acr]}` : session.acr;
  return html`<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-8">
    <h1>Vous êtes connecté</h1>
    <div class="fr-alert fr-alert--success fr-mb-4w"><p>La fédération d’identité vous a identifié auprès de « ${model.service.name} ».</p></div>
    <dl class="fr-mb-4w">
      <dt class="fr-text--bold">Identifiant de l’usager pour ce service (<code>sub</code>)</dt>
      <dd><code data-testid="sub">${session.sub}</code></dd>
      <dt class="fr-text--bold fr-mt-2w">Niveau de garantie obtenu (<code>acr</code>)</dt>
      <dd data-testid="acr">${acrLabel}</dd>
    </dl>
    ${claimsTable(session.claims)}
    <form method="get" action="${model.paths.logout}" class="fr-mt-4w">
      <button type="submit" class="fr-btn fr-btn--secondary" data-testid="logout-button">Se déconnecter</button>
    </form>
    ${dataSection(model)}
  </div>
  <div class="fr-col-12 fr-col-md-4">${otherServiceCallout(model)}</div>
</div>`;
}

/** « Récupérer mes données »: an authorization with the data scopes, then a call to the data provider's API. */
function dataSection(model: HomePageModel): SafeHtml {
  return html`<section class="fr-mt-6w" data-testid="data-section">
  <h2>Données d’un fournisseur de données</h2>
  <p>Le service peut obtenir de la fédération un jeton d’accès pour appeler l’API d’un fournisseur de données (ici, le revenu fiscal de référence). Il demande les <em>scopes</em> : <code data-testid="data-scope">${model.dataScope}</code>.</p>
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><form method="get" action="${model.paths.dataRequest}"><button type="submit" class="fr-btn fr-btn--secondary" data-testid="fetch-data-button">Récupérer mes données</button></form></li>
    ${model.session?.accessToken ? html`<li><a class="fr-btn fr-btn--tertiary" href="${model.paths.data}" data-testid="view-data-link">Voir mes données</a></li>` : ''}
  </ul>
</section>`;
}

function claimsTable(claims: Record<string, string>): SafeHtml {
  const received = IDENTITY_CLAIMS.filter((claim) => claim in claims);
  if (received.length === 0) {
    return html`<p data-testid="no-claims">Aucune donnée d’identité n’a été transmise (seul l’identifiant a été demandé).</p>`;
  }
  // Only string claims are kept in the session; describeClaimValue reads the one it is asked for.
  const identity = claims as unknown as PivotIdentity;
  return html`<div class="fr-table fr-table--no-caption-top">
  <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table data-testid="claims">
      <caption>Données d’identité transmises par la fédération</caption>
      <thead><tr><th scope="col">Donnée</th><th scope="col">Valeur</th><th scope="col">Valeur transmise</th></tr></thead>
      <tbody>
        ${received.map((claim) => {
          const raw = claims[claim] ?? '';
          return html`<tr>
          <th scope="row">${CLAIM_LABELS[claim]}</th>
          <td>${raw === '' ? html`<span class="fr-text--sm">(vide)</span>` : describeClaimValue(claim, identity)}</td>
          <td><code>${claim}</code> : <code>${raw}</code></td>
        </tr>`;
        })}
      </tbody>
    </table>
  </div></div></div>
</div>`;
}

function otherServiceCallout(model: HomePageModel): SafeHtml {
  return html`<div class="fr-callout">
  <h2 class="fr-callout__title">Connexion unique</h2>
  <p class="fr-callout__text">Une fois identifié ici, ouvrez « ${model.otherService.name} » : la fédération vous y connecte sans vous redemander vos identifiants.</p>
  <a class="fr-btn fr-btn--secondary fr-mt-2w" href="${model.otherService.home}">Aller sur ${model.otherService.name}</a>
</div>`;
}
