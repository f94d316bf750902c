import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';
import type { TermsStep } from '@federation/partners-contracts';

export class TermsStepDto implements TermsStep {
  @ApiProperty({ enum: [true], description: 'Les conditions d’utilisation de FranceConnect sont acceptées.' })
  @Equals(true, { message: 'Acceptez les conditions d’utilisation de FranceConnect pour continuer.' })
  termsAccepted!: boolean;
}
