import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import {
  API_HABILITATION_REQUEST_STATUS_LABELS,
  API_JUSTIFICATION_LENGTH,
  type ApiHabilitationRequestStatus,
  type ApiHabilitationRequestView,
  type DataProviderScopeView,
  type DataProviderView,
  type Page,
} from '@federation/partners-contracts';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { Trimmed } from '../../habilitations/content/transforms';

export const API_HABILITATION_REQUEST_STATUSES = Object.keys(API_HABILITATION_REQUEST_STATUS_LABELS) as ApiHabilitationRequestStatus[];

/** The shapes are checked here; that the FD and its scopes exist in the catalogue, by the service (`scopes.1`). */
export class CreateApiHabilitationRequestDto {
  @ApiProperty({ maxLength: 64, example: 'dgfip', description: 'Le fournisseur de données (`GET /api/data-providers`).' })
  @Trimmed()
  @IsString({ message: 'Choisissez un fournisseur de données.' })
  @Length(1, 64, { message: 'Choisissez un fournisseur de données.' })
  dataProviderSlug!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 50, example: ['dgfip_rfr'], description: 'Des données de ce fournisseur uniquement.' })
  @IsArray({ message: 'Cochez au moins une donnée.' })
  @ArrayMinSize(1, { message: 'Cochez au moins une donnée.' })
  @ArrayMaxSize(50, { message: 'Cochez 50 données au plus.' })
  @IsString({ each: true, message: 'Chaque donnée doit être du texte.' })
  @MaxLength(64, { each: true, message: 'Cette donnée n’existe pas.' })
  scopes!: string[];

  @ApiProperty({
    minLength: API_JUSTIFICATION_LENGTH.min,
    maxLength: API_JUSTIFICATION_LENGTH.max,
    example: 'Le quotient familial calcule le tarif de la cantine sans demander l’avis d’imposition aux familles.',
  })
  @Trimmed()
  @IsString({ message: 'La justification doit être du texte.' })
  @Length(API_JUSTIFICATION_LENGTH.min, API_JUSTIFICATION_LENGTH.max, {
    message: `Expliquez en ${API_JUSTIFICATION_LENGTH.min} à 4 000 caractères pourquoi votre service a besoin de ces données.`,
  })
  justification!: string;
}

/** The admins' queue, newest first. */
export class AdminApiHabilitationRequestsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: API_HABILITATION_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(API_HABILITATION_REQUEST_STATUSES, { message: `Statut inconnu : choisissez parmi ${API_HABILITATION_REQUEST_STATUSES.join(', ')}.` })
  status?: ApiHabilitationRequestStatus;

  @ApiPropertyOptional({ minLength: 2, maxLength: 100, description: 'Cherche dans le projet, le nom de l’organisation, le SIRET et le fournisseur de données.' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'La recherche doit être du texte.' })
  @Length(2, 100, { message: 'La recherche doit comporter entre 2 et 100 caractères.' })
  search?: string;
}

class ScopeEntry implements DataProviderScopeView {
  @ApiProperty({ example: 'dgfip_rfr' }) scope!: string;
  @ApiProperty({ example: 'Revenu fiscal de référence' }) label!: string;
}

export class DataProviderResponse implements DataProviderView {
  @ApiProperty({ example: 'dgfip' }) slug!: string;
  @ApiProperty({ example: 'Direction générale des Finances publiques' }) name!: string;
  @ApiProperty({ type: [ScopeEntry] }) scopes!: ScopeEntry[];
}

class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '21690123100011' }) siret!: string;
  @ApiProperty() name!: string;
}

class DataProviderRef {
  @ApiProperty({ example: 'dgfip' }) slug!: string;
  @ApiProperty({ example: 'Direction générale des Finances publiques' }) name!: string;
}

export class ApiHabilitationRequestResponse implements ApiHabilitationRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) habilitationId!: string;
  @ApiProperty({ type: String, nullable: true }) habilitationProjectName!: string | null;
  @ApiProperty({ type: OrganisationRef }) organisation!: OrganisationRef;
  @ApiProperty({ type: DataProviderRef }) dataProvider!: DataProviderRef;
  @ApiProperty({ type: [ScopeEntry] }) scopes!: ScopeEntry[];
  @ApiProperty() justification!: string;
  @ApiProperty({ enum: API_HABILITATION_REQUEST_STATUSES }) status!: ApiHabilitationRequestStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Le message de l’instructeur ; le motif en cas de refus.' }) decisionMessage!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ApiHabilitationRequestPageResponse implements Page<ApiHabilitationRequestView> {
  @ApiProperty({ type: [ApiHabilitationRequestResponse] }) items!: ApiHabilitationRequestResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
