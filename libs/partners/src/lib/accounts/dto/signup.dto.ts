import { ApiProperty } from '@nestjs/swagger';
import { EmailField, PasswordField, TextField } from './field-validators';

export class SignupDto {
  @ApiProperty({
    example: 'camille.martin@lyon.fr',
    description: 'Adresse professionnelle ; enregistrée en minuscules.',
    maxLength: 254,
  })
  @EmailField()
  email!: string;

  @ApiProperty({
    description:
      'Au moins 12 caractères mêlant trois types (minuscules, majuscules, chiffres, symboles), ou une phrase de passe de 4 mots (20 caractères).',
    maxLength: 128,
  })
  @PasswordField('Choisissez un mot de passe.')
  password!: string;

  @ApiProperty({ example: 'Camille', maxLength: 100 })
  @TextField({
    max: 100,
    trim: true,
    missing: 'Saisissez votre prénom.',
    tooLong: 'Le prénom ne doit pas dépasser 100 caractères.',
  })
  givenName!: string;

  @ApiProperty({ example: 'Martin', maxLength: 100 })
  @TextField({
    max: 100,
    trim: true,
    missing: 'Saisissez votre nom.',
    tooLong: 'Le nom ne doit pas dépasser 100 caractères.',
  })
  familyName!: string;

  @ApiProperty({
    example: '21690123100011',
    description:
      'SIRET de votre établissement, rejoint une fois l’adresse confirmée.',
    maxLength: 32,
  })
  @TextField({
    max: 32,
    missing: 'Saisissez le numéro SIRET de votre établissement.',
    tooLong: 'Le numéro SIRET doit comporter 14 chiffres.',
  })
  siret!: string;
}
