import { fr } from '@codegouvfr/react-dsfr';
import type { ApiHabilitationRequestView } from '@federation/partners-contracts';

import { formatDateTime } from '../habilitations/format';
import { ApiRequestStatusBadge } from './api-request-status-badge';

/** The API FranceConnectée requests of a habilitation, newest first: FD, scopes, status, the instructor's decision. */
export function ApiRequestList({
  requests,
}: {
  requests: ApiHabilitationRequestView[];
}) {
  if (requests.length === 0)
    return <p>Aucune demande d’API FranceConnectée pour l’instant.</p>;
  const sorted = [...requests].sort((a, b) =>
    b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <ul className={fr.cx('fr-raw-list')} data-testid="api-requests">
      {sorted.map((request) => (
        <li
          key={request.id}
          className={fr.cx('fr-p-3w', 'fr-mb-3w')}
          style={{ border: '1px solid var(--border-default-grey)' }}
          data-testid="api-request"
        >
          <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>
            {request.dataProvider.name}
          </h3>
          <ApiRequestStatusBadge status={request.status} small />
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
          <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-0')}>
            Données demandées
          </p>
          <ul
            className={fr.cx('fr-text--sm', 'fr-mb-1w')}
            data-testid="api-request-scopes"
          >
            {request.scopes.map((scope) => (
              <li key={scope.scope}>
                {scope.label} (<code>{scope.scope}</code>)
              </li>
            ))}
          </ul>
          {request.status === 'submitted' && (
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
              Un instructeur examine la demande : vous serez prévenu de sa
              décision.
            </p>
          )}
          {request.status === 'validated' && (
            <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
              Ces données sont autorisées pour tous les accès de cette
              habilitation (bac à sable et production).
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
        </li>
      ))}
    </ul>
  );
}
