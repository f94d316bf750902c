import { ApiProperty } from '@nestjs/swagger';
import type {
  EstablishmentView,
  JoinOutcome,
  JoinResult,
  MemberView,
  MembershipRole,
  MembershipStatus,
  MembershipView,
  ModerationItemView,
  OrganisationView,
  Page,
} from '@federation/partners-contracts';

/** OpenAPI shapes of the organisation answers; each implements its contract type so they cannot drift. */

export class EstablishmentResponse implements EstablishmentView {
  @ApiProperty({ example: '21690123100011' }) siret!: string;
  @ApiProperty({ example: '216901231' }) siren!: string;
  @ApiProperty({ example: 'Commune de Lyon' }) name!: string;
  @ApiProperty({
    description: '« adresse, code postal ville »',
    example: '1 place de la Comédie, 69001 Lyon',
  })
  address!: string;
  @ApiProperty() isHeadOffice!: boolean;
  @ApiProperty({
    description:
      'false quand l’établissement est fermé : il ne peut pas être rejoint.',
  })
  active!: boolean;
}

export class OrganisationResponse implements OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() siret!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() isHeadOffice!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MembershipResponse implements MembershipView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['admin', 'member'] }) role!: MembershipRole;
  @ApiProperty({ enum: ['active', 'pending', 'rejected'] })
  status!: MembershipStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Motif donné par l’administrateur lors d’un refus.',
  })
  rejectionReason!: string | null;
  @ApiProperty({ type: OrganisationResponse })
  organisation!: OrganisationResponse;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class JoinResultResponse implements JoinResult {
  @ApiProperty({
    enum: ['organisation_created', 'joined', 'pending_moderation'],
  })
  outcome!: JoinOutcome;
  @ApiProperty({
    description:
      'Explication en français (adresse du support quand la demande attend une vérification).',
  })
  message!: string;
  @ApiProperty({ type: MembershipResponse }) membership!: MembershipResponse;
}

export class MemberResponse implements MemberView {
  @ApiProperty({ format: 'uuid' }) membershipId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['admin', 'member'] }) role!: MembershipRole;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
}

class ModerationAccountResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
}

export class ModerationItemResponse implements ModerationItemView {
  @ApiProperty({ format: 'uuid' }) membershipId!: string;
  @ApiProperty({ enum: ['active', 'pending', 'rejected'] })
  status!: MembershipStatus;
  @ApiProperty({ type: ModerationAccountResponse })
  account!: ModerationAccountResponse;
  @ApiProperty({ type: OrganisationResponse })
  organisation!: OrganisationResponse;
  @ApiProperty({
    type: [String],
    description: 'Domaines des adresses des membres actifs de l’organisation.',
  })
  memberDomains!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ModerationPageResponse implements Page<ModerationItemView> {
  @ApiProperty({ type: [ModerationItemResponse] })
  items!: ModerationItemResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
