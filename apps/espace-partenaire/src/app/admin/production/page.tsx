import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  PRODUCTION_REQUEST_STATUS_LABELS,
  type Page,
  type ProductionRequestStatus,
  type ProductionRequestView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';

import { AdminPagination } from '../../../components/admin/admin-pagination';
import { AdminShell } from '../../../components/admin/admin-shell';
import {
  formatDate,
  formatSiret,
  plural,
} from '../../../components/admin/admin-format';
import { FilterActions } from '../../../components/admin/filter-actions';
import {
  type PageSearchParams,
  pageCount,
  pageNumber,
  pickFilters,
  toQueryString,
} from '../../../components/admin/search-params';
import { ProductionRequestStatusBadge } from '../../../components/service-providers/badges';
import { adminProductionPath } from '../../../components/service-providers/service-provider-labels';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../server/auth';
import { callApi, fieldErrors } from '../../../server/partners-api';

export const metadata: Metadata = { title: 'Mises en production' };

const PATH = adminProductionPath();
const FILTERS = ['search', 'status'] as const;
const PAGE_SIZE = 20;
const STATUSES = Object.keys(
  PRODUCTION_REQUEST_STATUS_LABELS,
) as ProductionRequestStatus[];

/** The production requests, newest first, with filters that work without JavaScript. */
export default async function ProductionQueuePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const params = await searchParams;
  const filters = pickFilters(params, FILTERS);
  const page = pageNumber(params);
  await requirePlatformAdmin(
    `${PATH}${toQueryString({ ...filters, page: page > 1 ? page : undefined })}`,
  );

  const result = await callApi<Page<ProductionRequestView>>(
    'GET',
    `/api/admin/production-requests${toQueryString({ ...filters, page, pageSize: PAGE_SIZE })}`,
  );
  const errors = result.ok ? {} : fieldErrors(result.error.errors);
  const fieldState = (name: (typeof FILTERS)[number]) =>
    errors[name]
      ? ({ state: 'error', stateRelatedMessage: errors[name] } as const)
      : ({ state: 'default' } as const);
  const hasFilters = Object.keys(filters).length > 0;

  return (
    <AdminShell current="production">
      <StartDsfrOnHydration />
      <h1>Mises en production</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes d’accès de production des habilitations validées, la plus
        récente d’abord.
      </p>

      <Form
        action={PATH}
        role="search"
        aria-label="Filtrer les demandes de mise en production"
        className={fr.cx('fr-mb-4w')}
      >
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <Input
              label="Rechercher"
              hintText="Nom du service, de l’organisation ou SIRET"
              {...fieldState('search')}
              nativeInputProps={{
                id: 'filtre-recherche',
                name: 'search',
                type: 'search',
                defaultValue: filters.search ?? '',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Select
              label="Statut"
              {...fieldState('status')}
              nativeSelectProps={{
                id: 'filtre-statut',
                name: 'status',
                defaultValue: filters.status ?? '',
              }}
            >
              <option value="">Tous les statuts</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {PRODUCTION_REQUEST_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12')}>
            <FilterActions clearHref={PATH} />
          </div>
        </div>
      </Form>

      {!result.ok ? (
        <Alert
          severity="error"
          title={
            result.status === 400
              ? 'Certains filtres sont invalides'
              : 'Les demandes n’ont pas pu être chargées'
          }
          description={result.error.message}
        />
      ) : (
        <Results
          data={result.data}
          filters={filters}
          page={page}
          hasFilters={hasFilters}
        />
      )}
    </AdminShell>
  );
}

function Results({
  data,
  filters,
  page,
  hasFilters,
}: {
  data: Page<ProductionRequestView>;
  filters: Partial<Record<string, string>>;
  page: number;
  hasFilters: boolean;
}) {
  if (data.total === 0) {
    return (
      <div className={fr.cx('fr-py-4w')}>
        <p role="status" className={fr.cx('fr-text--lg', 'fr-text--bold')}>
          {hasFilters
            ? 'Aucune demande ne correspond à ces critères.'
            : 'Aucune demande de mise en production pour l’instant.'}
        </p>
        {hasFilters && <Link href={PATH}>Afficher toutes les demandes</Link>}
      </div>
    );
  }
  const pages = pageCount(data.total, data.pageSize);
  return (
    <>
      <p role="status" className={fr.cx('fr-text--bold')}>
        {data.totalIsCapped
          ? `Plus de ${plural(data.total, 'demande', 'demandes')} : affinez votre recherche`
          : plural(data.total, 'demande', 'demandes')}
        {pages > 1 &&
          ` — page ${page} sur ${data.totalIsCapped ? `au moins ${pages}` : pages}`}
      </p>
      {data.items.length === 0 ? (
        <p>
          Cette page est vide.{' '}
          <Link href={`${PATH}${toQueryString(filters)}`}>
            Revenir à la première page
          </Link>
        </p>
      ) : (
        <Table
          caption="Demandes de mise en production"
          noCaption
          fixed
          headers={[
            'Service',
            'Organisation',
            'Statut',
            'Déposée le',
            'Action',
          ]}
          data={data.items.map((item) => [
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
            <>
              {item.organisation.name}
              <br />
              <span className={fr.cx('fr-text--xs')}>
                SIRET {formatSiret(item.organisation.siret)}
              </span>
            </>,
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
      )}
      <AdminPagination
        path={PATH}
        filters={filters}
        page={page}
        total={data.total}
        pageSize={data.pageSize}
      />
    </>
  );
}
