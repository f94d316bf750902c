import { fr } from '@codegouvfr/react-dsfr';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import type { Metadata } from 'next';

import { StartDsfrOnHydration } from '../../../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Accès introuvable' };

/** An unknown client, or one of an organisation the user is not an active member of: nothing tells which. */
export default function ServiceProviderNotFound() {
  return (
    <div className={fr.cx('fr-container', 'fr-my-7w', 'fr-mb-md-10w')}>
      <StartDsfrOnHydration />
      <h1>Accès introuvable</h1>
      <p className={fr.cx('fr-text--sm', 'fr-mb-3w')}>Erreur 404</p>
      <p className={fr.cx('fr-text--lead', 'fr-mb-3w')}>
        Cet accès FranceConnect est introuvable : il n’existe pas, ou il
        appartient à une organisation dont vous n’êtes pas membre.
      </p>
      <ButtonsGroup
        inlineLayoutWhen="md and up"
        buttons={[
          { children: 'Mes demandes', linkProps: { href: '/tableau-de-bord' } },
          {
            children: 'Page d’accueil',
            priority: 'secondary',
            linkProps: { href: '/' },
          },
        ]}
      />
    </div>
  );
}
