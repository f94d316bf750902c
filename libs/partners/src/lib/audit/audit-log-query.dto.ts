import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { AuditEntryView } from '@federation/partners-contracts';
import type { AuditEntry } from '../common/audit-log';
import { PaginationQueryDto } from '../common/pagination.dto';

export const AUDIT_TARGET_TYPES: AuditEntry['targetType'][] = [
  'habilitation',
  'membership',
  'vendor',
  'account',
  'organisation',
  'service_provider',
  'production_request',
  'api_habilitation_request',
];

export class AuditLogQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ example: 'habilitation.validate' })
  @IsOptional()
  @IsString({ message: 'L’action doit être du texte.' })
  @Length(1, 64, { message: 'L’action comporte 64 caractères au plus.' })
  action?: string;

  @ApiPropertyOptional({ enum: AUDIT_TARGET_TYPES })
  @IsOptional()
  @IsIn(AUDIT_TARGET_TYPES, { message: `Type de cible inconnu : choisissez parmi ${AUDIT_TARGET_TYPES.join(', ')}.` })
  targetType?: AuditEntry['targetType'];

  @ApiPropertyOptional({ description: 'L’identifiant de la cible (une demande, un éditeur…).' })
  @IsOptional()
  @IsString({ message: 'L’identifiant de la cible doit être du texte.' })
  @Length(1, 64, { message: 'L’identifiant de la cible comporte 64 caractères au plus.' })
  targetId?: string;
}

class AuditActor {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
}

export class AuditEntryResponse implements AuditEntryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: AuditActor, nullable: true }) actor!: AuditActor | null;
  @ApiProperty({ example: 'habilitation.validate' }) action!: string;
  @ApiProperty({ enum: AUDIT_TARGET_TYPES }) targetType!: string;
  @ApiProperty() targetId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items!: AuditEntryResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
