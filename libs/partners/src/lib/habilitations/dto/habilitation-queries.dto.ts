import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateBy } from 'class-validator';
import { HABILITATION_STATUSES, type HabilitationStatus } from '@federation/partners-contracts';
import { PaginationQueryDto } from '../../common/pagination.dto';
import { Trimmed } from '../content/transforms';

const STATUS_MESSAGE = `Statut inconnu : choisissez parmi ${HABILITATION_STATUSES.join(', ')}.`;
const DATE_MESSAGE = 'Saisissez une date valide au format AAAA-MM-JJ.';

export class ListHabilitationsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: HABILITATION_STATUSES })
  @IsOptional()
  @IsIn(HABILITATION_STATUSES, { message: STATUS_MESSAGE })
  status?: HabilitationStatus;
}

export const QUEUE_SORTS = ['submitted_asc', 'submitted_desc'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** The instruction queue: requests submitted at least once, oldest submission first unless told otherwise. */
export class AdminHabilitationsQueryDto extends ListHabilitationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'Cet identifiant d’organisation est invalide.' })
  organisationId?: string;

  @ApiPropertyOptional({ description: '14 chiffres (espaces tolérés).', example: '11000101300017' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s.]/g, '') : value))
  @Matches(/^\d{14}$/, { message: 'Le numéro SIRET doit comporter 14 chiffres.' })
  siret?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Soumises ce jour-là ou après (heure de Paris).', example: '2026-01-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  submittedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Soumises ce jour-là ou avant (heure de Paris).', example: '2026-01-31' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  @ValidateBy(
    {
      name: 'notBeforeSubmittedFrom',
      validator: {
        validate: (value, args) => {
          const from = (args?.object as AdminHabilitationsQueryDto).submittedFrom;
          return typeof from !== 'string' || typeof value !== 'string' || value >= from;
        },
      },
    },
    { message: 'La date de fin doit suivre la date de début.' },
  )
  submittedTo?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 100, description: 'Cherche dans le nom du projet, le nom de l’organisation et le SIRET.' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'La recherche doit être du texte.' })
  @Length(2, 100, { message: 'La recherche doit comporter entre 2 et 100 caractères.' })
  q?: string;

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'submitted_asc' })
  @IsOptional()
  @IsIn(QUEUE_SORTS, { message: `Tri inconnu : choisissez parmi ${QUEUE_SORTS.join(', ')}.` })
  sort: QueueSort = 'submitted_asc';
}
