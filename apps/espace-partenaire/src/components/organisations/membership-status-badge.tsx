import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import type {
  MembershipRole,
  MembershipStatus,
} from '@federation/partners-contracts';

const STATUS: Record<
  MembershipStatus,
  { label: string; severity: BadgeProps['severity'] }
> = {
  active: { label: 'Active', severity: 'success' },
  pending: { label: 'En attente de modération', severity: 'new' },
  rejected: { label: 'Refusée', severity: 'error' },
};

export const ROLE_LABELS: Record<MembershipRole, string> = {
  admin: 'Administrateur',
  member: 'Membre',
};

/** The DSFR badge of a membership: active, waiting for the platform's moderators, or refused. */
export function MembershipStatusBadge({
  status,
}: {
  status: MembershipStatus;
}) {
  return (
    <Badge severity={STATUS[status].severity} small as="span">
      {STATUS[status].label}
    </Badge>
  );
}
