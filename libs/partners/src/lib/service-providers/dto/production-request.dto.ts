import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  PRODUCTION_REQUEST_STATUS_LABELS,
  type Contact,
  type Page,
  type ProductionRequestStatus,
  type ProductionRequestView,
} from '@federation/partners-contracts';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { TechnicalContactDto } from '../../habilitations/content/contacts-step.dto';
import { Trimmed } from '../../habilitations/content/transforms';
import { MAX_URI_LENGTH } from '../client-uris';
import { TrimmedEach } from './service-provider.dto';

export const PRODUCTION_REQUEST_STATUSES = Object.keys(PRODUCTION_REQUEST_STATUS_LABELS) as ProductionRequestStatus[];

const URI_LIST_MESSAGE = 'Ce champ doit être une liste d’adresses.';
const URI_MESSAGE = 'Chaque adresse doit être du texte.';

/** The URIs are checked by the service (each one named in the errors: `redirectUris.1`), after the shapes checked here. */
export class CreateProductionRequestDto {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Portail famille' })
  @Trimmed()
  @IsString({ message: 'Le nom du service doit être du texte.' })
  @Length(2, 200, { message: 'Le nom du service doit comporter entre 2 et 200 caractères.' })
  serviceName!: string;

  @ApiProperty({ example: 'https://portail.mairie-exemple.fr/connexion', description: 'La page du service qui affiche le bouton FranceConnect.' })
  @Trimmed()
  @IsString({ message: 'Saisissez l’adresse de la page qui affiche le bouton FranceConnect.' })
  @MaxLength(MAX_URI_LENGTH + 1, { message: 'Cette adresse est trop longue.' })
  connectPageUrl!: string;

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: 10,
    example: ['https://portail.mairie-exemple.fr/login-callback'],
    description: 'Adresses absolues en https, sans fragment, joker ni identifiant ; 1 à 10, sans doublon.',
  })
  @TrimmedEach()
  @IsArray({ message: URI_LIST_MESSAGE })
  @IsString({ each: true, message: URI_MESSAGE })
  redirectUris!: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 10, default: [], example: ['https://portail.mairie-exemple.fr/logout-callback'], description: 'Mêmes règles ; 0 à 10.' })
  @ValidateIf((dto: CreateProductionRequestDto) => dto.postLogoutRedirectUris !== undefined)
  @TrimmedEach()
  @IsArray({ message: URI_LIST_MESSAGE })
  @IsString({ each: true, message: URI_MESSAGE })
  postLogoutRedirectUris?: string[];

  @ApiProperty({ type: TechnicalContactDto, description: 'Le contact technique du service en production (mobile obligatoire).' })
  @IsDefined({ message: 'Indiquez le contact technique.' })
  @IsObject({ message: 'Le contact technique doit être un objet.' })
  @ValidateNested()
  @Type(() => TechnicalContactDto)
  technicalContact!: TechnicalContactDto;
}

/** The production requests queue of the admins, newest first. */
export class AdminProductionRequestsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: PRODUCTION_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(PRODUCTION_REQUEST_STATUSES, { message: `Statut inconnu : choisissez parmi ${PRODUCTION_REQUEST_STATUSES.join(', ')}.` })
  status?: ProductionRequestStatus;

  @ApiPropertyOptional({ minLength: 2, maxLength: 100, description: 'Cherche dans le nom du service, le nom de l’organisation et le SIRET.' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'La recherche doit être du texte.' })
  @Length(2, 100, { message: 'La recherche doit comporter entre 2 et 100 caractères.' })
  search?: string;
}

class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '11000101300017' }) siret!: string;
  @ApiProperty() name!: string;
}

class VendorRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class ContactResponse implements Contact {
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ example: '+33612345678' }) phone!: string;
  @ApiProperty() jobTitle!: string;
}

export class ProductionRequestResponse implements ProductionRequestView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) habilitationId!: string;
  @ApiProperty({ type: String, nullable: true }) habilitationProjectName!: string | null;
  @ApiProperty({ type: OrganisationRef }) organisation!: OrganisationRef;
  @ApiProperty({ enum: PRODUCTION_REQUEST_STATUSES }) status!: ProductionRequestStatus;
  @ApiProperty() serviceName!: string;
  @ApiProperty() connectPageUrl!: string;
  @ApiProperty({ type: [String] }) redirectUris!: string[];
  @ApiProperty({ type: [String] }) postLogoutRedirectUris!: string[];
  @ApiProperty({ type: ContactResponse }) technicalContact!: ContactResponse;
  @ApiProperty({ type: VendorRef, nullable: true, description: 'L’éditeur qualifié dont la solution dispense d’examen technique.' }) vendor!: VendorRef | null;
  @ApiProperty({ type: String, nullable: true }) decisionMessage!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Le client de production délivré.' }) serviceProviderId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ProductionRequestPageResponse implements Page<ProductionRequestView> {
  @ApiProperty({ type: [ProductionRequestResponse] }) items!: ProductionRequestResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
