import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HABILITATION_ACTIONS,
  HABILITATION_STATUSES,
  HABILITATION_STEPS,
  type FieldError,
  type HabilitationAction,
  type HabilitationContent,
  type HabilitationEventType,
  type HabilitationEventView,
  type HabilitationMessageView,
  type HabilitationStatus,
  type HabilitationStep,
  type HabilitationSummaryView,
  type HabilitationView,
  type Page,
  type StepProgress,
} from '@federation/partners-contracts';

/** OpenAPI shapes of the answers; each implements its contract so the two cannot drift apart. */

export class FieldErrorResponse implements FieldError {
  @ApiProperty({ example: 'contacts.dpo.email' }) field!: string;
  @ApiProperty({ type: [String] }) messages!: string[];
}

class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '11000101300017' }) siret!: string;
  @ApiProperty() name!: string;
}

export class HabilitationSummaryResponse implements HabilitationSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['franceconnect'] }) type!: 'franceconnect';
  @ApiProperty({ enum: HABILITATION_STATUSES }) status!: HabilitationStatus;
  @ApiProperty({ type: String, nullable: true }) projectName!: string | null;
  @ApiProperty({ type: OrganisationRef }) organisation!: OrganisationRef;
  @ApiProperty({ description: 'Une version validée est en vigueur (validée, ou mise à jour en cours).' }) hasVersionInForce!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class StepProgressResponse implements StepProgress {
  @ApiProperty({ enum: HABILITATION_STEPS }) step!: HabilitationStep;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: [FieldErrorResponse], description: 'Chemins relatifs à l’étape.' }) errors!: FieldErrorResponse[];
}

export class HabilitationResponse extends HabilitationSummaryResponse implements HabilitationView {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'La copie de travail : les étapes enregistrées (project, data, legal, contacts, terms).' })
  content!: HabilitationContent;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true, description: 'La version en vigueur, gardée pendant une mise à jour.' })
  validatedContent!: HabilitationContent | null;
  @ApiProperty() validatedVersion!: number;
  @ApiProperty({ type: [StepProgressResponse] }) steps!: StepProgressResponse[];
  @ApiProperty({ enum: HABILITATION_ACTIONS, isArray: true, description: 'Les actions permises à l’appelant.' }) allowedActions!: HabilitationAction[];
}

export class HabilitationPageResponse implements Page<HabilitationSummaryView> {
  @ApiProperty({ type: [HabilitationSummaryResponse] }) items!: HabilitationSummaryResponse[];
  @ApiProperty() total!: number;
  @ApiPropertyOptional({ description: 'Vrai quand une recherche textuelle a cessé de compter à 1 000 résultats.' }) totalIsCapped?: boolean;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

class ActorRef {
  @ApiProperty({ enum: ['applicant', 'instructor'] }) role!: 'applicant' | 'instructor';
  @ApiProperty() name!: string;
}

export class HabilitationEventResponse implements HabilitationEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['created', 'submitted', 'changes_requested', 'validated', 'refused', 'revoked', 'reopened'] }) type!: HabilitationEventType;
  @ApiProperty({ enum: HABILITATION_STATUSES, nullable: true }) fromStatus!: HabilitationStatus | null;
  @ApiProperty({ enum: HABILITATION_STATUSES }) toStatus!: HabilitationStatus;
  @ApiProperty({ type: ActorRef }) actor!: ActorRef;
  @ApiProperty({ type: String, nullable: true }) message!: string | null;
  @ApiProperty({ type: [String], example: ['contacts.dpo.email'] }) changedFields!: string[];
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class HabilitationMessageResponse implements HabilitationMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: ActorRef }) author!: ActorRef;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}
