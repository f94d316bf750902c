import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApiErrorBody, FieldError } from '@federation/partners-contracts';

/** OpenAPI shape of every error answer (`ApiErrorBody`). */
class ApiFieldError implements FieldError {
  @ApiProperty({ example: 'siret' }) field!: string;
  @ApiProperty({
    type: [String],
    example: ['Le numéro SIRET doit comporter 14 chiffres.'],
  })
  messages!: string[];
}

export class ApiErrorResponse implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({
    example: 'P000001',
    description: 'Code stable du catalogue d’erreurs.',
  })
  code!: string;
  @ApiProperty({ description: 'Message en français pour l’utilisateur.' })
  message!: string;
  @ApiPropertyOptional({ type: [ApiFieldError] }) errors?: ApiFieldError[];
}
