import { ApiProperty } from '@nestjs/swagger';
import { PasswordField } from './field-validators';

export class ChangePasswordDto {
  @ApiProperty()
  @PasswordField('Saisissez votre mot de passe actuel.')
  currentPassword!: string;

  @ApiProperty({
    description: 'Mêmes règles qu’à l’inscription.',
    maxLength: 128,
  })
  @PasswordField('Choisissez un nouveau mot de passe.')
  newPassword!: string;
}
