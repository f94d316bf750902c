import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type {
  HabilitationSummaryView,
  MembershipView,
  Page,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { createHabilitationAction } from '../actions/habilitations.actions';
import {
  formatDate,
  formatDateTime,
} from '../../components/habilitations/format';
import { requestPath } from '../../components/habilitations/habilitation-steps';
import { NewRequestForm } from '../../components/habilitations/new-request-form';
import { StatusBadge } from '../../components/habilitations/status-badge';
import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import { requireSession } from '../../server/auth';
import { callApi } from '../../server/partners-api';

export const metadata: Metadata = { title: 'Mes demandes' };

const PAGE_SIZE = 20;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const single = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value[0] : value;

/** The path from an empty dashboard to production, for someone who has not filed anything yet. */
function EmptyState({ organisationName }: { organisationName: string }) {
  return (
    <CallOut
      title="Aucune demande pour le moment"
      titleAs="h3"
      bodyAs="div"
      iconId="fr-icon-information-line"
    >
      <p>
        {organisationName} n’a encore déposé aucune demande d’habilitation. Le
        parcours, avec « Nouvelle demande » :
      </p>
      <ol>
        <li>
          décrivez votre projet, les données demandées, le cadre juridique et
          les contacts, puis acceptez les conditions d’utilisation : cinq
          étapes, enregistrées au fur et à mesure ;
        </li>
        <li>relisez le récapitulatif et soumettez la demande ;</li>
        <li>
          l’équipe de la fédération l’instruit, dans un délai de deux mois, et
          peut vous demander des modifications ;
        </li>
        <li>
          une fois la demande validée, vous recevez vos clés de bac à sable pour
          intégrer votre service, puis demandez la mise en production.
        </li>
      </ol>
    </CallOut>
  );
}

function RequestsTable({ items }: { items: HabilitationSummaryView[] }) {
  return (
    <Table
      caption="Demandes d’habilitation de l’organisation"
      noCaption
      headers={[
        'Projet',
        'Statut',
        'Créée le',
        'Soumise le',
        'Dernière modification',
      ]}
      data={items.map((item) => [
        <Link key="projet" href={requestPath(item.id)}>
          {item.projectName ?? 'Nouvelle demande (sans nom)'}
        </Link>,
        <div key="statut">
          <StatusBadge status={item.status} small />
          {item.hasVersionInForce && item.status !== 'validated' && (
            <p className={fr.cx('fr-text--xs', 'fr-mb-0', 'fr-mt-1v')}>
              Mise à jour d’une habilitation en vigueur
            </p>
          )}
        </div>,
        formatDate(item.createdAt),
        item.submittedAt ? formatDate(item.submittedAt) : '—',
        formatDateTime(item.updatedAt),
      ])}
    />
  );
}

function MembershipsAwaiting({
  memberships,
}: {
  memberships: MembershipView[];
}) {
  if (memberships.length === 0) return null;
  return (
    <section aria-labelledby="titre-adhesions" className={fr.cx('fr-mt-6w')}>
      <h2 id="titre-adhesions">Vos demandes d’adhésion</h2>
      <ul className={fr.cx('fr-raw-list')}>
        {memberships.map((membership) => (
          <li key={membership.id} className={fr.cx('fr-mb-2w')}>
            <p className={fr.cx('fr-mb-1v')}>
              <strong>{membership.organisation.name}</strong> (SIRET{' '}
              {membership.organisation.siret}){' '}
              {membership.status === 'pending' ? (
                <Badge as="span" severity="new" small>
                  en attente de modération
                </Badge>
              ) : (
                <Badge as="span" severity="error" small>
                  refusée
                </Badge>
              )}
            </p>
            <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
              {membership.status === 'pending'
                ? 'L’équipe de la fédération vérifie votre rattachement à cette organisation ; vous serez prévenu par courriel. Ses demandes apparaîtront ici ensuite.'
                : `Motif : ${membership.rejectionReason ?? 'non précisé'}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The applicant's dashboard: the requests of one of their organisations, and a new request. */
export default async function DashboardPage({
  searchParams,
}: {
  searchParams: SearchParams;
}) {
  const session = await requireSession('/tableau-de-bord');
  const query = await searchParams;
  const membershipsResult = await callApi<MembershipView[]>(
    'GET',
    '/api/organisations',
  );
  const memberships = membershipsResult.ok
    ? membershipsResult.data
    : session.memberships;
  const active = memberships.filter(
    (membership) => membership.status === 'active',
  );
  const awaiting = memberships.filter(
    (membership) => membership.status !== 'active',
  );
  const current =
    active.find(
      (membership) =>
        membership.organisation.id === single(query['organisation']),
    ) ?? active[0];
  const page = Math.max(
    1,
    Number.parseInt(single(query['page']) ?? '1', 10) || 1,
  );

  const requests = current
    ? await callApi<Page<HabilitationSummaryView>>(
        'GET',
        `/api/organisations/${current.organisation.id}/habilitations?page=${page}&pageSize=${PAGE_SIZE}`,
      )
    : undefined;
  const pageCount = requests?.ok
    ? Math.ceil(requests.data.total / requests.data.pageSize)
    : 0;
  const pageHref = (target: number) => {
    const params = new URLSearchParams({
      organisation: current?.organisation.id ?? '',
      page: String(target),
    });
    return `/tableau-de-bord?${params.toString()}`;
  };

  return (
    <div className={fr.cx('fr-container', 'fr-my-6w')}>
      <StartDsfrOnHydration />
      <h1>Mes demandes d’habilitation</h1>
      {single(query['supprimee']) === '1' && (
        <Alert
          className={fr.cx('fr-mb-4w')}
          severity="success"
          small
          description="Le brouillon a été supprimé."
        />
      )}

      {!current ? (
        <CallOut
          title="Vous n’êtes membre actif d’aucune organisation"
          titleAs="h2"
          iconId="fr-icon-information-line"
        >
          Les demandes d’habilitation se déposent au nom d’une organisation. Dès
          que votre adhésion à une organisation sera acceptée, vous pourrez
          déposer et suivre ses demandes ici.
        </CallOut>
      ) : (
        <>
          {active.length > 1 && (
            <form
              method="get"
              action="/tableau-de-bord"
              className={fr.cx(
                'fr-grid-row',
                'fr-grid-row--bottom',
                'fr-mb-4w',
              )}
              style={{ gap: '1rem' }}
            >
              <Select
                label="Organisation"
                nativeSelectProps={{
                  name: 'organisation',
                  defaultValue: current.organisation.id,
                }}
              >
                {active.map((membership) => (
                  <option
                    key={membership.organisation.id}
                    value={membership.organisation.id}
                  >
                    {membership.organisation.name} (SIRET{' '}
                    {membership.organisation.siret})
                  </option>
                ))}
              </Select>
              <Button
                type="submit"
                priority="secondary"
                className={fr.cx('fr-mb-3w')}
              >
                Afficher
              </Button>
            </form>
          )}
          <section aria-labelledby="titre-organisation">
            <h2 id="titre-organisation">{current.organisation.name}</h2>
            <p className={fr.cx('fr-text--sm')}>
              SIRET {current.organisation.siret} —{' '}
              {current.organisation.address}
            </p>
            <p>
              <Link
                className={fr.cx(
                  'fr-link',
                  'fr-icon-line-chart-line',
                  'fr-link--icon-left',
                )}
                href={`/organisations/${current.organisation.id}/statistiques`}
              >
                Statistiques de connexion de ses services
              </Link>
            </p>
            <NewRequestForm
              organisationId={current.organisation.id}
              createAction={createHabilitationAction}
            />
            {!requests?.ok ? (
              <Alert
                severity="error"
                small
                description={
                  requests?.error.message ??
                  'Les demandes n’ont pas pu être chargées.'
                }
              />
            ) : requests.data.total === 0 ? (
              <EmptyState organisationName={current.organisation.name} />
            ) : (
              <>
                <RequestsTable items={requests.data.items} />
                {pageCount > 1 && (
                  <Pagination
                    count={pageCount}
                    defaultPage={page}
                    getPageLinkProps={(target) => ({ href: pageHref(target) })}
                  />
                )}
              </>
            )}
          </section>
        </>
      )}
      <MembershipsAwaiting memberships={awaiting} />
    </div>
  );
}
