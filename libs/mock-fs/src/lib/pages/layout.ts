import { html, renderPage, type SafeHtml } from '@federation/dsfr-pages';
import type { MockServiceDefinition } from '../mock-services';

const TAGLINE = 'Fournisseur de service de démonstration : aucune donnée réelle';

/** A DSFR page of a demo service, its name in the header. */
export function renderDemoServicePage(
  service: Pick<MockServiceDefinition, 'name'>,
  options: { title: string; main: SafeHtml },
): string {
  return renderPage({ title: options.title, serviceName: service.name, serviceTagline: TAGLINE, main: options.main });
}

/** The notice that the page belongs to a demonstration, on every page. */
export const demoNotice = html`<div class="fr-notice fr-notice--info fr-mb-4w"><div class="fr-container"><div class="fr-notice__body">
  <p class="fr-notice__title">Ce site est un service de démonstration de la fédération d’identité : il ne réalise aucune démarche réelle.</p>
</div></div></div>`;
