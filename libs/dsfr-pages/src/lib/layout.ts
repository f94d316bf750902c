import { html, type SafeHtml } from './html';

export interface PageOptions {
  /** Page title (also the <title>, suffixed with the service name). */
  title: string;
  /** Name of the service shown in the header, e.g. "Fédération d'identité". */
  serviceName: string;
  serviceTagline?: string;
  main: SafeHtml;
  /** Where the DSFR assets are served (see `serveDsfrAssets`). */
  assetsPath?: string;
  /** Page-specific script, e.g. auto-submit; pages must work without it. */
  script?: SafeHtml;
}

/**
 * A server-rendered page with the French State design system (DSFR): header with the Marianne
 * block, main content, footer. No JavaScript is needed to use it.
 */
export function renderPage(options: PageOptions): string {
  const assets = options.assetsPath ?? '/dsfr';
  return html`<!doctype html>
<html lang="fr" data-fr-scheme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<meta name="referrer" content="no-referrer">
<title>${options.title} — ${options.serviceName}</title>
<link rel="stylesheet" href="${assets}/dsfr.min.css">
<link rel="icon" href="${assets}/favicon/favicon.svg" type="image/svg+xml">
</head>
<body>
<div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide"><ul class="fr-skiplinks__list"><li><a class="fr-link" href="#contenu">Contenu</a></li></ul></nav></div>
<header role="banner" class="fr-header">
  <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
    <div class="fr-header__brand fr-enlarge-link">
      <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div></div>
      <div class="fr-header__service"><p class="fr-header__service-title">${options.serviceName}</p>${options.serviceTagline ? html`<p class="fr-header__service-tagline">${options.serviceTagline}</p>` : ''}</div>
    </div>
  </div></div></div>
</header>
<main role="main" id="contenu" class="fr-container fr-py-6w">
${options.main}
</main>
<footer class="fr-footer" role="contentinfo" id="footer">
  <div class="fr-container">
    <div class="fr-footer__body"><div class="fr-footer__brand"><p class="fr-logo">République<br>Française</p></div>
      <div class="fr-footer__content"><p class="fr-footer__content-desc">${options.serviceName} — service de l’État.</p></div></div>
    <div class="fr-footer__bottom"><ul class="fr-footer__bottom-list"><li class="fr-footer__bottom-item"><span class="fr-footer__bottom-link">Accessibilité : non conforme</span></li></ul></div>
  </div>
</footer>
${options.script ?? ''}
</body>
</html>`.value;
}

export interface ErrorPageOptions {
  serviceName: string;
  /** Stable code shown to the user and quoted to support, e.g. "Y000007". */
  code: string;
  title: string;
  message: string;
  /** What the user can do now. */
  action?: { label: string; href: string };
  assetsPath?: string;
}

/** The DSFR error page: what happened, what to do, and the code to give support. */
export function renderErrorPage(options: ErrorPageOptions): string {
  return renderPage({
    title: options.title,
    serviceName: options.serviceName,
    assetsPath: options.assetsPath,
    main: html`<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-md-8">
    <h1>${options.title}</h1>
    <p class="fr-text--lead fr-mb-3w">${options.message}</p>
    <p class="fr-text--sm">Code d’erreur : <strong data-testid="error-code">${options.code}</strong>. Communiquez-le au support si le problème persiste.</p>
    ${options.action ? html`<a class="fr-btn" href="${options.action.href}">${options.action.label}</a>` : ''}
  </div>
</div>`,
  });
}
