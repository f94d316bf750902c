import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { DailyLoginsView, IdentityProviderShareView, ServiceStatisticsView, StatisticsView } from '@federation/partners-contracts';

const DATE_MESSAGE = 'Saisissez une date valide au format AAAA-MM-JJ.';

/** The period: both ends included, Paris days; the last 30 days up to today by default; 366 days at most. */
export class StatisticsQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'Premier jour (heure de Paris). Par défaut : 29 jours avant `to`.', example: '2026-11-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Dernier jour (heure de Paris). Par défaut : aujourd’hui.', example: '2026-11-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: DATE_MESSAGE })
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE })
  to?: string;
}

/** The admins' view may be restricted to one identity provider. */
export class AdminStatisticsQueryDto extends StatisticsQueryDto {
  @ApiPropertyOptional({ description: 'Le fournisseur d’identité (slug) : seules ses connexions et ses échecs comptent.', example: 'impots' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,63}$/, { message: 'Fournisseur d’identité inconnu : indiquez son identifiant (lettres minuscules, chiffres, - et _).' })
  fi?: string;
}

class DailyLoginsResponse implements DailyLoginsView {
  @ApiProperty({ format: 'date' }) day!: string;
  @ApiProperty() logins!: number;
  @ApiProperty() failures!: number;
}

class IdentityProviderShareResponse implements IdentityProviderShareView {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
  @ApiProperty() logins!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) share!: number;
}

class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '11000101300017' }) siret!: string;
}

class ServiceStatisticsResponse implements ServiceStatisticsView {
  @ApiProperty({ format: 'uuid' }) serviceProviderId!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['sandbox', 'production'] }) environment!: 'sandbox' | 'production';
  @ApiProperty({ type: OrganisationRef }) organisation!: OrganisationRef;
  @ApiProperty() logins!: number;
  @ApiProperty() failures!: number;
  @ApiProperty({ type: [DailyLoginsResponse] }) days!: DailyLoginsResponse[];
  @ApiProperty({ type: [IdentityProviderShareResponse] }) identityProviders!: IdentityProviderShareResponse[];
}

export class StatisticsResponse implements StatisticsView {
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() logins!: number;
  @ApiProperty() failures!: number;
  @ApiProperty({ type: [DailyLoginsResponse], description: 'Chaque jour de la période, à zéro s’il ne s’est rien passé.' }) days!: DailyLoginsResponse[];
  @ApiProperty({ type: [IdentityProviderShareResponse], description: 'Du plus utilisé au moins utilisé.' }) identityProviders!: IdentityProviderShareResponse[];
  @ApiProperty({ type: [ServiceStatisticsResponse] }) services!: ServiceStatisticsResponse[];
}
