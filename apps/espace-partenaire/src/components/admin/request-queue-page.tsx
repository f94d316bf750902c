import 'server-only';

import { fr } from '@codegouvfr/react-dsfr';
import type { ReactNode } from 'react';

import { StartDsfrOnHydration } from '../../dsfr-bootstrap';
import {
  FilterCell,
  FilterForm,
  FilterInput,
  FilterSelect,
  RequestResults,
} from './admin-list';
import { loadAdminList } from './admin-list.server';
import { type AdminSection, AdminShell } from './admin-shell';
import { FilterActions } from './filter-actions';
import type { PageSearchParams } from './search-params';

const FILTERS = ['search', 'status'] as const;
const PAGE_SIZE = 20;

/**
 * The queue of one kind of request of the habilitations (production, API FranceConnectée), newest
 * first, filtered by a search and a status without JavaScript; `table` shows one page of it.
 */
export async function RequestQueuePage<T>({
  searchParams,
  current,
  path,
  apiPath,
  title,
  lead,
  filterLabel,
  searchHint,
  statusLabels,
  emptyMessage,
  table,
}: {
  searchParams: Promise<PageSearchParams>;
  current: AdminSection;
  /** The queue's own page. */
  path: string;
  /** Where partners-api serves the queue. */
  apiPath: string;
  title: string;
  lead: string;
  filterLabel: string;
  searchHint: string;
  statusLabels: Record<string, string>;
  /** What the queue says when it is empty and no filter is set. */
  emptyMessage: string;
  table: (items: T[]) => ReactNode;
}) {
  const { filters, page, result, field } = await loadAdminList<
    T,
    (typeof FILTERS)[number]
  >({
    path,
    apiPath,
    filterKeys: FILTERS,
    pageSize: PAGE_SIZE,
    searchParams,
  });

  return (
    <AdminShell current={current}>
      <StartDsfrOnHydration />
      <h1>{title}</h1>
      <p className={fr.cx('fr-text--lead')}>{lead}</p>

      <FilterForm action={path} label={filterLabel}>
        <FilterInput
          md={8}
          label="Rechercher"
          hintText={searchHint}
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
          options={Object.entries(statusLabels)}
        />
        <FilterCell>
          <FilterActions clearHref={path} />
        </FilterCell>
      </FilterForm>

      <RequestResults
        result={result}
        errorTitle="Les demandes n’ont pas pu être chargées"
        path={path}
        filters={filters}
        page={page}
        hasFilters={Object.keys(filters).length > 0}
        emptyMessage={emptyMessage}
      >
        {table}
      </RequestResults>
    </AdminShell>
  );
}
