import { ApiProperty } from '@nestjs/swagger';
import { PasswordField, TextField } from './field-validators';

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'Jeton du lien reçu par courriel.' })
  @TextField({
    max: 200,
    missing: 'Le lien de réinitialisation est incomplet.',
    tooLong: 'Le lien de réinitialisation est invalide.',
  })
  token!: string;

  @ApiProperty({
    description: 'Nouveau mot de passe (mêmes règles qu’à l’inscription).',
    maxLength: 128,
  })
  @PasswordField('Choisissez un nouveau mot de passe.')
  password!: string;
}
