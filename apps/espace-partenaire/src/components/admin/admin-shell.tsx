import { fr } from '@codegouvfr/react-dsfr';
import { SideMenu } from '@codegouvfr/react-dsfr/SideMenu';
import type { ReactNode } from 'react';

export type AdminSection =
  | 'habilitations'
  | 'production'
  | 'api'
  | 'moderation'
  | 'editeurs'
  | 'statistiques'
  | 'journal';

const SECTIONS: { section: AdminSection; text: string; href: string }[] = [
  {
    section: 'habilitations',
    text: 'File d’instruction',
    href: '/admin/habilitations',
  },
  {
    section: 'production',
    text: 'Mises en production',
    href: '/admin/production',
  },
  {
    section: 'api',
    text: 'API FranceConnectées',
    href: '/admin/api',
  },
  {
    section: 'moderation',
    text: 'Modération des adhésions',
    href: '/admin/moderation',
  },
  {
    section: 'editeurs',
    text: 'Éditeurs partenaires',
    href: '/admin/editeurs',
  },
  {
    section: 'statistiques',
    text: 'Statistiques',
    href: '/admin/statistiques',
  },
  { section: 'journal', text: 'Journal d’audit', href: '/admin/journal' },
];

/**
 * The frame of every admin page: the « Administration » side menu next to the page's content. Each
 * page checks the platform-admin session itself before rendering this.
 */
export function AdminShell({
  current,
  children,
}: {
  current: AdminSection;
  children: ReactNode;
}) {
  return (
    <div className={fr.cx('fr-container', 'fr-my-6w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <SideMenu
            id="admin-menu"
            title="Administration"
            burgerMenuButtonText="Menu de l’administration"
            items={SECTIONS.map(({ section, text, href }) => ({
              text,
              linkProps: { href },
              isActive: section === current,
            }))}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-9')}>{children}</div>
      </div>
    </div>
  );
}
