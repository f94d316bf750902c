import { html, type SafeHtml } from '@federation/dsfr-pages';
import { TEST_CITIZEN_PASSWORD, TEST_CITIZENS } from '../test-citizens';

/** The demo accounts, shown on the login page and the home page for convenience. */
export function testCitizensTable(): SafeHtml {
  return html`<div class="fr-table fr-table--sm fr-table--no-caption-top">
  <div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
    <table data-testid="test-citizens">
      <caption>Comptes de test (mot de passe : <code>${TEST_CITIZEN_PASSWORD}</code> pour tous)</caption>
      <thead><tr><th scope="col">Identifiant</th><th scope="col">Identité</th><th scope="col">Cas couvert</th></tr></thead>
      <tbody>
        ${TEST_CITIZENS.map(
          ({ login, description, claims }) => html`<tr>
          <td><code>${login}</code></td>
          <td>${claims.given_name} ${claims.family_name}${claims.preferred_username ? html` (usage : ${claims.preferred_username})` : ''}</td>
          <td>${description}</td>
        </tr>`,
        )}
      </tbody>
    </table>
  </div></div></div>
</div>`;
}
