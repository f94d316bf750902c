import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';

import { logoutAction } from '../app/actions/session.actions';
import { getSession } from '../server/partners-api';
import { brandTop, homeLinkProps } from './brand';

/** The DSFR header; its quick access links follow the session (signed in, admin, visitor). */
export async function SiteHeader() {
  const session = await getSession();
  const quickAccessItems: HeaderProps['quickAccessItems'] = session
    ? [
        { iconId: 'fr-icon-file-text-line', linkProps: { href: '/tableau-de-bord' }, text: 'Mes demandes' },
        ...(session.account.isPlatformAdmin
          ? [{ iconId: 'fr-icon-settings-5-line' as const, linkProps: { href: '/admin/habilitations' }, text: 'Administration' }]
          : []),
        { iconId: 'fr-icon-account-circle-line', linkProps: { href: '/compte' }, text: `${session.account.givenName} ${session.account.familyName}` },
        <form key="logout" action={logoutAction}>
          <button type="submit" className="fr-btn fr-icon-logout-box-r-line">
            Se déconnecter
          </button>
        </form>,
      ]
    : [
        { iconId: 'fr-icon-account-circle-line', linkProps: { href: '/connexion' }, text: 'Se connecter' },
        { iconId: 'fr-icon-add-circle-line', linkProps: { href: '/inscription' }, text: 'Créer un compte' },
      ];
  return (
    <Header
      brandTop={brandTop}
      homeLinkProps={homeLinkProps}
      serviceTitle="Espace Partenaire"
      serviceTagline="Fédération d’identité de l’État — accès des administrations"
      quickAccessItems={quickAccessItems}
    />
  );
}
