import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class PaginationQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Le numéro de page doit être un nombre entier.' })
  @Min(1, { message: 'Le numéro de page commence à 1.' })
  @Max(100_000, { message: 'Ce numéro de page est trop grand.' })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'La taille de page doit être un nombre entier.' })
  @Min(1, { message: 'La taille de page doit être comprise entre 1 et 100.' })
  @Max(100, { message: 'La taille de page doit être comprise entre 1 et 100.' })
  pageSize = 20;
}
