import { fr } from '@codegouvfr/react-dsfr';
import type { Metadata } from 'next';
import Link from 'next/link';

import { PasswordResetRequestForm } from '../../../components/account/password-reset-request-form';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Mot de passe oublié' };

export default function ForgottenPasswordPage() {
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
            <h1>Mot de passe oublié</h1>
            <p>
              Indiquez l’adresse électronique de votre compte : nous vous
              enverrons un lien pour choisir un nouveau mot de passe. Il est
              valable une heure et ne sert qu’une fois.
            </p>
            <PasswordResetRequestForm />
            <p className={fr.cx('fr-mt-4w')}>
              <Link href="/connexion">Revenir à la connexion</Link>
            </p>
          </div>
        </div>
      </div>
    </>
  );
}
