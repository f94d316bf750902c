import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { MembershipView } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { JoinOrganisationForm } from '../../components/organisations/join-organisation-form';
import {
  MembershipStatusBadge,
  ROLE_LABELS,
} from '../../components/organisations/membership-status-badge';
import { formatSiret } from '../../components/organisations/siret-lookup';
import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { requireSession } from '../../server/auth';
import { callApi } from '../../server/partners-api';

export const metadata: Metadata = { title: 'Mes organisations' };

/** The user's memberships (active, pending moderation, refused with the reason) and joining another one. */
export default async function OrganisationsPage() {
  await requireSession('/organisations');
  const memberships = await callApi<MembershipView[]>(
    'GET',
    '/api/organisations',
  );

  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-py-6w')}>
        <h1>Mes organisations</h1>
        {!memberships.ok ? (
          <Alert
            severity="error"
            as="h2"
            title="Vos organisations n’ont pas pu être chargées"
            description={memberships.error.message}
          />
        ) : memberships.data.length === 0 ? (
          <p>
            Vous n’êtes rattaché à aucune organisation pour le moment :
            rejoignez-en une avec son numéro SIRET ci-dessous.
          </p>
        ) : (
          <MembershipsTable memberships={memberships.data} />
        )}

        <section
          aria-labelledby="rejoindre"
          className={fr.cx(
            'fr-mt-6w',
            'fr-col-12',
            'fr-col-md-10',
            'fr-col-lg-8',
          )}
        >
          <h2 id="rejoindre">Rejoindre une autre organisation</h2>
          <p>
            Indiquez le numéro SIRET de l’établissement. Si l’un de ses membres
            a une adresse électronique du même domaine que la vôtre, vous le
            rejoignez tout de suite ; sinon, notre équipe vérifie votre demande.
          </p>
          <JoinOrganisationForm />
        </section>
      </div>
    </>
  );
}

function MembershipsTable({ memberships }: { memberships: MembershipView[] }) {
  return (
    <Table
      caption="Vos rattachements"
      headers={['Organisation', 'Votre rôle', 'Statut', 'Pages']}
      data={memberships.map((membership) => [
        <div key="organisation">
          <p className={fr.cx('fr-text--bold', 'fr-mb-0')}>
            {membership.organisation.name}
          </p>
          <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
            SIRET {formatSiret(membership.organisation.siret)} —{' '}
            {membership.organisation.address}
          </p>
        </div>,
        ROLE_LABELS[membership.role],
        <div key="status">
          <MembershipStatusBadge status={membership.status} />
          {membership.status === 'rejected' && membership.rejectionReason && (
            <p className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-0')}>
              Motif : {membership.rejectionReason}
            </p>
          )}
        </div>,
        membership.status === 'active' ? (
          <ul key="members" className={fr.cx('fr-raw-list')}>
            <li>
              <Link
                href={`/organisations/${membership.organisation.id}/membres`}
              >
                Voir les membres
                <span className={fr.cx('fr-sr-only')}>
                  {' '}
                  de {membership.organisation.name}
                </span>
              </Link>
            </li>
            <li>
              <Link
                href={`/organisations/${membership.organisation.id}/statistiques`}
              >
                Statistiques
                <span className={fr.cx('fr-sr-only')}>
                  {' '}
                  de {membership.organisation.name}
                </span>
              </Link>
            </li>
          </ul>
        ) : (
          '—'
        ),
      ])}
    />
  );
}
