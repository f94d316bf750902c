import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  PRODUCTION_REQUEST_STATUS_LABELS,
  type ProductionRequestStatus,
  type ServiceProviderView,
} from '@federation/partners-contracts';

import { environmentLabel, publicationLabel } from './service-provider-labels';

/** « Bac à sable » (new, blue) or « Production » (green). */
export function EnvironmentBadge({
  environment,
  small = false,
}: {
  environment: ServiceProviderView['environment'];
  small?: boolean;
}) {
  return (
    <Badge
      small={small}
      noIcon
      severity={environment === 'production' ? 'success' : 'new'}
    >
      {environmentLabel(environment)}
    </Badge>
  );
}

const PUBLICATION_SEVERITY = {
  pending: 'info',
  published: 'success',
  failed: 'error',
} as const satisfies Record<string, BadgeProps['severity']>;

/** Where the client stands: revoked, or its latest configuration at the core (pending, published, failed). */
export function ClientStatusBadge({
  serviceProvider,
  small = false,
}: {
  serviceProvider: Pick<ServiceProviderView, 'status' | 'publication'>;
  small?: boolean;
}) {
  if (serviceProvider.status === 'revoked')
    return (
      <Badge small={small} severity="error">
        Révoqué
      </Badge>
    );
  const { publication } = serviceProvider;
  return (
    <Badge
      small={small}
      severity={
        publication ? PUBLICATION_SEVERITY[publication.status] : undefined
      }
      noIcon={!publication}
    >
      {publicationLabel(publication)}
    </Badge>
  );
}

const REQUEST_SEVERITY = {
  submitted: 'info',
  validated: 'success',
  refused: 'error',
} as const satisfies Record<ProductionRequestStatus, BadgeProps['severity']>;

/** « En cours d’examen », « Validée », « Refusée ». */
export function ProductionRequestStatusBadge({
  status,
  small = false,
}: {
  status: ProductionRequestStatus;
  small?: boolean;
}) {
  return (
    <Badge small={small} severity={REQUEST_SEVERITY[status]}>
      {PRODUCTION_REQUEST_STATUS_LABELS[status]}
    </Badge>
  );
}
