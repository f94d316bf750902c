import { ApiProperty } from '@nestjs/swagger';
import { PasswordField, SixDigitCodeField } from './field-validators';

export class DisableTotpDto {
  @ApiProperty({ description: 'Mot de passe actuel.' })
  @PasswordField()
  password!: string;

  @ApiProperty({
    description: 'Code à 6 chiffres de l’application d’authentification.',
    example: '123456',
  })
  @SixDigitCodeField()
  code!: string;
}
