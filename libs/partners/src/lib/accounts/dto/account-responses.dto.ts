import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AccountView,
  JoinResult,
  SessionView,
} from '@federation/partners-contracts';
import {
  JoinResultResponse,
  MembershipResponse,
} from '../../organisations/dto/organisation-responses.dto';

/** OpenAPI shapes of the account answers; each implements its contract type so they cannot drift. */

export class AccountResponse implements AccountView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty() isPlatformAdmin!: boolean;
}

export class SessionResponse implements SessionView {
  @ApiProperty({ type: AccountResponse }) account!: AccountResponse;
  @ApiProperty({
    description:
      'À renvoyer dans l’en-tête `X-CSRF-Token` de tout appel qui modifie des données.',
  })
  csrfToken!: string;
  @ApiProperty({ type: [MembershipResponse] })
  memberships!: MembershipResponse[];
}

/** `LoginResult`: `session` is there when `status` is `authenticated`. */
export class LoginResultResponse {
  @ApiProperty({ enum: ['authenticated', 'totp_required'] }) status!:
    | 'authenticated'
    | 'totp_required';
  @ApiPropertyOptional({ type: SessionResponse }) session?: SessionResponse;
}

export class AuthenticatedResultResponse {
  @ApiProperty({ enum: ['authenticated'] }) status!: 'authenticated';
  @ApiProperty({ type: SessionResponse }) session!: SessionResponse;
}

export interface AcceptedAnswer {
  status: 'verification_sent' | 'reset_sent';
  message: string;
}

/** The same answer whether or not the address has an account (no enumeration). */
export class AcceptedAnswerResponse implements AcceptedAnswer {
  @ApiProperty({ enum: ['verification_sent', 'reset_sent'] }) status!:
    | 'verification_sent'
    | 'reset_sent';
  @ApiProperty() message!: string;
}

export interface VerifyEmailAnswer {
  status: 'verified';
  /** The organisation joined with the SIRET given at signup (null when none could be joined). */
  join: JoinResult | null;
}

export class VerifyEmailAnswerResponse implements VerifyEmailAnswer {
  @ApiProperty({ enum: ['verified'] }) status!: 'verified';
  @ApiProperty({ type: JoinResultResponse, nullable: true })
  join!: JoinResultResponse | null;
}

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

export class TotpSetupResponse implements TotpSetup {
  @ApiProperty({
    description:
      'Secret en base32, à saisir dans l’application si le QR code ne peut pas être lu.',
  })
  secret!: string;
  @ApiProperty({
    example:
      'otpauth://totp/Espace%20Partenaire:camille.martin%40lyon.fr?secret=…',
  })
  otpauthUri!: string;
}
