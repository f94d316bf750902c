import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  API_HABILITATION_REQUEST_STATUS_LABELS,
  type ApiHabilitationRequestView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { AdminShell } from '../../../components/admin/admin-shell';
import { formatDate } from '../../../components/admin/admin-format';
import {
  AdminListError,
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
import { adminApiRequestPath } from '../../../components/api-habilitations/api-request-labels';
import { ApiRequestStatusBadge } from '../../../components/api-habilitations/api-request-status-badge';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'API FranceConnectées' };

const PATH = adminApiRequestPath();
const FILTERS = ['search', 'status'] as const;
const PAGE_SIZE = 20;

/** The API FranceConnectée requests, newest first, with filters that work without JavaScript. */
export default async function ApiRequestQueuePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const { filters, page, result, field } = await loadAdminList<
    ApiHabilitationRequestView,
    (typeof FILTERS)[number]
  >({
    path: PATH,
    apiPath: '/api/admin/api-requests',
    filterKeys: FILTERS,
    pageSize: PAGE_SIZE,
    searchParams,
  });

  return (
    <AdminShell current="api">
      <StartDsfrOnHydration />
      <h1>API FranceConnectées</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes de données des fournisseurs de données pour des
        habilitations validées, la plus récente d’abord.
      </p>

      <FilterForm
        action={PATH}
        label="Filtrer les demandes d’API FranceConnectée"
      >
        <FilterInput
          md={8}
          label="Rechercher"
          hintText="Projet, organisation, SIRET ou fournisseur de données"
          {...field('search')}
          id="filtre-recherche"
          type="search"
        />
        <FilterSelect
          md={4}
          label="Statut"
          {...field('status')}
          id="filtre-statut"
          allLabel="Tous les statuts"
          options={Object.entries(API_HABILITATION_REQUEST_STATUS_LABELS)}
        />
        <FilterCell>
          <FilterActions clearHref={PATH} />
        </FilterCell>
      </FilterForm>

      {!result.ok ? (
        <AdminListError
          status={result.status}
          message={result.error.message}
          title="Les demandes n’ont pas pu être chargées"
        />
      ) : (
        <RequestResults
          path={PATH}
          data={result.data}
          filters={filters}
          page={page}
          hasFilters={Object.keys(filters).length > 0}
          emptyMessage="Aucune demande d’API FranceConnectée pour l’instant."
        >
          <ApiRequestTable items={result.data.items} />
        </RequestResults>
      )}
    </AdminShell>
  );
}

function ApiRequestTable({ items }: { items: ApiHabilitationRequestView[] }) {
  return (
    <Table
      caption="Demandes d’API FranceConnectée"
      noCaption
      fixed
      headers={[
        'Fournisseur de données',
        'Projet',
        'Organisation',
        'Statut',
        'Déposée le',
        'Action',
      ]}
      data={items.map((item) => [
        item.dataProvider.name,
        item.habilitationProjectName ?? 'Projet sans nom',
        <OrganisationCell
          key="organisation"
          organisation={item.organisation}
        />,
        <ApiRequestStatusBadge key="status" status={item.status} small />,
        <time key="at" dateTime={item.createdAt}>
          {formatDate(item.createdAt)}
        </time>,
        <Link key="link" href={adminApiRequestPath(item.id)}>
          {item.status === 'submitted' ? 'Examiner' : 'Consulter'}
          <span className={fr.cx('fr-sr-only')}>
            {' '}
            la demande de {item.organisation.name} pour «{' '}
            {item.dataProvider.name} »
          </span>
        </Link>,
      ])}
    />
  );
}
