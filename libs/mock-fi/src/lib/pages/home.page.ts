import { html } from '@federation/dsfr-pages';
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
      <p class="fr-text--lead">
        Ces fournisseurs d’identité (FI) OpenID Connect servent aux
        développements et aux tests de bout en bout. Ils ne détiennent aucune
        donnée réelle.
      </p>
      <p>
        Client enregistré auprès de chaque FI :
        <code>${clientId}</code> (authentification
        <code>client_secret_post</code>, PKCE S256 obligatoire).
      </p>
      <h2>Fournisseurs d’identité disponibles</h2>
      <ul class="fr-raw-list" data-testid="identity-providers">
        ${identityProviders.map(
          ({ definition, urls }) =>
            html`<li class="fr-mb-3w">
              <h3 class="fr-h5 fr-mb-1w">${definition.name}</h3>
              <ul>
                <li>
                  Découverte :
                  <a class="fr-link" href="${urls.discovery}"
                    >${urls.discovery}</a
                  >
                </li>
                <li>
                  Niveaux eIDAS : ${definition.acrValues.join(', ')} ; signature
                  des ID tokens : ${definition.idTokenSigningAlg}
                </li>
                <li>
                  URL de retour attendue : <code>${urls.redirectUri}</code>
                </li>
                <li>
                  URL de retour après déconnexion :
                  <code>${urls.postLogoutRedirectUri}</code>
                </li>
              </ul>
            </li>`,
        )}
      </ul>
      <h2>Comptes de test</h2>
      ${testCitizensTable()}`,
  });
}
