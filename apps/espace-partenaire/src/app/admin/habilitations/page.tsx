import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  HABILITATION_STATUS_LABELS,
  HABILITATION_STATUSES,
  type HabilitationSummaryView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { AdminShell } from '../../../components/admin/admin-shell';
import { formatDate } from '../../../components/admin/admin-format';
import {
  FilterCell,
  FilterForm,
  FilterInput,
  FilterSelect,
  OrganisationCell,
  RequestResults,
} from '../../../components/admin/admin-list';
import { loadAdminList } from '../../../components/admin/admin-list.server';
import { FilterActions } from '../../../components/admin/filter-actions';
import type { PageSearchParams } from '../../../components/admin/search-params';
import { StatusBadge } from '../../../components/habilitations/status-badge';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'File d’instruction' };

const PATH = '/admin/habilitations';
const FILTERS = [
  'q',
  'status',
  'siret',
  'submittedFrom',
  'submittedTo',
  'sort',
] as const;
const PAGE_SIZE = 20;

const SORT_LABELS = {
  submitted_asc: 'Soumission la plus ancienne d’abord',
  submitted_desc: 'Soumission la plus récente d’abord',
} as const;

/** The instruction queue: requests submitted at least once, with filters that work without JavaScript. */
export default async function InstructionQueuePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const { filters, page, result, field } = await loadAdminList<
    HabilitationSummaryView,
    (typeof FILTERS)[number]
  >({
    path: PATH,
    apiPath: '/api/admin/habilitations',
    filterKeys: FILTERS,
    pageSize: PAGE_SIZE,
    searchParams,
  });
  const hasFilters = Object.keys(filters).some((key) => key !== 'sort');

  return (
    <AdminShell current="habilitations">
      <StartDsfrOnHydration />
      <h1>File d’instruction</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes d’habilitation soumises au moins une fois, la plus ancienne
        soumission d’abord.
      </p>

      <FilterForm action={PATH} label="Filtrer les demandes">
        <FilterInput
          md={8}
          label="Rechercher"
          hintText="Nom du projet, de l’organisation ou SIRET (2 caractères au moins)"
          {...field('q')}
          id="filtre-q"
          type="search"
        />
        <FilterSelect
          md={4}
          label="Statut"
          {...field('status')}
          id="filtre-statut"
          allLabel="Tous les statuts"
          options={HABILITATION_STATUSES.map((status) => [
            status,
            HABILITATION_STATUS_LABELS[status],
          ])}
        />
        <FilterInput
          md={4}
          label="SIRET"
          hintText="14 chiffres"
          {...field('siret')}
          id="filtre-siret"
          inputMode="numeric"
        />
        <FilterInput
          md={4}
          label="Soumise à partir du"
          hintText="Format attendu : JJ/MM/AAAA"
          {...field('submittedFrom')}
          id="filtre-du"
          type="date"
        />
        <FilterInput
          md={4}
          label="Soumise jusqu’au"
          hintText="Format attendu : JJ/MM/AAAA"
          {...field('submittedTo')}
          id="filtre-au"
          type="date"
        />
        <FilterSelect
          md={6}
          label="Trier par"
          {...field('sort')}
          id="filtre-tri"
          value={filters.sort ?? 'submitted_asc'}
          options={Object.entries(SORT_LABELS)}
        />
        <FilterCell md={6} alignEnd>
          <FilterActions clearHref={PATH} />
        </FilterCell>
      </FilterForm>

      <RequestResults
        result={result}
        errorTitle="La file d’instruction n’a pas pu être chargée"
        path={PATH}
        filters={filters}
        page={page}
        hasFilters={hasFilters}
        emptyMessage="Aucune demande n’a encore été soumise."
      >
        {(items) => <QueueTable items={items} />}
      </RequestResults>
    </AdminShell>
  );
}

function QueueTable({ items }: { items: HabilitationSummaryView[] }) {
  return (
    <Table
      caption="Demandes d’habilitation"
      noCaption
      fixed
      headers={['Projet', 'Organisation', 'Statut', 'Soumise le', 'Action']}
      data={items.map((item) => [
        <>
          {item.projectName ?? 'Projet sans nom'}
          {item.hasVersionInForce &&
            item.status !== 'validated' &&
            item.status !== 'revoked' && (
              <>
                <br />
                <Badge small severity="info" noIcon>
                  Mise à jour
                </Badge>
              </>
            )}
        </>,
        <OrganisationCell
          key="organisation"
          organisation={item.organisation}
        />,
        <StatusBadge key="status" status={item.status} small />,
        item.submittedAt ? (
          <time dateTime={item.submittedAt}>
            {formatDate(item.submittedAt)}
          </time>
        ) : (
          '—'
        ),
        <Link key="link" href={`${PATH}/${item.id}`}>
          Instruire
          <span className={fr.cx('fr-sr-only')}>
            {' '}
            la demande « {item.projectName ?? 'Projet sans nom'} »
          </span>
        </Link>,
      ])}
    />
  );
}
