import { html, type SafeHtml } from '@federation/dsfr-pages';
import type { DataProviderOutcome } from '../data/data-provider.client';
import type { MockServiceDefinition, MockServicePaths } from '../mock-services';
import { demoNotice, renderDemoServicePage } from './layout';

export interface DataPageModel {
  service: MockServiceDefinition;
  paths: MockServicePaths;
  /** The endpoint called, shown to developers. */
  endpoint: string;
  /** undefined when the session holds no access token: nothing was called. */
  outcome?: DataProviderOutcome;
}

/** French labels of the fields the DGFiP demo API answers, and how to show their values. */
const FIELDS: Record<string, { label: string; format?: (value: unknown) => string }> = {
  sub: { label: 'Identifiant de l’usager chez le fournisseur de données (sub)' },
  referenceTaxIncome: { label: 'Revenu fiscal de référence', format: (value) => euros(value) },
  incomeYear: { label: 'Année des revenus' },
  taxShares: { label: 'Nombre de parts fiscales', format: (value) => frenchNumber(value) },
  familyQuotient: { label: 'Quotient familial', format: (value) => euros(value) },
  isStudent: { label: 'Statut étudiant', format: (value) => (value === true ? 'Étudiant' : 'Non étudiant') },
  academicYear: { label: 'Année universitaire' },
  studyLevel: { label: 'Niveau d’études' },
  establishment: {
    label: 'Établissement',
    format: (value) => {
      const { name, uai } = (value ?? {}) as { name?: unknown; uai?: unknown };
      return `${String(name)} (UAI ${String(uai)})`;
    },
  },
  month: { label: 'Mois de calcul' },
  year: { label: 'Année de calcul' },
};

const euros = (value: unknown) =>
  typeof value === 'number' ? new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value) : String(value);
const frenchNumber = (value: unknown) => (typeof value === 'number' ? new Intl.NumberFormat('fr-FR').format(value) : String(value));

/** The messages for each refusal of the data provider. */
const REFUSALS: Record<Exclude<DataProviderOutcome['kind'], 'data'>, { title: string; message: string }> = {
  'token-refused': {
    title: 'Jeton refusé',
    message:
      'Le fournisseur de données a refusé le jeton : l’autorisation a peut-être été retirée ou a expiré. Récupérez à nouveau vos données pour obtenir une nouvelle autorisation.',
  },
  'insufficient-scope': {
    title: 'Accès non autorisé à ces données',
    message:
      'Le fournisseur de données a refusé l’accès : le jeton ne comporte pas l’autorisation nécessaire pour ces données (revenu fiscal de référence).',
  },
  unavailable: {
    title: 'Fournisseur de données indisponible',
    message: 'Le fournisseur de données est momentanément indisponible. Réessayez dans quelques instants.',
  },
  failed: {
    title: 'Le fournisseur de données n’a pas pu répondre',
    message: 'Le fournisseur de données a renvoyé une erreur. Réessayez plus tard.',
  },
};

/** `GET /data`: « Mes données », what the data provider answered to the stored access token. */
export function renderDataPage(model: DataPageModel): string {
  return renderDemoServicePage(model.service, {
    title: 'Mes données',
    main: html`${demoNotice}<div class="fr-grid-row"><div class="fr-col-12 fr-col-md-10">
  <h1>Mes données</h1>
  <p>Le service appelle l’API du fournisseur de données avec le jeton d’accès obtenu de la fédération :
    <code data-testid="data-endpoint">GET ${model.endpoint}</code>.</p>
  ${model.outcome ? outcomeSection(model.outcome) : noAuthorizationSection()}
  <ul class="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
    ${model.outcome
      ? html`<li><form method="get" action="${model.paths.data}"><button type="submit" class="fr-btn" data-testid="call-again-button">Appeler à nouveau l’API</button></form></li>`
      : ''}
    <li><form method="get" action="${model.paths.dataRequest}"><button type="submit" class="fr-btn fr-btn--secondary" data-testid="fetch-data-button">Récupérer mes données</button></form></li>
    <li><a class="fr-btn fr-btn--tertiary" href="${model.paths.home}" data-testid="home-link">Revenir à l’accueil du service</a></li>
  </ul>
</div></div>`,
  });
}

function outcomeSection(outcome: DataProviderOutcome): SafeHtml {
  if (outcome.kind === 'data') return dataTable(outcome.data);
  const refusal = REFUSALS[outcome.kind];
  return html`<div class="fr-alert fr-alert--error" data-testid="data-error" data-outcome="${outcome.kind}">
  <h2 class="fr-alert__title">${refusal.title}</h2>
  <p data-testid="data-error-message">${refusal.message}</p>
  ${outcome.kind === 'failed'
    ? html`<p class="fr-text--sm">Statut HTTP : <strong data-testid="data-error-status">${String(outcome.status)}</strong>${outcome.message ? html`. Message du fournisseur : <span data-testid="data-error-detail">${outcome.message}</span>` : ''}</p>`
    : ''}
</div>`;
}

function noAuthorizationSection(): SafeHtml {
  return html`<div class="fr-alert fr-alert--info" data-testid="no-data-authorization">
  <p>Aucune autorisation d’accès à vos données n’est enregistrée pour ce service. Cliquez sur « Récupérer mes données » : la fédération vous demandera votre accord.</p>
</div>`;
}

function dataTable(data: Record<string, unknown>): SafeHtml {
  return html`<div class="fr-alert fr-alert--success fr-mb-4w" data-testid="data-success"><p>Le fournisseur de données a accepté le jeton et transmis les données suivantes.</p></div>
<div class="fr-table fr-table--no-caption-top">
  <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table data-testid="data-table">
      <caption>Données transmises par le fournisseur de données</caption>
      <thead><tr><th scope="col">Donnée</th><th scope="col">Valeur</th></tr></thead>
      <tbody>
        ${Object.entries(data).map(([key, value]) => {
          const field = FIELDS[key];
          const shown = field?.format ? field.format(value) : typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
          return html`<tr data-testid="data-row-${key}"><th scope="row">${field?.label ?? key}</th><td data-testid="data-value-${key}">${shown}</td></tr>`;
        })}
      </tbody>
    </table>
  </div></div></div>
</div>`;
}
