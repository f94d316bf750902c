import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, IsUrl, Length, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { RETENTION_JUSTIFICATION_THRESHOLD_MONTHS, type LegalStep } from '@federation/partners-contracts';
import { Trimmed } from './transforms';

const needsJustification = (step: LegalStep) =>
  (typeof step.retentionMonths === 'number' && step.retentionMonths > RETENTION_JUSTIFICATION_THRESHOLD_MONTHS) ||
  (step.retentionJustification !== null && step.retentionJustification !== undefined);

export class LegalStepDto implements LegalStep {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Le texte qui fonde le traitement (loi, décret, délibération…).' })
  @IsString({ message: 'Le cadre juridique doit être du texte.' })
  @Length(10, 2000, { message: 'Décrivez le cadre juridique en 10 à 2 000 caractères.' })
  legalBasisText!: string;

  @ApiProperty({ maxLength: 2000, example: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000886460' })
  @Trimmed()
  @IsString({ message: 'Saisissez l’adresse web du texte, commençant par https://.' })
  @MaxLength(2000, { message: 'Cette adresse web est trop longue (2 000 caractères au plus).' })
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_valid_protocol: true, require_tld: true },
    { message: 'Saisissez l’adresse web du texte, commençant par https://.' },
  )
  legalBasisUrl!: string;

  @ApiProperty({ minimum: 1, maximum: 120, description: `Au-delà de ${RETENTION_JUSTIFICATION_THRESHOLD_MONTHS} mois, une justification est obligatoire.` })
  @IsInt({ message: 'La durée de conservation est un nombre entier de mois.' })
  @Min(1, { message: 'La durée de conservation est d’au moins 1 mois.' })
  @Max(120, { message: 'La durée de conservation ne peut pas dépasser 120 mois (10 ans).' })
  retentionMonths!: number;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 20, maxLength: 2000, description: `Obligatoire au-delà de ${RETENTION_JUSTIFICATION_THRESHOLD_MONTHS} mois.` })
  @ValidateIf(needsJustification)
  @IsString({ message: `Justifiez une durée de conservation supérieure à ${RETENTION_JUSTIFICATION_THRESHOLD_MONTHS} mois.` })
  @MinLength(20, { message: 'La justification doit comporter au moins 20 caractères.' })
  @MaxLength(2000, { message: 'La justification ne peut pas dépasser 2 000 caractères.' })
  retentionJustification: string | null = null;
}
