import { html } from '@federation/dsfr-pages';
import { EIDAS_LEVEL_LABELS } from '../identity-providers';
import type { MockIdentityProvider } from '../oidc/mock-identity-provider';
import { renderMockFiPage } from './layout';
import { testCitizensTable } from './test-citizens-table';

/** `GET /`: what this service offers, for the developers wiring the gateway. */
export function renderHomePage(
  identityProviders: readonly MockIdentityProvider[],
  clientId: string,
): string {
  return renderMockFiPage({
    title: 'Accueil',
    main: html`<h1>Fournisseurs d’identité de démonstration</h1>
<p class="fr-text--lead">Ces fournisseurs d’identité (FI) OpenID Connect servent aux développements et aux tests de bout en bout. Ils ne détiennent aucune donnée réelle.</p>
<p>Client enregistré auprès de chaque FI : <code>${clientId}</code> (authentification <code>client_secret_post</code>, PKCE S256 obligatoire).</p>
<div class="fr-table fr-table--no-caption-top">
  <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table data-testid="identity-providers">
      <caption>Fournisseurs d’identité disponibles</caption>
      <thead><tr><th scope="col">Nom</th><th scope="col">Découverte</th><th scope="col">Niveaux eIDAS</th><th scope="col">Signature de l’ID token</th><th scope="col">URL de retour attendue</th></tr></thead>
      <tbody>
        ${identityProviders.map(
          ({ definition, urls }) => html`<tr>
          <td>${definition.name}</td>
          <td><a class="fr-link" href="${urls.discovery}">${urls.discovery}</a></td>
          <td>${definition.acrValues.map((level) => EIDAS_LEVEL_LABELS[level]).join(', ')}</td>
          <td>${definition.idTokenSigningAlg}</td>
          <td><code>${urls.redirectUri}</code></td>
        </tr>`,
        )}
      </tbody>
    </table>
  </div></div></div>
</div>
<h2>Comptes de test</h2>
${testCitizensTable()}`,
  });
}
