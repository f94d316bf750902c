import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, Length, ValidateBy, ValidateIf } from 'class-validator';
import type { ProjectStep } from '@federation/partners-contracts';
import { Trimmed } from './transforms';

export class ProjectStepDto implements ProjectStep {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Portail famille' })
  @Trimmed()
  @IsString({ message: 'Le nom du projet doit être du texte.' })
  @Length(3, 200, { message: 'Le nom du projet doit comporter entre 3 et 200 caractères.' })
  projectName!: string;

  @ApiProperty({ minLength: 30, maxLength: 5000, description: 'Le cas d’usage détaillé : qui se connecte, pour quelle démarche, pourquoi ces données.' })
  @IsString({ message: 'La description doit être du texte.' })
  @Length(30, 5000, { message: 'Décrivez le cas d’usage en 30 à 5 000 caractères.' })
  description!: string;

  @ApiProperty({ description: 'Le projet repose sur la solution d’un éditeur partenaire (alors vendorId est obligatoire).' })
  @IsBoolean({ message: 'Indiquez si le projet utilise la solution d’un éditeur (vrai ou faux).' })
  usesVendorSolution!: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Un éditeur actif de GET /vendors ; seulement si usesVendorSolution.' })
  @ValidateIf((step: ProjectStepDto) => step.usesVendorSolution === true || (step.vendorId !== null && step.vendorId !== undefined))
  @IsUUID('all', { message: 'Choisissez l’éditeur dont le projet utilise la solution.' })
  @ValidateBy(
    {
      name: 'vendorOnlyWithVendorSolution',
      validator: { validate: (value, args) => (args?.object as ProjectStepDto).usesVendorSolution === true || value === null || value === undefined },
    },
    { message: 'N’indiquez un éditeur que si le projet utilise sa solution.' },
  )
  vendorId: string | null = null;
}
