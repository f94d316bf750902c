import { Header } from '@codegouvfr/react-dsfr/Header';

import { brandTop, homeLinkProps } from './brand';

export function SiteHeader() {
  return (
    <Header
      brandTop={brandTop}
      homeLinkProps={homeLinkProps}
      serviceTitle="Espace Partenaire"
      serviceTagline="Fédération d’identité de l’État — accès des administrations"
      quickAccessItems={[
        {
          iconId: 'fr-icon-account-circle-line',
          linkProps: { href: '/connexion' },
          text: 'Se connecter',
        },
        {
          iconId: 'fr-icon-add-circle-line',
          linkProps: { href: '/inscription' },
          text: 'Créer un compte',
        },
      ]}
    />
  );
}
