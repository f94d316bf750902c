import { html } from '@federation/dsfr-pages';
import { renderDashboardLayout, successAlert } from './layout';

export interface HomePageModel {
  /** A signed-in citizen gets a link to their dashboard instead of the login button. */
  signedIn: boolean;
  /** The citizen just came back from the core's logout. */
  loggedOut: boolean;
}

/** `GET /`: what the dashboard is, and the way in. */
export function renderHomePage(model: HomePageModel): string {
  return renderDashboardLayout({
    title: 'Votre tableau de bord',
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        ${model.loggedOut ? successAlert('Vous êtes déconnecté.') : ''}
        <h1>Votre tableau de bord</h1>
        <p class="fr-text--lead">
          Votre tableau de bord : vos connexions et les données partagées par
          les services en ligne ces six derniers mois.
        </p>
        <ul>
          <li>
            les services en ligne auxquels vous vous êtes connecté, quand et
            avec quel compte ;
          </li>
          <li>
            les données que ces services ont obtenues auprès d’administrations,
            avec votre autorisation ;
          </li>
          <li>vos autorisations en cours, que vous pouvez retirer ;</li>
          <li>
            vos comptes de connexion, que vous pouvez bloquer si vous ne les
            utilisez pas ou s’ils ont été piratés.
          </li>
        </ul>
        <p>
          Pour y accéder, identifiez-vous avec l’un de vos comptes de connexion.
        </p>
        ${model.signedIn
          ? html`<a class="fr-btn fr-btn--lg" href="/tableau-de-bord"
              >Accéder à mon tableau de bord</a
            >`
          : html`<a
              class="fr-btn fr-btn--lg"
              href="/connexion"
              data-testid="login"
              >Se connecter</a
            >`}
      </div>
    </div>`,
  });
}
