import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type {
  MemberView,
  OrganisationView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';

import { MemberActions } from '../../../../components/organisations/member-actions';
import { ROLE_LABELS } from '../../../../components/organisations/membership-status-badge';
import { formatSiret } from '../../../../components/organisations/siret-lookup';
import { StartDsfrOnHydration } from '../../../../dsfr-bootstrap';
import { requireSession } from '../../../../server/auth';
import { callApi } from '../../../../server/partners-api';

export const metadata: Metadata = { title: 'Membres de l’organisation' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The active members of an organisation the user belongs to; its admins manage roles and removals. */
export default async function MembersPage({
  params,
}: {
  params: Promise<{ organisationId: string }>;
}) {
  const { organisationId } = await params;
  const session = await requireSession(
    `/organisations/${organisationId}/membres`,
  );
  if (!UUID.test(organisationId)) notFound();
  const [organisation, members] = await Promise.all([
    callApi<OrganisationView>('GET', `/api/organisations/${organisationId}`),
    callApi<MemberView[]>(
      'GET',
      `/api/organisations/${organisationId}/members`,
    ),
  ]);
  // Another organisation answers 404 too: nothing tells it exists.
  if (!organisation.ok || !members.ok) notFound();
  const isAdmin = session.memberships.some(
    (membership) =>
      membership.organisation.id === organisationId &&
      membership.status === 'active' &&
      membership.role === 'admin',
  );

  return (
    <>
      <StartDsfrOnHydration />
      <div className={fr.cx('fr-container', 'fr-pb-6w')}>
        <Breadcrumb
          homeLinkProps={{ href: '/' }}
          segments={[
            {
              label: 'Mes organisations',
              linkProps: { href: '/organisations' },
            },
          ]}
          currentPageLabel={`Membres de ${organisation.data.name}`}
        />
        <h1>Membres de {organisation.data.name}</h1>
        <p>
          SIRET {formatSiret(organisation.data.siret)} —{' '}
          {organisation.data.address}
        </p>
        <p>
          {isAdmin
            ? 'Vous administrez cette organisation : vous pouvez changer le rôle de ses membres et en retirer. Elle doit garder au moins un administrateur.'
            : 'Seuls les administrateurs de l’organisation peuvent changer les rôles et retirer des membres.'}
        </p>
        <Table
          caption={`${members.data.length} membre${members.data.length > 1 ? 's' : ''}`}
          headers={['Nom', 'Adresse électronique', 'Rôle', 'Actions']}
          data={members.data.map((member) => {
            const name = `${member.givenName} ${member.familyName}`;
            const isSelf = member.accountId === session.account.id;
            return [
              <span key="name">
                {name}
                {isSelf && (
                  <>
                    {' '}
                    <Badge small noIcon as="span">
                      Vous
                    </Badge>
                  </>
                )}
              </span>,
              member.email,
              member.role === 'admin' ? (
                <Badge key="role" small severity="info" noIcon as="span">
                  {ROLE_LABELS.admin}
                </Badge>
              ) : (
                ROLE_LABELS.member
              ),
              <MemberActions
                key="actions"
                organisationId={organisationId}
                membershipId={member.membershipId}
                memberName={name}
                role={member.role}
                canManage={isAdmin}
                isSelf={isSelf}
              />,
            ];
          })}
        />
      </div>
    </>
  );
}
