import { ApiProperty } from '@nestjs/swagger';
import { EmailField, PasswordField } from './field-validators';

export class LoginDto {
  @ApiProperty({ example: 'camille.martin@lyon.fr' })
  @EmailField()
  email!: string;

  @ApiProperty()
  @PasswordField()
  password!: string;
}
