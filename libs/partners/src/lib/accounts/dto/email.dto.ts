import { ApiProperty } from '@nestjs/swagger';
import { EmailField } from './field-validators';

/** An address alone: new verification code, forgotten password. */
export class EmailDto {
  @ApiProperty({ example: 'camille.martin@lyon.fr' })
  @EmailField()
  email!: string;
}
