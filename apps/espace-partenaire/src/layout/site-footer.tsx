import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { Footer } from '@codegouvfr/react-dsfr/Footer';

import { brandTop, homeLinkProps } from './brand';

export const footerId = 'pied-de-page';

export function SiteFooter() {
  return (
    <Footer
      id={footerId}
      brandTop={brandTop}
      homeLinkProps={homeLinkProps}
      // No accessibility audit has been carried out yet: the DSFR requires saying so.
      accessibility="non compliant"
      accessibilityLinkProps={{ href: '/accessibilite' }}
      contentDescription="L’Espace Partenaire permet aux administrations et aux organismes chargés d’une mission de service public de raccorder leurs services en ligne à la fédération d’identité de l’État."
      termsLinkProps={{ href: '/mentions-legales' }}
      bottomItems={[
        {
          text: 'Données personnelles',
          linkProps: { href: '/donnees-personnelles' },
        },
        {
          text: 'Documentation d’intégration',
          linkProps: { href: '/documentation' },
        },
        headerFooterDisplayItem,
      ]}
    />
  );
}
