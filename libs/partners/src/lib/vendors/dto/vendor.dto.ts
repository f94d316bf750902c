import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { normaliseSiret, SIRET_PROBLEM_MESSAGES, siretProblem } from '@federation/siret';
import type { VendorView } from '@federation/partners-contracts';
import { PaginationQueryDto } from '../../common/pagination.dto';

const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
const NormalisedSiret = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normaliseSiret(value) : value));

/** 14 digits with a valid checksum (La Poste's exception included); the message says which rule failed. */
function IsSiret(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSiret',
      validator: {
        validate: (value) => typeof value === 'string' && siretProblem(value) === undefined,
        defaultMessage: (args) => SIRET_PROBLEM_MESSAGES[typeof args?.value === 'string' ? (siretProblem(args.value) ?? 'format') : 'format'],
      },
    },
    options,
  );
}

const NAME_MESSAGE = 'Le nom de l’éditeur doit comporter entre 2 et 200 caractères.';

export class CreateVendorDto {
  @ApiProperty({ minLength: 2, maxLength: 200, example: 'Berger-Levrault' })
  @Trimmed()
  @IsString({ message: NAME_MESSAGE })
  @Length(2, 200, { message: NAME_MESSAGE })
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '75520003400037', description: '14 chiffres (espaces tolérés).' })
  @IsOptional()
  @NormalisedSiret()
  @IsSiret()
  siret?: string | null;
}

/** Only what is given changes; `siret: null` removes the SIRET. */
export class UpdateVendorDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @ValidateIf((dto: UpdateVendorDto) => dto.name !== undefined)
  @Trimmed()
  @IsString({ message: NAME_MESSAGE })
  @Length(2, 200, { message: NAME_MESSAGE })
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'null pour retirer le SIRET.' })
  @IsOptional()
  @NormalisedSiret()
  @IsSiret()
  siret?: string | null;

  @ApiPropertyOptional({ description: 'Un éditeur désactivé n’est plus proposé aux demandeurs.' })
  @ValidateIf((dto: UpdateVendorDto) => dto.active !== undefined)
  @IsBoolean({ message: 'Indiquez si l’éditeur est actif (vrai ou faux).' })
  active?: boolean;
}

export class VendorsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'Cherche dans le nom et le SIRET.' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'La recherche doit être du texte.' })
  @Length(1, 100, { message: 'La recherche doit comporter entre 1 et 100 caractères.' })
  q?: string;
}

export class VendorResponse implements VendorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) siret!: string | null;
  @ApiProperty() active!: boolean;
}

export class VendorPageResponse {
  @ApiProperty({ type: [VendorResponse] }) items!: VendorResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
