import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { DsfrProvider } from '../dsfr-bootstrap';
import {
  DsfrHead,
  getHtmlAttributes,
} from '../dsfr-bootstrap/server-only-index';
import { footerId, SiteFooter } from '../layout/site-footer';
import { SiteHeader } from '../layout/site-header';

const lang = 'fr';
const contentId = 'contenu';

export const metadata: Metadata = {
  title: {
    default: "Espace Partenaire — Fédération d'identité",
    template: '%s — Espace Partenaire',
  },
  description:
    "Raccordez le service en ligne de votre administration à la fédération d'identité de l'État : compte, habilitation, clés de bac à sable, mise en production.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html {...getHtmlAttributes({ lang })}>
      <head>
        <DsfrHead
          preloadFonts={[
            'Marianne-Regular',
            'Marianne-Medium',
            'Marianne-Bold',
          ]}
        />
      </head>
      <body>
        <DsfrProvider lang={lang}>
          <SkipLinks
            links={[
              { label: 'Contenu', anchor: `#${contentId}` },
              { label: 'Pied de page', anchor: `#${footerId}` },
            ]}
          />
          <SiteHeader />
          <main id={contentId} role="main" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter />
        </DsfrProvider>
      </body>
    </html>
  );
}
