import { html, type SafeHtml } from '@federation/dsfr-pages';
import type {
  ConnectionView,
  ConsentView,
  DataAccessView,
  IdentityProviderView,
} from '../../records/citizen-records.types';
import type { DashboardOverview } from '../services/dashboard.service';
import type { DashboardNotice } from '../session/dashboard-session';
import { formatDate, formatDateTime, formatLevel, formatTime } from './format';
import { renderDashboardLayout, successAlert } from './layout';

export interface DashboardPageModel {
  givenName?: string;
  /** The session's CSRF token, posted back by every form. */
  csrf: string;
  notice?: DashboardNotice;
  overview: DashboardOverview;
  now: Date;
}

/** `GET /tableau-de-bord`: connections, data shared, consents and login accounts of the last six months. */
export function renderDashboardPage(model: DashboardPageModel): string {
  const { overview } = model;
  return renderDashboardLayout({
    title: 'Mon tableau de bord',
    main: html`<div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <div class="fr-col-12 fr-col-md-8">
          <h1>${model.givenName ? `Bonjour ${model.givenName}` : 'Bonjour'}</h1>
          <p class="fr-text--lead">
            Votre tableau de bord : vos connexions et les données partagées par
            les services en ligne ces six derniers mois.
          </p>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <form method="post" action="/deconnexion">
            ${csrfField(model.csrf)}
            <button
              class="fr-btn fr-btn--secondary"
              type="submit"
              data-testid="logout"
            >
              Se déconnecter
            </button>
          </form>
        </div>
      </div>
      ${model.notice ? successAlert(noticeMessage(model.notice)) : ''}
      <nav
        class="fr-summary fr-mb-6w"
        role="navigation"
        aria-labelledby="sommaire-titre"
      >
        <p class="fr-summary__title" id="sommaire-titre">Sommaire</p>
        <ol class="fr-summary__list">
          <li>
            <a class="fr-summary__link" href="#connexions">Mes connexions</a>
          </li>
          <li>
            <a class="fr-summary__link" href="#donnees">Données partagées</a>
          </li>
          <li>
            <a class="fr-summary__link" href="#autorisations"
              >Mes autorisations</a
            >
          </li>
          <li>
            <a class="fr-summary__link" href="#comptes">Comptes de connexion</a>
          </li>
        </ol>
      </nav>
      ${connectionsSection(overview.connections, overview.historyLimit)}
      ${dataAccessesSection(overview.dataAccesses, overview.historyLimit)}
      ${consentsSection(overview.consents, model.csrf, model.now)}
      ${identityProvidersSection(overview.identityProviders, model.csrf)}`,
  });
}

/** What the dashboard says after a form, in French. */
export function noticeMessage(notice: DashboardNotice): string {
  switch (notice.kind) {
    case 'consent-revoked':
      return 'L’autorisation a été retirée. Le service ne peut plus obtenir ces données.';
    case 'consent-already-revoked':
      return 'Cette autorisation avait déjà été retirée. Le service ne peut plus obtenir ces données.';
    case 'account-blocked':
      return `Le compte « ${notice.accountName ?? ''} » est bloqué : il ne peut plus être utilisé pour vous connecter à un service avec votre identité.`;
    case 'account-unblocked':
      return `Le compte « ${notice.accountName ?? ''} » est débloqué : vous pouvez de nouveau l’utiliser pour vous connecter.`;
    case 'last-account-kept':
      return `Le compte « ${notice.accountName ?? ''} » n’a pas été bloqué : c’est le dernier compte que vous pouvez utiliser pour vous connecter, y compris à ce tableau de bord. Débloquez d’abord un autre compte.`;
  }
}

const csrfField = (csrf: string) =>
  html`<input type="hidden" name="csrf" value="${csrf}" />`;

const time = (date: Date, text: string) =>
  html`<time datetime="${date.toISOString()}">${text}</time>`;

function section(
  id: string,
  title: string,
  intro: SafeHtml,
  body: SafeHtml,
): SafeHtml {
  return html`<section
    class="fr-mb-8w"
    id="${id}"
    aria-labelledby="${id}-titre"
  >
    <h2 id="${id}-titre">${title}</h2>
    ${intro} ${body}
  </section>`;
}

function table(
  testId: string,
  caption: string,
  headers: string[],
  rows: SafeHtml[],
): SafeHtml {
  return html`<div class="fr-table" data-testid="${testId}">
    <table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${headers.map((header) => html`<th scope="col">${header}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`;
}

const emptyState = (testId: string, message: string) =>
  html`<p class="fr-text--md fr-mb-0" data-testid="${testId}">
    <em>${message}</em>
  </p>`;

const truncatedNote = (count: number, limit: number, what: string) =>
  count >= limit
    ? html`<p class="fr-text--sm">
        Seules les ${limit} ${what} les plus récentes sont affichées.
      </p>`
    : '';

const scopeList = (labels: string[]) =>
  labels.length === 1
    ? html`${labels[0]}`
    : html`<ul class="fr-mb-0">
        ${labels.map((label) => html`<li>${label}</li>`)}
      </ul>`;

function connectionsSection(
  connections: ConnectionView[],
  limit: number,
): SafeHtml {
  const rows = connections.map(
    (connection) =>
      html`<tr>
        <td>
          ${time(
            connection.connectedAt,
            formatDateTime(connection.connectedAt),
          )}
        </td>
        <td>${connection.clientName}</td>
        <td>${connection.identityProviderName}</td>
        <td>${formatLevel(connection.acr)}</td>
      </tr>`,
  );
  return section(
    'connexions',
    'Mes connexions',
    html`<p>
      Les services en ligne auxquels vous vous êtes connecté avec votre
      identité, et le compte utilisé. Si vous ne reconnaissez pas une connexion,
      bloquez le compte concerné ci-dessous.
    </p>`,
    connections.length === 0
      ? emptyState(
          'connections-empty',
          'Aucune connexion ces six derniers mois.',
        )
      : html`${table(
          'connections',
          'Mes connexions des six derniers mois',
          ['Date et heure', 'Service', 'Compte utilisé', 'Niveau de sécurité'],
          rows,
        )}${truncatedNote(connections.length, limit, 'connexions')}`,
  );
}

function dataAccessesSection(
  accesses: DataAccessView[],
  limit: number,
): SafeHtml {
  const rows = accesses.map(
    (access) =>
      html`<tr>
        <td>
          ${time(access.lastAccessedAt, formatDate(access.lastAccessedAt))}<br /><span
            class="fr-text--xs"
            >${access.count > 1
              ? `${access.count} fois, la dernière à ${formatTime(access.lastAccessedAt)}`
              : `à ${formatTime(access.lastAccessedAt)}`}</span
          >
        </td>
        <td>${access.clientName}</td>
        <td>${access.dataProviderName}</td>
        <td>${scopeList(access.scopeLabels)}</td>
      </tr>`,
  );
  return section(
    'donnees',
    'Données partagées',
    html`<p>
      Les données que les services en ligne ont obtenues à votre sujet auprès
      d’administrations (fournisseurs de données), avec votre autorisation.
    </p>`,
    accesses.length === 0
      ? emptyState(
          'data-accesses-empty',
          'Aucune donnée n’a été partagée avec un service ces six derniers mois.',
        )
      : html`${table(
          'data-accesses',
          'Données partagées ces six derniers mois',
          ['Date', 'Service', 'Fournisseur de données', 'Données'],
          rows,
        )}${truncatedNote(accesses.length, limit, 'consultations')}`,
  );
}

function consentStatus(consent: ConsentView, now: Date): SafeHtml {
  if (consent.revokedAt) {
    return html`<p class="fr-badge fr-badge--no-icon">
      Retirée le ${time(consent.revokedAt, formatDate(consent.revokedAt))}
    </p>`;
  }
  if (consent.active && consent.expiresAt > now) {
    return html`<p class="fr-badge fr-badge--success fr-badge--no-icon">
        Active
      </p>
      <p class="fr-text--xs fr-mb-0">
        jusqu’au ${time(consent.expiresAt, formatDate(consent.expiresAt))}
      </p>`;
  }
  return html`<p class="fr-badge fr-badge--info fr-badge--no-icon">Expirée</p>`;
}

function consentsSection(
  consents: ConsentView[],
  csrf: string,
  now: Date,
): SafeHtml {
  const rows = consents.map((consent) => {
    const active =
      !consent.revokedAt && consent.active && consent.expiresAt > now;
    return html`<tr data-consent="${consent.id}">
      <td>${time(consent.grantedAt, formatDate(consent.grantedAt))}</td>
      <td>${consent.clientName}</td>
      <td>${consent.dataProviderName}</td>
      <td>${scopeList(consent.scopeLabels)}</td>
      <td>${consentStatus(consent, now)}</td>
      <td>
        ${active
          ? html`<form
              method="post"
              action="/autorisations/${encodeURIComponent(consent.id)}/retrait"
            >
              ${csrfField(csrf)}
              <button class="fr-btn fr-btn--sm fr-btn--secondary" type="submit">
                Retirer l’autorisation<span class="fr-sr-only">
                  donnée à ${consent.clientName}
                  (${consent.dataProviderName})</span
                >
              </button>
            </form>`
          : ''}
      </td>
    </tr>`;
  });
  return section(
    'autorisations',
    'Mes autorisations',
    html`<p>
      Les autorisations que vous avez données à des services en ligne pour
      obtenir des données vous concernant. Si vous retirez une autorisation, le
      service ne peut plus obtenir ces données.
    </p>`,
    consents.length === 0
      ? emptyState(
          'consents-empty',
          'Vous n’avez donné aucune autorisation ces six derniers mois.',
        )
      : table(
          'consents',
          'Mes autorisations des six derniers mois',
          [
            'Accordée le',
            'Service',
            'Fournisseur de données',
            'Données',
            'Statut',
            'Action',
          ],
          rows,
        ),
  );
}

function identityProvidersSection(
  providers: IdentityProviderView[],
  csrf: string,
): SafeHtml {
  const rows = providers.map(
    (provider) =>
      html`<tr data-account="${provider.slug}">
        <td>${provider.name}</td>
        <td>
          ${provider.blocked
            ? html`<p class="fr-badge fr-badge--error fr-badge--no-icon">
                  Bloqué
                </p>
                ${provider.blockedAt
                  ? html`<p class="fr-text--xs fr-mb-0">
                      depuis le
                      ${time(
                        provider.blockedAt,
                        formatDateTime(provider.blockedAt),
                      )}
                    </p>`
                  : ''}`
            : html`<p class="fr-badge fr-badge--success fr-badge--no-icon">
                Utilisable
              </p>`}
        </td>
        <td>
          <form
            method="post"
            action="/comptes/${encodeURIComponent(
              provider.slug,
            )}/${provider.blocked ? 'deblocage' : 'blocage'}"
          >
            ${csrfField(csrf)}
            <button
              class="fr-btn fr-btn--sm ${provider.blocked
                ? 'fr-btn--secondary'
                : 'fr-btn--tertiary'}"
              type="submit"
            >
              ${provider.blocked ? 'Débloquer' : 'Bloquer'}<span
                class="fr-sr-only"
              >
                le compte ${provider.name}</span
              >
            </button>
          </form>
        </td>
      </tr>`,
  );
  return section(
    'comptes',
    'Comptes de connexion',
    html`<p>
        Les comptes avec lesquels vous pouvez vous connecter aux services en
        ligne. Un compte bloqué ne peut plus être utilisé pour vous connecter à
        aucun service avec votre identité, même par quelqu’un qui en connaîtrait
        le mot de passe. Vous pouvez le débloquer à tout moment.
      </p>
      <p>
        Gardez au moins un compte débloqué : ce tableau de bord s’ouvre lui
        aussi avec l’un de vos comptes de connexion.
      </p>`,
    providers.length === 0
      ? emptyState(
          'accounts-empty',
          'Aucun compte de connexion n’est disponible pour le moment.',
        )
      : table(
          'accounts',
          'Comptes de connexion de la fédération',
          ['Compte', 'État', 'Action'],
          rows,
        ),
  );
}
