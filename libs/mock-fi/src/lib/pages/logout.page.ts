import { html, raw } from '@federation/dsfr-pages';
import { renderMockFiPage } from './layout';

/** Id of oidc-provider's logout form, which the button submits. */
const LOGOUT_FORM_ID = 'op.logoutForm';

/**
 * The RP-initiated logout confirmation. `form` is oidc-provider's own form (action + xsrf token):
 * the button submits it with `logout=yes` (end the FI session), the inline script clicks it at once
 * so that the citizen does not stop here; without JavaScript the button stays usable.
 */
export function renderLogoutPage(fiName: string, form: string): string {
  return renderMockFiPage({
    serviceName: fiName,
    title: 'Déconnexion',
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Déconnexion</h1>
        <p class="fr-text--lead">Vous allez être déconnecté(e) de ${fiName}.</p>
        ${raw(form)}
        <button
          class="fr-btn"
          id="logout-button"
          type="submit"
          form="${LOGOUT_FORM_ID}"
          name="logout"
          value="yes"
        >
          Se déconnecter
        </button>
      </div>
    </div>`,
    script: raw(
      `<script>document.getElementById('logout-button').click();</script>`,
    ),
  });
}

/** Shown when the logout request named no post-logout redirect URI. */
export function renderLoggedOutPage(fiName: string): string {
  return renderMockFiPage({
    serviceName: fiName,
    title: 'Vous êtes déconnecté(e)',
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Vous êtes déconnecté(e)</h1>
        <p class="fr-text--lead">
          Votre session auprès de ${fiName} est terminée. Vous pouvez fermer
          cette page.
        </p>
      </div>
    </div>`,
  });
}
