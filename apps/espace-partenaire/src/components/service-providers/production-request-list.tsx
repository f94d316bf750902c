import { fr } from '@codegouvfr/react-dsfr';
import type { ProductionRequestView } from '@federation/partners-contracts';
import Link from 'next/link';

import { formatDateTime } from '../habilitations/format';
import { ProductionRequestStatusBadge } from './badges';
import { accessPath } from './service-provider-labels';

/** The production requests of a habilitation, newest first, with the instructor's decision. */
export function ProductionRequestList({
  requests,
}: {
  requests: ProductionRequestView[];
}) {
  if (requests.length === 0)
    return <p>Aucune demande de mise en production pour l’instant.</p>;
  const sorted = [...requests].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className={fr.cx('fr-raw-list')} data-testid="production-requests">
      {sorted.map((request) => (
        <li
          key={request.id}
          className={fr.cx('fr-p-3w', 'fr-mb-3w')}
          style={{ border: '1px solid var(--border-default-grey)' }}
          data-testid="production-request"
        >
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>{request.serviceName}</h3>
          <ProductionRequestStatusBadge status={request.status} small />
          <p className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-1w')}>
            Déposée le{' '}
            <time dateTime={request.createdAt}>
              {formatDateTime(request.createdAt)}
            </time>
            {request.decidedAt && (
              <>
                {request.status === 'refused'
                  ? ', refusée le '
                  : ', validée le '}
                <time dateTime={request.decidedAt}>
                  {formatDateTime(request.decidedAt)}
                </time>
              </>
            )}
            .
          </p>
          {request.vendor && (
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
              Solution de l’éditeur qualifié {request.vendor.name} : pas
              d’examen technique.
            </p>
          )}
          {request.status === 'submitted' && (
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
              Un instructeur examine la demande : vous serez prévenu de sa
              décision.
            </p>
          )}
          {request.decisionMessage && (
            <div className={fr.cx('fr-mb-1w')}>
              <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-0')}>
                {request.status === 'refused'
                  ? 'Motif du refus'
                  : 'Message de l’instructeur'}
              </p>
              <blockquote
                className={fr.cx('fr-highlight', 'fr-ml-0', 'fr-my-1w')}
                data-testid="decision-message"
              >
                <p style={{ whiteSpace: 'pre-line' }}>
                  {request.decisionMessage}
                </p>
              </blockquote>
            </div>
          )}
          {request.status === 'validated' && request.serviceProviderId && (
            <Link
              href={accessPath(
                request.habilitationId,
                request.serviceProviderId,
              )}
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
          )}
        </li>
      ))}
    </ul>
  );
}
