import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import { HABILITATION_STATUS_LABELS, type HabilitationStatus } from '@federation/partners-contracts';

const SEVERITY: Record<HabilitationStatus, BadgeProps['severity'] | undefined> = {
  draft: undefined,
  submitted: 'info',
  changes_requested: 'warning',
  validated: 'success',
  refused: 'error',
  revoked: 'error',
};

/** The DSFR badge of a request's status, with its French label. */
export function StatusBadge({ status, small = false }: { status: HabilitationStatus; small?: boolean }) {
  return (
    <Badge severity={SEVERITY[status]} small={small} noIcon={SEVERITY[status] === undefined}>
      {HABILITATION_STATUS_LABELS[status]}
    </Badge>
  );
}
