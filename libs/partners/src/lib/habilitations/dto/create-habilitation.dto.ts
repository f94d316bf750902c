import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** A new request starts empty; its steps are saved one by one. */
export class CreateHabilitationDto {
  @ApiPropertyOptional({ enum: ['franceconnect'], default: 'franceconnect', description: 'Le type d’habilitation (FranceConnect seulement pour l’instant).' })
  @IsOptional()
  @IsIn(['franceconnect'], { message: 'Seules les habilitations FranceConnect peuvent être demandées.' })
  type?: 'franceconnect';
}
