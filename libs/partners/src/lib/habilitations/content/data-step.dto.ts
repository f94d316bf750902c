import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { IDENTITY_CLAIMS } from '@federation/identity';
import { REQUESTABLE_EIDAS_LEVELS, type DataStep, type RequestableEidasLevel } from '@federation/partners-contracts';

export class DataStepDto implements DataStep {
  @ApiProperty({ enum: IDENTITY_CLAIMS, isArray: true, description: 'Les données d’identité demandées (au moins une, sans doublon).' })
  @IsArray({ message: 'Les données demandées doivent être une liste.' })
  @ArrayNotEmpty({ message: 'Choisissez au moins une donnée.' })
  @ArrayMaxSize(IDENTITY_CLAIMS.length, { message: 'Cette liste contient plus de données que le catalogue.' })
  @ArrayUnique({ message: 'Chaque donnée ne doit être demandée qu’une fois.' })
  @IsIn(IDENTITY_CLAIMS, { each: true, message: 'Choisissez les données dans le catalogue (GET /catalogue).' })
  claims!: string[];

  @ApiProperty({ enum: REQUESTABLE_EIDAS_LEVELS, description: 'eidas1 (faible) ou eidas2 (substantiel).' })
  @IsIn(REQUESTABLE_EIDAS_LEVELS, { message: 'Choisissez le niveau eIDAS 1 (faible) ou eIDAS 2 (substantiel).' })
  eidasLevel!: RequestableEidasLevel;
}
