import { html } from '@federation/dsfr-pages';
import type { MockServiceDefinition, MockServicePaths } from '../mock-services';
import { demoNotice, renderDemoServicePage } from './layout';

/** `GET /logout-callback` once the core has ended the session. */
export function renderLoggedOutPage(service: MockServiceDefinition, paths: MockServicePaths): string {
  return renderDemoServicePage(service, {
    title: 'Vous êtes déconnecté',
    main: html`${demoNotice}<div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
  <h1>Vous êtes déconnecté</h1>
  <p class="fr-text--lead">Vous êtes déconnecté de « ${service.name} » et de la fédération d’identité.</p>
  <a class="fr-btn" href="${paths.home}">Revenir à l’accueil du service</a>
</div></div>`,
  });
}
