import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  API_HABILITATION_REQUEST_STATUS_LABELS,
  type ApiHabilitationRequestView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { formatDate } from '../../../components/admin/admin-format';
import { OrganisationCell } from '../../../components/admin/admin-list';
import { RequestQueuePage } from '../../../components/admin/request-queue-page';
import type { PageSearchParams } from '../../../components/admin/search-params';
import { adminApiRequestPath } from '../../../components/api-habilitations/api-request-labels';
import { ApiRequestStatusBadge } from '../../../components/api-habilitations/api-request-status-badge';

export const metadata: Metadata = { title: 'API FranceConnectées' };

/** The API FranceConnectée requests, newest first, with filters that work without JavaScript. */
export default function ApiRequestQueuePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  return (
    <RequestQueuePage<ApiHabilitationRequestView>
      searchParams={searchParams}
      current="api"
      path={adminApiRequestPath()}
      apiPath="/api/admin/api-requests"
      title="API FranceConnectées"
      lead="Les demandes de données des fournisseurs de données pour des habilitations validées, la plus récente d’abord."
      filterLabel="Filtrer les demandes d’API FranceConnectée"
      searchHint="Projet, organisation, SIRET ou fournisseur de données"
      statusLabels={API_HABILITATION_REQUEST_STATUS_LABELS}
      emptyMessage="Aucune demande d’API FranceConnectée pour l’instant."
      table={(items) => <ApiRequestTable items={items} />}
    />
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
