import { ApiProperty } from '@nestjs/swagger';
import { SixDigitCodeField } from './field-validators';

export class TotpCodeDto {
  @ApiProperty({
    description: 'Code à 6 chiffres de l’application d’authentification.',
    example: '123456',
  })
  @SixDigitCodeField()
  code!: string;
}
