import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  HABILITATION_STATUS_LABELS,
  HABILITATION_STATUSES,
  type HabilitationSummaryView,
  type Page,
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
import {
  type PageSearchParams,
  pageCount,
  pageNumber,
  pickFilters,
  toQueryString,
} from '../../../components/admin/search-params';
import { StatusBadge } from '../../../components/habilitations/status-badge';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../server/auth';
import { callApi, fieldErrors } from '../../../server/partners-api';
import { FilterActions } from '../../../components/admin/filter-actions';

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
  const params = await searchParams;
  const filters = pickFilters(params, FILTERS);
  const page = pageNumber(params);
  await requirePlatformAdmin(
    `${PATH}${toQueryString({ ...filters, page: page > 1 ? page : undefined })}`,
  );

  const result = await callApi<Page<HabilitationSummaryView>>(
    'GET',
    `/api/admin/habilitations${toQueryString({ ...filters, page, pageSize: PAGE_SIZE })}`,
  );
  const errors = result.ok ? {} : fieldErrors(result.error.errors);
  const fieldState = (name: (typeof FILTERS)[number]) =>
    errors[name]
      ? ({ state: 'error', stateRelatedMessage: errors[name] } as const)
      : ({ state: 'default' } as const);
  const hasFilters = Object.keys(filters).some((key) => key !== 'sort');

  return (
    <AdminShell current="habilitations">
      <StartDsfrOnHydration />
      <h1>File d’instruction</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes d’habilitation soumises au moins une fois, la plus ancienne
        soumission d’abord.
      </p>

      <Form
        action={PATH}
        role="search"
        aria-label="Filtrer les demandes"
        className={fr.cx('fr-mb-4w')}
      >
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <Input
              label="Rechercher"
              hintText="Nom du projet, de l’organisation ou SIRET (2 caractères au moins)"
              {...fieldState('q')}
              nativeInputProps={{
                id: 'filtre-q',
                name: 'q',
                type: 'search',
                defaultValue: filters.q ?? '',
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
              {HABILITATION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {HABILITATION_STATUS_LABELS[status]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="SIRET"
              hintText="14 chiffres"
              {...fieldState('siret')}
              nativeInputProps={{
                id: 'filtre-siret',
                name: 'siret',
                inputMode: 'numeric',
                defaultValue: filters.siret ?? '',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Soumise à partir du"
              hintText="Format attendu : JJ/MM/AAAA"
              {...fieldState('submittedFrom')}
              nativeInputProps={{
                id: 'filtre-du',
                name: 'submittedFrom',
                type: 'date',
                defaultValue: filters.submittedFrom ?? '',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Soumise jusqu’au"
              hintText="Format attendu : JJ/MM/AAAA"
              {...fieldState('submittedTo')}
              nativeInputProps={{
                id: 'filtre-au',
                name: 'submittedTo',
                type: 'date',
                defaultValue: filters.submittedTo ?? '',
              }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Select
              label="Trier par"
              {...fieldState('sort')}
              nativeSelectProps={{
                id: 'filtre-tri',
                name: 'sort',
                defaultValue: filters.sort ?? 'submitted_asc',
              }}
            >
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div
            className={fr.cx('fr-col-12', 'fr-col-md-6')}
            style={{ alignSelf: 'flex-end' }}
          >
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
              : 'La file d’instruction n’a pas pu être chargée'
          }
          description={result.error.message}
        />
      ) : (
        <QueueResults
          data={result.data}
          filters={filters}
          page={page}
          hasFilters={hasFilters}
        />
      )}
    </AdminShell>
  );
}

function QueueResults({
  data,
  filters,
  page,
  hasFilters,
}: {
  data: Page<HabilitationSummaryView>;
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
            : 'Aucune demande n’a encore été soumise.'}
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
          caption="Demandes d’habilitation"
          noCaption
          fixed
          headers={['Projet', 'Organisation', 'Statut', 'Soumise le', 'Action']}
          data={data.items.map((item) => [
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
            <>
              {item.organisation.name}
              <br />
              <span className={fr.cx('fr-text--xs')}>
                SIRET {formatSiret(item.organisation.siret)}
              </span>
            </>,
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
