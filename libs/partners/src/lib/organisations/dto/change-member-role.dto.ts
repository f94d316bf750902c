import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { MembershipRole } from '@federation/partners-contracts';

export class ChangeMemberRoleDto {
  @ApiProperty({
    enum: ['admin', 'member'],
    description: 'Nouveau rôle du membre dans l’organisation.',
  })
  @IsIn(['admin', 'member'], {
    message: 'Le rôle doit être « admin » ou « member ».',
  })
  role!: MembershipRole;
}
