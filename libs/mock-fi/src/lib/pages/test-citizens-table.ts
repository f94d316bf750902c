import { html, type SafeHtml } from '@federation/dsfr-pages';
import { TEST_CITIZEN_PASSWORD, TEST_CITIZENS } from '../test-citizens';

/**
 * The demo accounts, shown on the login page and the home page for convenience. The caption is
 * read by screen readers; the page shows its own heading above the table.
 */
export function testCitizensTable(): SafeHtml {
  return html`<p>
      Mot de passe de tous les comptes : <code>${TEST_CITIZEN_PASSWORD}</code>.
    </p>
    <div class="fr-table fr-table--sm fr-table--no-caption">
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table data-testid="test-citizens">
              <caption>
                Comptes de test
              </caption>
              <thead>
                <tr>
                  <th scope="col">Identifiant</th>
                  <th scope="col" class="fr-cell--multiline">Identité</th>
                  <th scope="col" class="fr-cell--multiline">Cas couvert</th>
                </tr>
              </thead>
              <tbody>
                ${TEST_CITIZENS.map(
                  ({ login, description, claims }) =>
                    html`<tr>
                      <td><code>${login}</code></td>
                      <td class="fr-cell--multiline">
                        ${claims.given_name}
                        ${claims.family_name}${claims.preferred_username
                          ? html` (usage : ${claims.preferred_username})`
                          : ''}
                      </td>
                      <td class="fr-cell--multiline">${description}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>`;
}
