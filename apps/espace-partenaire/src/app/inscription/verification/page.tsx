import { fr } from '@codegouvfr/react-dsfr';
import type { Metadata } from 'next';
import { cookies } from 'next/headers';

import { SIGNUP_EMAIL_COOKIE } from '../../../components/account/signup-email-cookie';
import { VerificationForm } from '../../../components/account/verification-form';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = {
  title: 'Confirmer votre adresse électronique',
};

/** « Vérifiez votre messagerie »; with `?token=…` (the e-mailed link) a button confirms the address. */
export default async function VerificationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const email = (await cookies()).get(SIGNUP_EMAIL_COOKIE)?.value;
  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--center')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
            <VerificationForm
              token={typeof token === 'string' && token ? token : undefined}
              defaultEmail={email}
            />
          </div>
        </div>
      </div>
    </>
  );
}
