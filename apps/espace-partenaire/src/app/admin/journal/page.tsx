import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { AuditEntryView, Page } from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';

import { AdminPagination } from '../../../components/admin/admin-pagination';
import { AdminShell } from '../../../components/admin/admin-shell';
import { formatDateTime, plural } from '../../../components/admin/admin-format';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_TARGET_LABELS,
  auditActionLabel,
  auditDetailLines,
} from '../../../components/admin/audit-labels';
import {
  type PageSearchParams,
  pageCount,
  pageNumber,
  pickFilters,
  toQueryString,
} from '../../../components/admin/search-params';
import { StartDsfrOnHydration } from '../../../dsfr-bootstrap';
import { requirePlatformAdmin } from '../../../server/auth';
import { callApi, fieldErrors } from '../../../server/partners-api';
import { FilterActions } from '../../../components/admin/filter-actions';

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
  const params = await searchParams;
  const filters = pickFilters(params, FILTERS);
  const page = pageNumber(params);
  await requirePlatformAdmin(
    `${PATH}${toQueryString({ ...filters, page: page > 1 ? page : undefined })}`,
  );

  const result = await callApi<Page<AuditEntryView>>(
    'GET',
    `/api/admin/audit-log${toQueryString({ ...filters, page, pageSize: PAGE_SIZE })}`,
  );
  const errors = result.ok ? {} : fieldErrors(result.error.errors);
  const fieldState = (name: (typeof FILTERS)[number]) =>
    errors[name]
      ? ({ state: 'error', stateRelatedMessage: errors[name] } as const)
      : ({ state: 'default' } as const);

  return (
    <AdminShell current="journal">
      <StartDsfrOnHydration />
      <h1>Journal d’audit</h1>
      <p className={fr.cx('fr-text--lead')}>
        Chaque action des administrateurs, la plus récente d’abord.
      </p>

      <Form
        action={PATH}
        role="search"
        aria-label="Filtrer le journal"
        className={fr.cx('fr-mb-4w')}
      >
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Select
              label="Action"
              {...fieldState('action')}
              nativeSelectProps={{
                id: 'filtre-action',
                name: 'action',
                defaultValue: filters.action ?? '',
              }}
            >
              <option value="">Toutes les actions</option>
              {Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => (
                <option key={action} value={action}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Select
              label="Type de cible"
              {...fieldState('targetType')}
              nativeSelectProps={{
                id: 'filtre-cible',
                name: 'targetType',
                defaultValue: filters.targetType ?? '',
              }}
            >
              <option value="">Tous les types</option>
              {Object.entries(AUDIT_TARGET_LABELS).map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Identifiant de la cible"
              hintText="Par exemple celui d’une demande"
              {...fieldState('targetId')}
              nativeInputProps={{
                id: 'filtre-id',
                name: 'targetId',
                defaultValue: filters.targetId ?? '',
              }}
            />
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
              : 'Le journal n’a pas pu être chargé'
          }
          description={result.error.message}
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
          <p role="status" className={fr.cx('fr-text--bold')}>
            {plural(result.data.total, 'entrée', 'entrées')}
            {pageCount(result.data.total, result.data.pageSize) > 1 &&
              ` — page ${page} sur ${pageCount(result.data.total, result.data.pageSize)}`}
          </p>
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
