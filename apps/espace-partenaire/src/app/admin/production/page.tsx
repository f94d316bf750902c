import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  PRODUCTION_REQUEST_STATUS_LABELS,
  type ProductionRequestView,
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
import { ProductionRequestStatusBadge } from '../../../components/service-providers/badges';
import { adminProductionPath } from '../../../components/service-providers/service-provider-labels';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Mises en production' };

const PATH = adminProductionPath();
const FILTERS = ['search', 'status'] as const;
const PAGE_SIZE = 20;

/** The production requests, newest first, with filters that work without JavaScript. */
export default async function ProductionQueuePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const { filters, page, result, field } = await loadAdminList<
    ProductionRequestView,
    (typeof FILTERS)[number]
  >({
    path: PATH,
    apiPath: '/api/admin/production-requests',
    filterKeys: FILTERS,
    pageSize: PAGE_SIZE,
    searchParams,
  });

  return (
    <AdminShell current="production">
      <StartDsfrOnHydration />
      <h1>Mises en production</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes d’accès de production des habilitations validées, la plus
        récente d’abord.
      </p>

      <FilterForm
        action={PATH}
        label="Filtrer les demandes de mise en production"
      >
        <FilterInput
          md={8}
          label="Rechercher"
          hintText="Nom du service, de l’organisation ou SIRET"
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
          options={Object.entries(PRODUCTION_REQUEST_STATUS_LABELS)}
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
          emptyMessage="Aucune demande de mise en production pour l’instant."
        >
          <ProductionTable items={result.data.items} />
        </RequestResults>
      )}
    </AdminShell>
  );
}

function ProductionTable({ items }: { items: ProductionRequestView[] }) {
  return (
    <Table
      caption="Demandes de mise en production"
      noCaption
      fixed
      headers={['Service', 'Organisation', 'Statut', 'Déposée le', 'Action']}
      data={items.map((item) => [
        <>
          {item.serviceName}
          {item.vendor && (
            <>
              <br />
              <Badge small severity="info" noIcon>
                Éditeur qualifié
              </Badge>
            </>
          )}
        </>,
        <OrganisationCell
          key="organisation"
          organisation={item.organisation}
        />,
        <ProductionRequestStatusBadge
          key="status"
          status={item.status}
          small
        />,
        <time key="at" dateTime={item.createdAt}>
          {formatDate(item.createdAt)}
        </time>,
        <Link key="link" href={adminProductionPath(item.id)}>
          {item.status === 'submitted' ? 'Examiner' : 'Consulter'}
          <span className={fr.cx('fr-sr-only')}>
            {' '}
            la demande « {item.serviceName} »
          </span>
        </Link>,
      ])}
    />
  );
}
