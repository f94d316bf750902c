import { fr } from '@codegouvfr/react-dsfr';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import TechnicalError from '@codegouvfr/react-dsfr/picto/TechnicalError';
import type { Metadata } from 'next';

import { StartDsfrOnHydration } from '../dsfr-bootstrap';

export const metadata: Metadata = {
  title: 'Page non trouvée',
};

/** DSFR "page d'erreur 404" template; Next answers it with HTTP 404 for any unknown URL. */
export default function NotFoundPage() {
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container')}>
        <div
          className={fr.cx(
            'fr-my-7w',
            'fr-mt-md-12w',
            'fr-mb-md-10w',
            'fr-grid-row',
            'fr-grid-row--gutters',
            'fr-grid-row--middle',
            'fr-grid-row--center',
          )}
        >
          <div className={fr.cx('fr-py-0', 'fr-col-12', 'fr-col-md-6')}>
            <h1>Page non trouvée</h1>
            <p className={fr.cx('fr-text--sm', 'fr-mb-3w')}>Erreur 404</p>
            <p className={fr.cx('fr-text--lead', 'fr-mb-3w')}>
              La page que vous cherchez est introuvable. Excusez-nous pour la
              gêne occasionnée.
            </p>
            <p className={fr.cx('fr-text--sm', 'fr-mb-5w')}>
              Si vous avez tapé l’adresse web dans le navigateur, vérifiez
              qu’elle est correcte. La page n’est peut-être plus disponible.
              Dans ce cas, vous pouvez reprendre votre visite depuis la page
              d’accueil.
            </p>
            <ButtonsGroup
              inlineLayoutWhen="md and up"
              buttons={[
                { children: 'Page d’accueil', linkProps: { href: '/' } },
              ]}
            />
          </div>
          <div
            className={fr.cx(
              'fr-col-12',
              'fr-col-md-3',
              'fr-col-offset-md-1',
              'fr-px-6w',
              'fr-px-md-0',
              'fr-py-0',
            )}
          >
            <TechnicalError fontSize="10rem" aria-hidden="true" />
          </div>
        </div>
      </div>
    </>
  );
}
