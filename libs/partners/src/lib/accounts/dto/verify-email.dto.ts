import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateIf } from 'class-validator';
import { EmailField, SixDigitCodeField, TextField } from './field-validators';

/** Either the address and the code typed by the user, or the token of the link in the e-mail. */
export class VerifyEmailDto {
  @ApiPropertyOptional({ description: 'Avec `code` (sans `token`).' })
  @ValidateIf(
    (body: VerifyEmailDto) =>
      body.token === undefined || body.email !== undefined,
  )
  @EmailField()
  email?: string;

  @ApiPropertyOptional({
    description: 'Code à 6 chiffres reçu par courriel (avec `email`).',
    example: '123456',
  })
  @ValidateIf(
    (body: VerifyEmailDto) =>
      body.token === undefined || body.code !== undefined,
  )
  @SixDigitCodeField()
  code?: string;

  @ApiPropertyOptional({
    description: 'Jeton du lien reçu par courriel (seul).',
  })
  @ValidateIf((body: VerifyEmailDto) => body.token !== undefined)
  @TextField({
    max: 200,
    missing: 'Le lien de confirmation est incomplet.',
    tooLong: 'Le lien de confirmation est invalide.',
  })
  token?: string;
}
