import { html, renderPage, type SafeHtml } from '@federation/dsfr-pages';

export const MOCK_FI_SERVICE_NAME = 'Fournisseurs d’identité de démonstration';
const TAGLINE = 'Service de démonstration : aucune donnée réelle';

/** A DSFR page of a mock FI (or of the service as a whole when `serviceName` is omitted). */
export function renderMockFiPage(options: {
  title: string;
  main: SafeHtml;
  serviceName?: string;
  script?: SafeHtml;
}): string {
  return renderPage({
    title: options.title,
    serviceName: options.serviceName ?? MOCK_FI_SERVICE_NAME,
    serviceTagline: TAGLINE,
    main: options.main,
    script: options.script,
  });
}

export interface MockFiErrorPageOptions {
  serviceName?: string;
  /** Stable code quoted to support. */
  code: string;
  title: string;
  message: string;
  /** Technical detail for the developers integrating the FI (an OAuth error, never a stack). */
  detail?: string;
}

export function renderMockFiErrorPage(options: MockFiErrorPageOptions): string {
  return renderMockFiPage({
    serviceName: options.serviceName,
    title: options.title,
    main: html`<div class="fr-grid-row">
      <div class="fr-col-12 fr-col-md-8">
        <h1>${options.title}</h1>
        <p class="fr-text--lead">${options.message}</p>
        ${options.detail
          ? html`<p class="fr-text--sm">
              Détail technique :
              <code data-testid="error-detail">${options.detail}</code>
            </p>`
          : ''}
        <p class="fr-text--sm">
          Code d’erreur :
          <strong data-testid="error-code">${options.code}</strong>.
        </p>
      </div>
    </div>`,
  });
}
