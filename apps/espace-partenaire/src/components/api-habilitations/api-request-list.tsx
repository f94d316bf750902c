import { fr } from '@codegouvfr/react-dsfr';
import type { ApiHabilitationRequestView } from '@federation/partners-contracts';

import { ReviewedRequestList } from '../habilitations/reviewed-request-list';
import { ApiRequestStatusBadge } from './api-request-status-badge';

/** The API FranceConnectée requests of a habilitation, newest first: FD, scopes, status, the instructor's decision. */
export function ApiRequestList({
  requests,
}: {
  requests: ApiHabilitationRequestView[];
}) {
  return (
    <ReviewedRequestList
      requests={requests}
      emptyMessage="Aucune demande d’API FranceConnectée pour l’instant."
      testId="api-request"
      title={(request) => request.dataProvider.name}
      badge={(request) => (
        <ApiRequestStatusBadge status={request.status} small />
      )}
      details={(request) => (
        <>
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
        </>
      )}
      validatedNote="Ces données sont autorisées pour tous les accès de cette habilitation (bac à sable et production)."
    />
  );
}
