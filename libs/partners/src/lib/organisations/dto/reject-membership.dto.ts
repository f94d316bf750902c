import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class RejectMembershipDto {
  @ApiProperty({
    description:
      'Motif du refus, envoyé à la personne et visible dans son espace.',
    minLength: 10,
    maxLength: 1000,
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  )
  @IsString({ message: 'Indiquez le motif du refus.' })
  @Length(10, 1000, {
    message: 'Le motif du refus doit faire entre 10 et 1 000 caractères.',
  })
  reason!: string;
}
