import { html, raw } from '@federation/dsfr-pages';
import { renderMockFiPage } from './layout';

/**
 * The RP-initiated logout confirmation. `form` is oidc-provider's own form (action + xsrf token);
 * `logout=yes` is added to it (end the whole FI session, not only the gateway's grant) with a
 * visible button, and the inline script submits it at once so that the citizen does not stop here.
 * Without JavaScript the button does the same.
 */
export function renderLogoutPage(fiName: string, form: string): string {
  const closing = form.lastIndexOf('</form>');
  const confirmation = html`<input type="hidden" name="logout" value="yes" />
    <button class="fr-btn" id="logout-button" type="submit">
      Se déconnecter
    </button>`;
  // oidc-provider's form is a fixed string. Should its shape change, the script still submits it
  // (without logout=yes oidc-provider only ends the gateway's grant, and still redirects).
  const completedForm =
    closing === -1
      ? raw(form)
      : raw(
          `${form.slice(0, closing)}${confirmation.value}${form.slice(closing)}`,
        );
  return renderMockFiPage({
    serviceName: fiName,
    title: 'Déconnexion',
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>Déconnexion</h1>
        <p class="fr-text--lead">Vous allez être déconnecté(e) de ${fiName}.</p>
        ${completedForm}
      </div>
    </div>`,
    script: raw(
      `<script>document.getElementById('op.logoutForm').submit();</script>`,
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
