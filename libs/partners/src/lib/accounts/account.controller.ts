import {
  applyDecorators,
  Body,
  Controller,
  HttpCode,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  Authenticated,
  CurrentAuth,
  type AuthenticatedContext,
} from '../common/session.guard';
import { ApiErrorResponse } from '../common/api-error-response.dto';
import { JsonOnly } from '../common/json-body.guard';
import { AccountsService } from './accounts.service';
import { TotpSetupResponse, type TotpSetup } from './dto/account-responses.dto';
import { ChangePasswordDto } from './dto/change-password.dto';
import { DisableTotpDto } from './dto/disable-totp.dto';
import { TotpCodeDto } from './dto/totp-code.dto';
import { TwoFactorService } from './two-factor.service';

/** Answers of the forms that check a password or a code. */
function CheckedFormErrors() {
  return applyDecorators(
    ApiBadRequestResponse({
      type: ApiErrorResponse,
      description: 'Champs invalides, mot de passe ou code incorrect.',
    }),
    ApiTooManyRequestsResponse({
      type: ApiErrorResponse,
      description: 'Trop de tentatives (en-tête Retry-After).',
    }),
  );
}

@ApiTags('Mon compte')
@ApiUnauthorizedResponse({
  type: ApiErrorResponse,
  description: 'Non connecté.',
})
@Authenticated()
@JsonOnly()
@Controller('account')
export class AccountController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Post('password')
  @CheckedFormErrors()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Changer de mot de passe (les autres sessions sont fermées)',
  })
  @ApiNoContentResponse()
  async changePassword(
    @CurrentAuth() auth: AuthenticatedContext,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.accounts.changePassword(
      auth,
      body.currentPassword,
      body.newPassword,
    );
  }

  @Post('totp/setup')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Double authentification : obtenir un secret à scanner (valable 10 minutes)',
  })
  @ApiOkResponse({ type: TotpSetupResponse })
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Déjà activée.' })
  setUpTotp(@CurrentAuth() auth: AuthenticatedContext): Promise<TotpSetup> {
    return this.twoFactor.setUp(auth.account);
  }

  @Post('totp/enable')
  @CheckedFormErrors()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Double authentification : activer avec un code calculé à partir du secret',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Déjà activée.' })
  async enableTotp(
    @CurrentAuth() auth: AuthenticatedContext,
    @Body() body: TotpCodeDto,
  ): Promise<void> {
    await this.twoFactor.enable(auth.account, body.code);
  }

  @Post('totp/disable')
  @CheckedFormErrors()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Double authentification : désactiver (mot de passe et code exigés)',
  })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ApiErrorResponse, description: 'Pas activée.' })
  async disableTotp(
    @CurrentAuth() auth: AuthenticatedContext,
    @Body() body: DisableTotpDto,
  ): Promise<void> {
    await this.twoFactor.disable(auth.account, body.password, body.code);
  }
}
