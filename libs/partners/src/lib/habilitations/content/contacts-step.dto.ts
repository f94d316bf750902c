import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsObject, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import type { Contact, ContactsStep } from '@federation/partners-contracts';
import { IsFrenchMobilePhone, IsFrenchPhone } from './french-phone';
import { NormalisedPhone, Trimmed, TrimmedLowerCase } from './transforms';

/** What every contact gives; the phone rule differs (the technical contact needs a mobile). */
abstract class ContactIdentityDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Camille' })
  @Trimmed()
  @IsString({ message: 'Le prénom doit être du texte.' })
  @Length(1, 100, { message: 'Saisissez le prénom (100 caractères au plus).' })
  givenName!: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Martin' })
  @Trimmed()
  @IsString({ message: 'Le nom doit être du texte.' })
  @Length(1, 100, { message: 'Saisissez le nom (100 caractères au plus).' })
  familyName!: string;

  @ApiProperty({ maxLength: 254, example: 'camille.martin@mairie-exemple.fr' })
  @TrimmedLowerCase()
  @IsString({ message: 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.gouv.fr.' })
  @MaxLength(254, { message: 'Cette adresse électronique est trop longue.' })
  @IsEmail({}, { message: 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.gouv.fr.' })
  email!: string;

  @ApiProperty({ minLength: 2, maxLength: 100, example: 'Chargée de mission numérique' })
  @Trimmed()
  @IsString({ message: 'La fonction doit être du texte.' })
  @Length(2, 100, { message: 'Saisissez la fonction en 2 à 100 caractères.' })
  jobTitle!: string;
}

export class ContactDto extends ContactIdentityDto implements Contact {
  @ApiProperty({ description: 'Numéro français (01 23 45 67 89, +33 1 23 45 67 89) ; enregistré au format +33123456789.', example: '01 23 45 67 89' })
  @NormalisedPhone()
  @IsFrenchPhone()
  phone!: string;
}

export class TechnicalContactDto extends ContactIdentityDto implements Contact {
  @ApiProperty({ description: 'Un mobile français (06 ou 07) ; enregistré au format +33612345678.', example: '06 12 34 56 78' })
  @NormalisedPhone()
  @IsFrenchMobilePhone({ message: 'Le contact technique doit avoir un numéro de mobile français (06 ou 07), par exemple 06 12 34 56 78.' })
  phone!: string;
}

export class ContactsStepDto implements ContactsStep {
  @ApiProperty({ type: ContactDto, description: 'Le responsable de traitement.' })
  @IsDefined({ message: 'Indiquez le responsable de traitement.' })
  @IsObject({ message: 'Le responsable de traitement doit être un objet.' })
  @ValidateNested()
  @Type(() => ContactDto)
  dataController!: ContactDto;

  @ApiProperty({ type: ContactDto, description: 'Le délégué à la protection des données (DPO).' })
  @IsDefined({ message: 'Indiquez le délégué à la protection des données.' })
  @IsObject({ message: 'Le délégué à la protection des données doit être un objet.' })
  @ValidateNested()
  @Type(() => ContactDto)
  dpo!: ContactDto;

  @ApiProperty({ type: TechnicalContactDto, description: 'Le contact technique (mobile obligatoire).' })
  @IsDefined({ message: 'Indiquez le contact technique.' })
  @IsObject({ message: 'Le contact technique doit être un objet.' })
  @ValidateNested()
  @Type(() => TechnicalContactDto)
  technicalContact!: TechnicalContactDto;
}
