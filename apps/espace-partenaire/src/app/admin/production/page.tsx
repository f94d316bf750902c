import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  PRODUCTION_REQUEST_STATUS_LABELS,
  type ProductionRequestView,
} from '@federation/partners-contracts';
import type { Metadata } from 'next';
import Link from 'next/link';

import { formatDate } from '../../../components/admin/admin-format';
import { OrganisationCell } from '../../../components/admin/admin-list';
import { RequestQueuePage } from '../../../components/admin/request-queue-page';
import type { PageSearchParams } from '../../../components/admin/search-params';
import { ProductionRequestStatusBadge } from '../../../components/service-providers/badges';
import { adminProductionPath } from '../../../components/service-providers/service-provider-labels';

export const metadata: Metadata = { title: 'Mises en production' };

/** The production requests, newest first, with filters that work without JavaScript. */
export default function ProductionQueuePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  return (
    <RequestQueuePage<ProductionRequestView>
      searchParams={searchParams}
      current="production"
      path={adminProductionPath()}
      apiPath="/api/admin/production-requests"
      title="Mises en production"
      lead="Les demandes d’accès de production des habilitations validées, la plus récente d’abord."
      filterLabel="Filtrer les demandes de mise en production"
      searchHint="Nom du service, de l’organisation ou SIRET"
      statusLabels={PRODUCTION_REQUEST_STATUS_LABELS}
      emptyMessage="Aucune demande de mise en production pour l’instant."
      table={(items) => <ProductionTable items={items} />}
    />
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
