import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { Metadata } from 'next';
import Link from 'next/link';

import { NewPasswordForm } from '../../../components/account/new-password-form';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Choisir un nouveau mot de passe' };

/** The page of the e-mailed reset link (`?token=…`): the link is only used when the form is sent. */
export default async function NewPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8', 'fr-col-lg-6')}>
            <h1>Choisir un nouveau mot de passe</h1>
            {typeof token === 'string' && token ? (
              <>
                <p>
                  Une fois enregistré, toutes vos sessions ouvertes sont fermées
                  : reconnectez-vous avec ce nouveau mot de passe.
                </p>
                <NewPasswordForm token={token} />
              </>
            ) : (
              <>
                <Alert
                  severity="error"
                  as="h2"
                  title="Ce lien est incomplet"
                  description="Ouvrez le lien tel qu’il figure dans le courriel reçu, ou demandez-en un nouveau."
                />
                <p className={fr.cx('fr-mt-4w')}>
                  <Link href="/mot-de-passe/oublie">
                    Demander un nouveau lien
                  </Link>
                </p>
              </>
            )}
          </div>
        </div>
      </div>
    </>
  );
}
