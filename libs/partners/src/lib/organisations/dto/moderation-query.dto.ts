import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { MembershipStatus } from '@federation/partners-contracts';
import { PaginationQueryDto } from '../../common/pagination.dto';

export class ModerationQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    enum: ['pending', 'active', 'rejected'],
    default: 'pending',
  })
  @IsOptional()
  @IsIn(['pending', 'active', 'rejected'], {
    message: 'Le statut doit être « pending », « active » ou « rejected ».',
  })
  status: MembershipStatus = 'pending';

  @ApiPropertyOptional({
    description:
      'Recherche dans le nom de l’organisation, le SIRET et l’adresse électronique du compte.',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  )
  @IsString({ message: 'La recherche doit être du texte.' })
  @MaxLength(200, {
    message: 'La recherche ne doit pas dépasser 200 caractères.',
  })
  q?: string;
}
