import { fr } from '@codegouvfr/react-dsfr';
import type { Metadata } from 'next';
import Link from 'next/link';

import { safeReturnPath } from '../../../components/account/return-path';
import { TotpLoginForm } from '../../../components/account/totp-login-form';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Double authentification' };

/** After the password, when the account has the second factor on (`totp_required`). */
export default async function TotpLoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { retour } = await searchParams;
  const returnTo = safeReturnPath(
    typeof retour === 'string' ? retour : undefined,
  );
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
            <h1>Double authentification</h1>
            <p>
              Votre compte est protégé par une double authentification. Ouvrez
              votre application d’authentification et saisissez le code affiché
              pour l’Espace Partenaire.
            </p>
            <TotpLoginForm returnTo={returnTo} />
            <p className={fr.cx('fr-mt-4w')}>
              <Link href="/connexion">Revenir à la connexion</Link>
            </p>
          </div>
        </div>
      </div>
    </>
  );
}
