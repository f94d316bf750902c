import { fr } from '@codegouvfr/react-dsfr';
import type { ProductionRequestView } from '@federation/partners-contracts';
import Link from 'next/link';

import { ReviewedRequestList } from '../habilitations/reviewed-request-list';
import { ProductionRequestStatusBadge } from './badges';
import { accessPath } from './service-provider-labels';

/** The production requests of a habilitation, newest first, with the instructor's decision. */
export function ProductionRequestList({
  requests,
}: {
  requests: ProductionRequestView[];
}) {
  return (
    <ReviewedRequestList
      requests={requests}
      emptyMessage="Aucune demande de mise en production pour l’instant."
      testId="production-request"
      title={(request) => request.serviceName}
      badge={(request) => (
        <ProductionRequestStatusBadge status={request.status} small />
      )}
      details={(request) =>
        request.vendor && (
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            Solution de l’éditeur qualifié {request.vendor.name} : pas d’examen
            technique.
          </p>
        )
      }
      actions={(request) =>
        request.status === 'validated' &&
        request.serviceProviderId && (
          <Link
            href={accessPath(request.habilitationId, request.serviceProviderId)}
            className={fr.cx(
              'fr-link',
              'fr-icon-arrow-right-line',
              'fr-link--icon-right',
            )}
          >
            Gérer l’accès de production
            <span className={fr.cx('fr-sr-only')}>
              {' '}
              de « {request.serviceName} »
            </span>
          </Link>
        )
      }
    />
  );
}
