import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { AuditEntryView } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { AdminPagination } from '../../../components/admin/admin-pagination';
import { AdminShell } from '../../../components/admin/admin-shell';
import { formatDateTime } from '../../../components/admin/admin-format';
import {
  AdminListError,
  FilterCell,
  FilterForm,
  FilterInput,
  FilterSelect,
  ResultCount,
} from '../../../components/admin/admin-list';
import { loadAdminList } from '../../../components/admin/admin-list.server';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_LABELS,
  auditActionLabel,
  auditDetailLines,
} from '../../../components/admin/audit-labels';
import { FilterActions } from '../../../components/admin/filter-actions';
import {
  type PageSearchParams,
  toQueryString,
} from '../../../components/admin/search-params';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';

export const metadata: Metadata = { title: 'Journal d’audit' };

const PATH = '/admin/journal';
const FILTERS = ['action', 'targetType', 'targetId'] as const;
const PAGE_SIZE = 30;

/** The audit log of the admins' actions, newest first. */
export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const { filters, page, result, field } = await loadAdminList<
    AuditEntryView,
    (typeof FILTERS)[number]
  >({
    path: PATH,
    apiPath: '/api/admin/audit-log',
    filterKeys: FILTERS,
    pageSize: PAGE_SIZE,
    searchParams,
  });

  return (
    <AdminShell current="journal">
      <StartDsfrOnHydration />
      <h1>Journal d’audit</h1>
      <p className={fr.cx('fr-text--lead')}>
        Chaque action des administrateurs, la plus récente d’abord.
      </p>

      <FilterForm action={PATH} label="Filtrer le journal">
        <FilterSelect
          md={4}
          label="Action"
          {...field('action')}
          id="filtre-action"
          allLabel="Toutes les actions"
          options={Object.entries(AUDIT_ACTION_LABELS)}
        />
        <FilterSelect
          md={4}
          label="Type de cible"
          {...field('targetType')}
          id="filtre-cible"
          allLabel="Tous les types"
          options={Object.entries(AUDIT_TARGET_LABELS)}
        />
        <FilterInput
          md={4}
          label="Identifiant de la cible"
          hintText="Par exemple celui d’une demande"
          {...field('targetId')}
          id="filtre-id"
        />
        <FilterCell>
          <FilterActions clearHref={PATH} />
        </FilterCell>
      </FilterForm>

      {!result.ok ? (
        <AdminListError
          status={result.status}
          message={result.error.message}
          title="Le journal n’a pas pu être chargé"
        />
      ) : result.data.total === 0 ? (
        <p
          role="status"
          className={fr.cx('fr-text--lg', 'fr-text--bold', 'fr-py-4w')}
        >
          {Object.keys(filters).length > 0
            ? 'Aucune entrée ne correspond à ces critères.'
            : 'Le journal est vide.'}
        </p>
      ) : (
        <>
          <ResultCount
            data={result.data}
            page={page}
            noun={['entrée', 'entrées']}
          />
          <Table
            caption="Journal d’audit"
            noCaption
            headers={['Date', 'Administrateur', 'Action', 'Cible', 'Détails']}
            data={result.data.items.map((entry) => [
              <time key="at" dateTime={entry.at}>
                {formatDateTime(entry.at)}
              </time>,
              entry.actor?.email ?? 'Compte supprimé',
              auditActionLabel(entry.action),
              <AuditTarget key="target" entry={entry} />,
              <AuditDetails key="details" details={entry.details} />,
            ])}
          />
          <AdminPagination
            path={PATH}
            filters={filters}
            page={page}
            total={result.data.total}
            pageSize={result.data.pageSize}
          />
        </>
      )}
    </AdminShell>
  );
}

function AuditTarget({ entry }: { entry: AuditEntryView }) {
  const label = AUDIT_TARGET_LABELS[entry.targetType] ?? entry.targetType;
  return (
    <>
      {entry.targetType === 'habilitation' ? (
        <Link href={`/admin/habilitations/${entry.targetId}`}>{label}</Link>
      ) : (
        label
      )}
      <br />
      <Link
        className={fr.cx('fr-text--xs')}
        href={`${PATH}${toQueryString({ targetType: entry.targetType, targetId: entry.targetId })}`}
        title={`Toutes les actions sur cette cible (${entry.targetId})`}
      >
        <code>{entry.targetId.slice(0, 8)}</code>
        <span className={fr.cx('fr-sr-only')}>
          {' '}
          : toutes les actions sur cette cible
        </span>
      </Link>
    </>
  );
}

function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const lines = auditDetailLines(details);
  if (lines.length === 0) return <>—</>;
  return (
    <ul className={fr.cx('fr-raw-list', 'fr-text--sm', 'fr-mb-0')}>
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}
