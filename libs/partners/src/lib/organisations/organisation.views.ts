import type {
  MemberView,
  MembershipView,
  OrganisationView,
} from '@federation/partners-contracts';
import type {
  AccountEntity,
  MembershipEntity,
  OrganisationEntity,
} from '@federation/partners-data';

export function toOrganisationView(
  organisation: OrganisationEntity,
): OrganisationView {
  return {
    id: organisation.id,
    siret: organisation.siret,
    name: organisation.name,
    address: organisation.address,
    isHeadOffice: organisation.isHeadOffice,
    createdAt: organisation.createdAt.toISOString(),
  };
}

export function toMembershipView(
  membership: MembershipEntity,
  organisation: OrganisationEntity,
): MembershipView {
  return {
    id: membership.id,
    role: membership.role,
    status: membership.status,
    rejectionReason: membership.rejectionReason,
    organisation: toOrganisationView(organisation),
    createdAt: membership.createdAt.toISOString(),
  };
}

export function toMemberView(
  membership: MembershipEntity,
  account: AccountEntity,
): MemberView {
  return {
    membershipId: membership.id,
    accountId: account.id,
    givenName: account.givenName,
    familyName: account.familyName,
    email: account.email,
    role: membership.role,
    // Accepted by moderation: a member from the decision on.
    joinedAt: (membership.decidedAt ?? membership.createdAt).toISOString(),
  };
}

export function displayName(
  account: Pick<AccountEntity, 'givenName' | 'familyName'>,
): string {
  return `${account.givenName} ${account.familyName}`;
}
