import { fr } from '@codegouvfr/react-dsfr';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { SignupForm } from '../../components/account/signup-form';
import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { getSession } from '../../server/partners-api';

export const metadata: Metadata = { title: 'Créer un compte' };

export default async function SignupPage() {
  if (await getSession()) redirect('/organisations');
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
            <h1>Créer votre compte</h1>
            <p className={fr.cx('fr-text--lead')}>
              Votre compte vous permet de déposer et de suivre les demandes
              d’habilitation de votre organisation.
            </p>
            <SignupForm />
            <hr className={fr.cx('fr-mt-6w')} />
            <p>
              Vous avez déjà un compte ?{' '}
              <Link href="/connexion">Se connecter</Link>
            </p>
          </div>
        </div>
      </div>
    </>
  );
}
