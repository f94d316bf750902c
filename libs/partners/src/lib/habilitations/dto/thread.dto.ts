import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Trimmed } from '../content/transforms';

export class PostMessageDto {
  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @Trimmed()
  @IsString({ message: 'Le message doit être du texte.' })
  @Length(1, 5000, { message: 'Le message doit comporter entre 1 et 5 000 caractères.' })
  body!: string;
}

/** Asking for changes, refusing, revoking: the applicant must be told why. */
export class ReasonedDecisionDto {
  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'Le motif, envoyé au demandeur et ajouté au fil de discussion.' })
  @Trimmed()
  @IsString({ message: 'Le motif doit être du texte.' })
  @Length(10, 5000, { message: 'Expliquez la décision en 10 à 5 000 caractères.' })
  message!: string;
}

export class ValidationDecisionDto {
  @ApiPropertyOptional({ maxLength: 5000, description: 'Un mot pour le demandeur (facultatif).' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'Le message doit être du texte.' })
  @MaxLength(5000, { message: 'Le message ne peut pas dépasser 5 000 caractères.' })
  message?: string;
}
