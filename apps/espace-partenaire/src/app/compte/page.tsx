import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { Metadata } from 'next';
import Link from 'next/link';

import { ChangePasswordForm } from '../../components/account/change-password-form';
import { TotpDisableForm } from '../../components/account/totp-disable-form';
import { TotpSetupForm } from '../../components/account/totp-setup-form';
import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { requireSession } from '../../server/auth';
import { logoutAction } from '../actions/session.actions';

export const metadata: Metadata = { title: 'Mon compte' };

const TOTP_NOTICES = {
  activee:
    'La double authentification est activée : à chaque connexion, le code de votre application vous sera demandé.',
  desactivee: 'La double authentification est désactivée.',
} as const;

/** The signed-in account: details, password, second factor, logout. */
export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { account } = await requireSession('/compte');
  const notice = (await searchParams)['double-authentification'];
  const totpNotice =
    notice === 'activee' || notice === 'desactivee'
      ? TOTP_NOTICES[notice]
      : undefined;

  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <div className={fr.cx('fr-grid-row')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-10', 'fr-col-lg-8')}>
            <h1>Mon compte</h1>

            <section
              aria-labelledby="informations"
              className={fr.cx('fr-mb-6w')}
            >
              <h2 id="informations">Vos informations</h2>
              <dl>
                <dt className={fr.cx('fr-text--bold')}>Nom</dt>
                <dd className={fr.cx('fr-mb-2w')}>
                  {account.givenName} {account.familyName}
                </dd>
                <dt className={fr.cx('fr-text--bold')}>Adresse électronique</dt>
                <dd className={fr.cx('fr-mb-2w')}>
                  {account.email}{' '}
                  {account.emailVerified && (
                    <Badge small severity="success" as="span">
                      Confirmée
                    </Badge>
                  )}
                </dd>
                {account.isPlatformAdmin && (
                  <>
                    <dt className={fr.cx('fr-text--bold')}>Rôle</dt>
                    <dd className={fr.cx('fr-mb-2w')}>
                      Administrateur de la plateforme
                    </dd>
                  </>
                )}
              </dl>
              <p>
                <Link href="/organisations" className={fr.cx('fr-link')}>
                  Mes organisations
                </Link>
              </p>
            </section>

            <section
              aria-labelledby="mot-de-passe"
              className={fr.cx('fr-mb-6w')}
            >
              <h2 id="mot-de-passe">Mot de passe</h2>
              <p>
                Changer de mot de passe ferme vos sessions ouvertes sur les
                autres appareils.
              </p>
              <ChangePasswordForm />
            </section>

            <section
              aria-labelledby="double-authentification"
              className={fr.cx('fr-mb-6w')}
            >
              <h2 id="double-authentification">
                Double authentification{' '}
                {account.totpEnabled ? (
                  <Badge severity="success" as="span">
                    Activée
                  </Badge>
                ) : (
                  <Badge as="span" noIcon>
                    Désactivée
                  </Badge>
                )}
              </h2>
              {totpNotice && (
                <Alert
                  severity="success"
                  small
                  description={totpNotice}
                  className={fr.cx('fr-mb-3w')}
                />
              )}
              {account.totpEnabled ? (
                <>
                  <p>
                    À chaque connexion, un code de votre application
                    d’authentification vous est demandé après le mot de passe.
                    Pour désactiver cette protection, confirmez avec votre mot
                    de passe et un code.
                  </p>
                  <TotpDisableForm />
                </>
              ) : (
                <>
                  <p>
                    Protégez votre compte : après le mot de passe, un code à 6
                    chiffres calculé par une application d’authentification sur
                    votre téléphone vous sera demandé.
                  </p>
                  <TotpSetupForm />
                </>
              )}
            </section>

            <section aria-labelledby="deconnexion">
              <h2 id="deconnexion">Se déconnecter</h2>
              <form action={logoutAction}>
                <Button
                  type="submit"
                  priority="secondary"
                  iconId="fr-icon-logout-box-r-line"
                >
                  Se déconnecter de l’Espace Partenaire
                </Button>
              </form>
            </section>
          </div>
        </div>
      </div>
    </>
  );
}
