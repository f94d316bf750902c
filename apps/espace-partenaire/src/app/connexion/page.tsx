import { fr } from '@codegouvfr/react-dsfr';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';

import { LoginForm } from '../../components/account/login-form';
import { safeReturnPath } from '../../components/account/return-path';
import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { getSession } from '../../server/partners-api';

export const metadata: Metadata = { title: 'Se connecter' };

/** Login; `?retour=/a/path` of the portal is where the user goes afterwards. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { retour } = await searchParams;
  const returnTo = safeReturnPath(
    typeof retour === 'string' ? retour : undefined,
  );
  if (await getSession()) redirect(returnTo ?? '/tableau-de-bord');
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
            <h1>Se connecter à l’Espace Partenaire</h1>
            <LoginForm returnTo={returnTo} />
            <hr className={fr.cx('fr-mt-6w')} />
            <h2 className={fr.cx('fr-h6')}>Vous n’avez pas de compte ?</h2>
            <p>
              <Link href="/inscription">Créer un compte</Link> avec le numéro
              SIRET de votre organisation.
            </p>
          </div>
        </div>
      </div>
    </>
  );
}
