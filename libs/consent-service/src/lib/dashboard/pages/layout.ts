import {
  html,
  renderErrorPage,
  renderPage,
  type SafeHtml,
} from '@federation/dsfr-pages';
import type { DashboardException } from '../exceptions/dashboard.exceptions';

export const SERVICE_NAME = 'Fédération d’identité';
export const SERVICE_TAGLINE = 'Tableau de bord usager';

/** A DSFR page of the dashboard (no JavaScript). */
export function renderDashboardLayout(options: {
  title: string;
  main: SafeHtml;
}): string {
  return renderPage({
    title: options.title,
    serviceName: SERVICE_NAME,
    serviceTagline: SERVICE_TAGLINE,
    main: options.main,
  });
}

/** What went wrong, what to do, and the code to quote to support. */
export function renderDashboardError(error: DashboardException): string {
  return renderErrorPage({
    serviceName: SERVICE_NAME,
    code: error.code,
    title: error.title,
    message: error.userMessage,
    action: error.action,
  });
}

export const successAlert = (message: string): SafeHtml =>
  html`<div
    class="fr-alert fr-alert--success fr-alert--sm fr-mb-4w"
    role="status"
    data-testid="notice"
  >
    <p>${message}</p>
  </div>`;
