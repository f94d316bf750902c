import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  API_HABILITATION_REQUEST_STATUS_LABELS,
  type ApiHabilitationRequestStatus,
} from '@federation/partners-contracts';

const SEVERITY = {
  submitted: 'info',
  validated: 'success',
  refused: 'error',
} as const satisfies Record<
  ApiHabilitationRequestStatus,
  BadgeProps['severity']
>;

/** « En cours d’examen », « Validée », « Refusée ». */
export function ApiRequestStatusBadge({
  status,
  small = false,
}: {
  status: ApiHabilitationRequestStatus;
  small?: boolean;
}) {
  return (
    <Badge small={small} severity={SEVERITY[status]}>
      {API_HABILITATION_REQUEST_STATUS_LABELS[status]}
    </Badge>
  );
}
