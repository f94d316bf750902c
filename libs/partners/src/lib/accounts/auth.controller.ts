import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { LoginResult, SessionView } from '@federation/partners-contracts';
import {
  Authenticated,
  ClientIp,
  CurrentAuth,
  readCookie,
  type AuthenticatedContext,
} from '../common/session.guard';
import { ApiErrorResponse } from '../common/api-error-response.dto';
import { JsonOnly } from '../common/json-body.guard';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { AccountsService } from './accounts.service';
import {
  AcceptedAnswerResponse,
  AuthenticatedResultResponse,
  LoginResultResponse,
  SessionResponse,
  VerifyEmailAnswerResponse,
  type AcceptedAnswer,
  type VerifyEmailAnswer,
} from './dto/account-responses.dto';
import { EmailDto } from './dto/email.dto';
import { LoginDto } from './dto/login.dto';
import { PasswordResetConfirmDto } from './dto/password-reset-confirm.dto';
import { SignupDto } from './dto/signup.dto';
import { TotpCodeDto } from './dto/totp-code.dto';
import { VerifyEmailDto } from './dto/verify-email.dto';
import { LoginService } from './login.service';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

/** The answers every form of this controller may get besides its own. */
function FormErrors() {
  return applyDecorators(
    ApiBadRequestResponse({
      type: ApiErrorResponse,
      description: 'Champs invalides (erreurs par champ).',
    }),
    ApiTooManyRequestsResponse({
      type: ApiErrorResponse,
      description: 'Trop de tentatives (en-tête Retry-After).',
    }),
  );
}

@ApiTags('Authentification')
@JsonOnly()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly logins: LoginService,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  @Post('signup')
  @FormErrors()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Créer un compte',
    description:
      'Envoie un code et un lien de confirmation. Même réponse si l’adresse a déjà un compte (un courriel le signale alors à son titulaire). ' +
      'Le SIRET est rejoint une fois l’adresse confirmée.',
  })
  @ApiAcceptedResponse({ type: AcceptedAnswerResponse })
  @ApiResponse({
    status: 503,
    type: ApiErrorResponse,
    description: 'Répertoire Sirene indisponible.',
  })
  signup(
    @Body() body: SignupDto,
    @ClientIp() ip: string,
  ): Promise<AcceptedAnswer> {
    return this.accounts.signup(body, ip);
  }

  @Post('verify-email')
  @FormErrors()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirmer l’adresse électronique (adresse + code, ou jeton du lien), puis rejoindre le SIRET donné à l’inscription',
  })
  @ApiOkResponse({ type: VerifyEmailAnswerResponse })
  verifyEmail(@Body() body: VerifyEmailDto): Promise<VerifyEmailAnswer> {
    return this.accounts.verifyEmail(body);
  }

  @Post('resend-verification')
  @FormErrors()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Recevoir un nouveau code de confirmation (réponse identique que le compte existe ou non)',
  })
  @ApiAcceptedResponse({ type: AcceptedAnswerResponse })
  resendVerification(
    @Body() body: EmailDto,
    @ClientIp() ip: string,
  ): Promise<AcceptedAnswer> {
    return this.accounts.resendVerification(body.email, ip);
  }

  @Post('login')
  @FormErrors()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Se connecter',
    description:
      'Pose le cookie de session. Avec la double authentification : `totp_required`, puis /auth/login/totp.',
  })
  @ApiOkResponse({ type: LoginResultResponse })
  @ApiUnauthorizedResponse({
    type: ApiErrorResponse,
    description:
      'Adresse ou mot de passe incorrect (même réponse dans les deux cas).',
  })
  @ApiForbiddenResponse({
    type: ApiErrorResponse,
    description: 'Adresse électronique pas encore confirmée.',
  })
  async login(
    @Body() body: LoginDto,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResult> {
    const { result, session } = await this.logins.login(
      body.email,
      body.password,
      ip,
      readCookie(request, this.options.session.cookieName),
    );
    setSessionCookie(response, this.options, session);
    return result;
  }

  @Post('login/totp')
  @FormErrors()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Second facteur : code TOTP',
    description:
      'Remplace la session en attente par une session authentifiée (nouveau cookie).',
  })
  @ApiOkResponse({ type: AuthenticatedResultResponse })
  @ApiUnauthorizedResponse({
    type: ApiErrorResponse,
    description: 'Code incorrect ou déjà utilisé, ou connexion expirée.',
  })
  async loginWithTotp(
    @Body() body: TotpCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResult> {
    const { result, session } = await this.logins.loginWithTotp(
      readCookie(request, this.options.session.cookieName),
      body.code,
    );
    setSessionCookie(response, this.options, session);
    return result;
  }

  @Get('session')
  @Authenticated()
  @ApiOperation({
    summary: 'La session en cours : compte, jeton CSRF, rattachements',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({
    type: ApiErrorResponse,
    description: 'Non connecté.',
  })
  session(@CurrentAuth() auth: AuthenticatedContext): Promise<SessionView> {
    return this.logins.sessionView(auth.account, auth.session);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'Se déconnecter (session détruite, cookie effacé)' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({
    type: ApiErrorResponse,
    description: 'Non connecté.',
  })
  async logout(
    @CurrentAuth() auth: AuthenticatedContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.logins.logout(auth.session);
    clearSessionCookie(response, this.options);
  }

  @Post('password-reset')
  @FormErrors()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mot de passe oublié : recevoir un lien valable 1 heure (réponse identique que le compte existe ou non)',
  })
  @ApiAcceptedResponse({ type: AcceptedAnswerResponse })
  requestPasswordReset(
    @Body() body: EmailDto,
    @ClientIp() ip: string,
  ): Promise<AcceptedAnswer> {
    return this.accounts.requestPasswordReset(body.email, ip);
  }

  @Post('password-reset/confirm')
  @FormErrors()
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Choisir un nouveau mot de passe avec le lien reçu (lien à usage unique ; toutes les sessions sont fermées)',
  })
  @ApiNoContentResponse()
  async confirmPasswordReset(
    @Body() body: PasswordResetConfirmDto,
  ): Promise<void> {
    await this.accounts.confirmPasswordReset(body.token, body.password);
  }
}
