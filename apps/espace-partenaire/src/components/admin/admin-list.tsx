import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Page } from '@federation/partners-contracts';
import Form from 'next/form';
import Link from 'next/link';
import type { ReactNode } from 'react';

import type { ApiResult } from '../../server/partners-api';
import { formatSiret, plural } from './admin-format';
import { AdminPagination } from './admin-pagination';
import { pageCount, toQueryString } from './search-params';

/*
 * The pieces of the admin lists (instruction queue, production requests, moderation, vendors, audit
 * log): a GET filter form that works without JavaScript, the result count, the empty states and the
 * pagination that keeps the filters.
 */

type ColumnWidth = 3 | 4 | 5 | 6 | 8;

/** The GET form above a list: its fields in a DSFR grid, sent to the list's own URL. */
export function FilterForm({
  action,
  label,
  className = fr.cx('fr-mb-4w'),
  children,
}: {
  action: string;
  /** The accessible name of the search landmark. */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form
      action={action}
      role="search"
      aria-label={label}
      className={className}
    >
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {children}
      </div>
    </Form>
  );
}

/** A cell of the filter grid: full width on small screens, `md` twelfths from the medium breakpoint. */
export function FilterCell({
  md,
  alignEnd = false,
  children,
}: {
  md?: ColumnWidth;
  /** Level with the bottom of its neighbours (the buttons next to labelled fields). */
  alignEnd?: boolean;
  children: ReactNode;
}) {
  return (
    <div
      className={fr.cx('fr-col-12', md && `fr-col-md-${md}`)}
      style={alignEnd ? { alignSelf: 'flex-end' } : undefined}
    >
      {children}
    </div>
  );
}

/** partners-api's message on a filter, under its field. */
const stateOf = (error: string | undefined) =>
  error
    ? ({ state: 'error', stateRelatedMessage: error } as const)
    : ({ state: 'default' } as const);

/** A text filter in its cell, showing the value of the URL. */
export function FilterInput({
  md,
  label,
  hintText,
  error,
  id,
  name,
  type,
  inputMode,
  value,
}: {
  md: ColumnWidth;
  label: string;
  hintText: string;
  error?: string;
  id: string;
  name: string;
  type?: 'search' | 'date';
  inputMode?: 'numeric';
  value: string | undefined;
}) {
  return (
    <FilterCell md={md}>
      <Input
        label={label}
        hintText={hintText}
        {...stateOf(error)}
        nativeInputProps={{
          id,
          name,
          ...(type ? { type } : {}),
          ...(inputMode ? { inputMode } : {}),
          defaultValue: value ?? '',
        }}
      />
    </FilterCell>
  );
}

/** A drop-down filter in its cell, showing the value of the URL; `allLabel` is the empty choice. */
export function FilterSelect({
  md,
  label,
  error,
  id,
  name,
  value,
  allLabel,
  options,
}: {
  md: ColumnWidth;
  label: string;
  error?: string;
  id: string;
  name: string;
  value: string | undefined;
  allLabel?: string;
  /** `[value, label]`, in the order shown. */
  options: readonly (readonly [string, string])[];
}) {
  return (
    <FilterCell md={md}>
      <Select
        label={label}
        {...stateOf(error)}
        nativeSelectProps={{ id, name, defaultValue: value ?? '' }}
      >
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </Select>
    </FilterCell>
  );
}

/** partners-api did not answer the list: a 400 is about the filters, each one saying why under it. */
export function AdminListError({
  status,
  message,
  title,
}: {
  status: number;
  message: string;
  title: string;
}) {
  return (
    <Alert
      severity="error"
      title={status === 400 ? 'Certains filtres sont invalides' : title}
      description={message}
    />
  );
}

/** « 12 demandes — page 1 sur 2 », announced to screen readers when the list changes. */
export function ResultCount({
  data,
  page,
  noun: [singular, pluralForm],
}: {
  data: Pick<Page<unknown>, 'total' | 'pageSize' | 'totalIsCapped'>;
  page: number;
  noun: readonly [string, string];
}) {
  const pages = pageCount(data.total, data.pageSize);
  const count = plural(data.total, singular, pluralForm);
  return (
    <p role="status" className={fr.cx('fr-text--bold')}>
      {data.totalIsCapped
        ? `Plus de ${count} : affinez votre recherche`
        : count}
      {pages > 1 &&
        ` — page ${page} sur ${data.totalIsCapped ? `au moins ${pages}` : pages}`}
    </p>
  );
}

/**
 * A page of a filtered list of requests (« demandes »): the count, the table (`children`, given the
 * page's items) and the pagination; an empty list says whether the filters are the reason, with a way
 * back to all; a list partners-api did not give says why (`errorTitle`).
 */
export function RequestResults<T>({
  result,
  errorTitle,
  path,
  filters,
  page,
  hasFilters,
  emptyMessage,
  children,
}: {
  result: ApiResult<Page<T>>;
  errorTitle: string;
  path: string;
  filters: Partial<Record<string, string>>;
  page: number;
  hasFilters: boolean;
  /** What an empty list says when no filter is set. */
  emptyMessage: string;
  children: (items: T[]) => ReactNode;
}) {
  if (!result.ok) {
    return (
      <AdminListError
        status={result.status}
        message={result.error.message}
        title={errorTitle}
      />
    );
  }
  const data = result.data;
  if (data.total === 0) {
    return (
      <div className={fr.cx('fr-py-4w')}>
        <p role="status" className={fr.cx('fr-text--lg', 'fr-text--bold')}>
          {hasFilters
            ? 'Aucune demande ne correspond à ces critères.'
            : emptyMessage}
        </p>
        {hasFilters && <Link href={path}>Afficher toutes les demandes</Link>}
      </div>
    );
  }
  return (
    <>
      <ResultCount data={data} page={page} noun={['demande', 'demandes']} />
      {data.items.length === 0 ? (
        <p>
          Cette page est vide.{' '}
          <Link href={`${path}${toQueryString(filters)}`}>
            Revenir à la première page
          </Link>
        </p>
      ) : (
        children(data.items)
      )}
      <AdminPagination
        path={path}
        filters={filters}
        page={page}
        total={data.total}
        pageSize={data.pageSize}
      />
    </>
  );
}

/** The organisation column of the request lists: its name, its SIRET under it. */
export function OrganisationCell({
  organisation,
}: {
  organisation: { name: string; siret: string };
}) {
  return (
    <>
      {organisation.name}
      <br />
      <span className={fr.cx('fr-text--xs')}>
        SIRET {formatSiret(organisation.siret)}
      </span>
    </>
  );
}
