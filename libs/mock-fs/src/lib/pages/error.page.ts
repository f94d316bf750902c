import { html } from '@federation/dsfr-pages';
import type { MockServiceDefinition, MockServicePaths } from '../mock-services';
import { renderDemoServicePage } from './layout';

export interface ErrorPageModel {
  service: MockServiceDefinition;
  paths: MockServicePaths;
  /** Stable code quoted to support, or the OAuth error sent by the core (e.g. access_denied). */
  code: string;
  title: string;
  message: string;
  /** Technical detail for the developers integrating the federation (never a stack). */
  detail?: string;
  /** Where "Réessayer" leads; no button when undefined. */
  retryHref?: string;
}

/** What went wrong, the code to quote, and the way to try again. */
export function renderErrorPage(model: ErrorPageModel): string {
  return renderDemoServicePage(model.service, {
    title: model.title,
    main: html`<div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8">
  <h1>${model.title}</h1>
  <p class="fr-text--lead">${model.message}</p>
  <p class="fr-text--sm">Code d’erreur : <strong data-testid="error-code">${model.code}</strong>. Communiquez-le au support si le problème persiste.</p>
  ${model.detail ? html`<p class="fr-text--sm">Détail technique : <code data-testid="error-detail">${model.detail}</code></p>` : ''}
  <ul class="fr-btns-group fr-btns-group--inline-md">
    ${model.retryHref ? html`<li><a class="fr-btn" href="${model.retryHref}" data-testid="retry">Réessayer</a></li>` : ''}
    <li><a class="fr-btn fr-btn--secondary" href="${model.paths.home}">Revenir à l’accueil du service</a></li>
  </ul>
</div></div>`,
  });
}
