import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class JoinOrganisationDto {
  @ApiProperty({
    description: 'SIRET de l’établissement (14 chiffres, espaces tolérés).',
    example: '21690123100011',
    maxLength: 32,
  })
  @IsString({ message: 'Saisissez le numéro SIRET de votre établissement.' })
  @IsNotEmpty({ message: 'Saisissez le numéro SIRET de votre établissement.' })
  @MaxLength(32, { message: 'Le numéro SIRET doit comporter 14 chiffres.' })
  siret!: string;
}
