import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import type { FieldError } from '@federation/partners-contracts';
import { AccountEntity } from '@federation/partners-data';
import type { MailJob } from '@federation/queue';
import type { Establishment } from '@federation/siret';
import { MailOutbox } from '../common/mail-outbox';
import { ValidationFailedError } from '../common/partners.errors';
import {
  hashPassword,
  passwordProblems,
  verifyPassword,
} from '../common/password';
import { RateLimiter } from '../common/rate-limiter';
import type { AuthenticatedContext } from '../common/session.guard';
import { SessionStore } from '../common/session.store';
import {
  EstablishmentsService,
  siretFieldError,
} from '../organisations/establishments.service';
import { JoinService } from '../organisations/join.service';
import { DirectoryUnavailableApiError } from '../organisations/organisations.errors';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { emailDomainOf } from './account.views';
import {
  AccountTokensStore,
  EMAIL_VERIFICATION_TTL_SECONDS,
  PASSWORD_RESET_TTL_SECONDS,
  type EmailVerification,
} from './account-tokens.store';
import {
  InvalidPasswordResetLinkError,
  InvalidVerificationCodeError,
  InvalidVerificationLinkError,
  WrongPasswordError,
} from './accounts.errors';
import type {
  AcceptedAnswer,
  VerifyEmailAnswer,
} from './dto/account-responses.dto';
import type { SignupDto } from './dto/signup.dto';
import type { VerifyEmailDto } from './dto/verify-email.dto';

const VERIFICATION_SENT: AcceptedAnswer = {
  status: 'verification_sent',
  message:
    'Si cette adresse peut être utilisée, un courriel vient de vous être envoyé. Saisissez le code qu’il contient, ou suivez son lien, ' +
    `pour activer votre compte (valable ${EMAIL_VERIFICATION_TTL_SECONDS / 60} minutes).`,
};

const RESET_SENT: AcceptedAnswer = {
  status: 'reset_sent',
  message:
    'Si un compte existe pour cette adresse, un courriel vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe ' +
    `(valable ${PASSWORD_RESET_TTL_SECONDS / 60} minutes).`,
};

/**
 * Signup, e-mail verification and passwords. Nothing in an answer tells whether an address has an
 * account: the answers are the same, only the e-mail sent to the address differs.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AccountEntity)
    private readonly accounts: Repository<AccountEntity>,
    private readonly tokens: AccountTokensStore,
    private readonly establishments: EstablishmentsService,
    private readonly joins: JoinService,
    private readonly sessions: SessionStore,
    private readonly rateLimiter: RateLimiter,
    private readonly outbox: MailOutbox,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async signup(input: SignupDto, ip: string): Promise<AcceptedAnswer> {
    await this.rateLimiter.consume(
      'signup-ip',
      ip,
      this.options.rateLimits.signupPerIp,
    );
    const problems: FieldError[] = [];
    const weaknesses = passwordProblems(input.password, input.email);
    if (weaknesses.length > 0)
      problems.push({ field: 'password', messages: weaknesses });
    const siretProblem = siretFieldError(input.siret);
    if (siretProblem) problems.push(siretProblem);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const establishment = await this.establishments.joinable(input.siret);
    // Hashed whether or not the address has an account: both answers take the same time.
    const passwordHash = await hashPassword(
      input.password,
      this.options.scryptLogN,
    );

    if (await this.accounts.existsBy({ email: input.email })) {
      await this.sendAccountExists(input.email);
      return VERIFICATION_SENT;
    }
    try {
      await this.dataSource.transaction(async (manager) => {
        const account = await manager.save(
          manager.create(AccountEntity, {
            email: input.email,
            emailDomain: emailDomainOf(input.email),
            passwordHash,
            givenName: input.givenName,
            familyName: input.familyName,
            emailVerifiedAt: null,
            isPlatformAdmin: false,
            totpSecretSealed: null,
            totpLastStep: null,
            pendingSiret: establishment.siret,
          }),
        );
        await this.outbox.add(manager, [
          this.verificationMail(
            account.email,
            await this.tokens.issueEmailVerification(account.id),
          ),
        ]);
      });
    } catch (error) {
      // Two signups of one address at once: the second one is told, like any existing account.
      if (!isUniqueViolation(error)) throw error;
      await this.sendAccountExists(input.email);
    }
    await this.outbox.flush();
    return VERIFICATION_SENT;
  }

  /** Confirms the address (code typed, or link followed), then joins the SIRET given at signup. */
  async verifyEmail(input: VerifyEmailDto): Promise<VerifyEmailAnswer> {
    if (input.token !== undefined) {
      if (input.email !== undefined || input.code !== undefined)
        throw new ValidationFailedError([
          {
            field: 'token',
            messages: [
              'Envoyez soit le jeton du lien, soit l’adresse et le code, pas les deux.',
            ],
          },
        ]);
      const accountId = await this.tokens.accountOfVerificationLink(
        input.token,
      );
      if (!accountId) throw new InvalidVerificationLinkError();
      return this.completeVerification(
        accountId,
        () => new InvalidVerificationLinkError(),
      );
    }
    const email = input.email as string;
    await this.rateLimiter.consume(
      'email-code',
      email,
      this.options.rateLimits.codePerAccount,
    );
    const account = await this.accounts.findOneBy({ email });
    if (
      !account ||
      !(await this.tokens.emailCodeMatches(account.id, input.code as string))
    )
      throw new InvalidVerificationCodeError();
    const answer = await this.completeVerification(
      account.id,
      () => new InvalidVerificationCodeError(),
    );
    await this.rateLimiter.reset('email-code', email);
    return answer;
  }

  async resendVerification(email: string, ip: string): Promise<AcceptedAnswer> {
    await this.rateLimiter.consume(
      'resend-ip',
      ip,
      this.options.rateLimits.signupPerIp,
    );
    await this.rateLimiter.consume(
      'resend-account',
      email,
      this.options.rateLimits.codePerAccount,
    );
    const account = await this.accounts.findOneBy({ email });
    if (account && !account.emailVerifiedAt) {
      const verification = await this.tokens.issueEmailVerification(account.id);
      await this.sendMails([
        this.verificationMail(account.email, verification),
      ]);
    }
    return VERIFICATION_SENT;
  }

  async requestPasswordReset(
    email: string,
    ip: string,
  ): Promise<AcceptedAnswer> {
    await this.rateLimiter.consume(
      'reset-ip',
      ip,
      this.options.rateLimits.passwordResetPerIp,
    );
    await this.rateLimiter.consume(
      'reset-account',
      email,
      this.options.rateLimits.passwordResetPerAccount,
    );
    const account = await this.accounts.findOneBy({ email });
    if (account) {
      const token = await this.tokens.issuePasswordReset(account.id);
      await this.sendMails([
        {
          template: 'password-reset',
          to: account.email,
          data: {
            resetUrl: `${this.outbox.portalUrl}/mot-de-passe/nouveau?token=${token}`,
            validityMinutes: PASSWORD_RESET_TTL_SECONDS / 60,
          },
        },
      ]);
    }
    return RESET_SENT;
  }

  /** A new password through a reset link: the link and its siblings are used up, every session ends. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const accountId = await this.tokens.accountOfPasswordReset(token);
    const account = accountId
      ? await this.accounts.findOneBy({ id: accountId })
      : null;
    if (!account) throw new InvalidPasswordResetLinkError();
    const weaknesses = passwordProblems(password, account.email);
    if (weaknesses.length > 0)
      throw new ValidationFailedError([
        { field: 'password', messages: weaknesses },
      ]);
    const passwordHash = await hashPassword(password, this.options.scryptLogN);
    if ((await this.tokens.consumePasswordReset(token)) !== account.id)
      throw new InvalidPasswordResetLinkError();
    await this.accounts.update({ id: account.id }, { passwordHash });
    await this.sessions.destroyAll(account.id);
  }

  /** A signed-in account changes its password; its other sessions end. */
  async changePassword(
    auth: AuthenticatedContext,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    await this.rateLimiter.consume(
      'password-change',
      auth.account.id,
      this.options.rateLimits.loginPerAccount,
    );
    if (!(await verifyPassword(currentPassword, auth.account.passwordHash)))
      throw new WrongPasswordError('currentPassword');
    const weaknesses = passwordProblems(newPassword, auth.account.email);
    if (weaknesses.length > 0)
      throw new ValidationFailedError([
        { field: 'newPassword', messages: weaknesses },
      ]);
    await this.accounts.update(
      { id: auth.account.id },
      {
        passwordHash: await hashPassword(newPassword, this.options.scryptLogN),
      },
    );
    await this.sessions.destroyAll(auth.account.id, auth.session.token);
    await this.rateLimiter.reset('password-change', auth.account.id);
  }

  private async completeVerification(
    accountId: string,
    usedUp: () => Error,
  ): Promise<VerifyEmailAnswer> {
    const account = await this.accounts.findOneBy({ id: accountId });
    if (!account) throw usedUp();
    // Looked up before the code is used up: when the directory is down, the same code works later.
    const establishment = account.pendingSiret
      ? await this.establishmentToJoin(account.pendingSiret)
      : undefined;
    if (!(await this.tokens.consumeEmailVerification(account.id)))
      throw usedUp();
    // A newly verified account has no membership yet, so joining cannot conflict.
    const join = await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AccountEntity,
        { id: account.id },
        {
          emailVerifiedAt: account.emailVerifiedAt ?? new Date(),
          pendingSiret: null,
        },
      );
      return establishment
        ? this.joins.joinWithin(manager, account, establishment)
        : null;
    });
    await this.outbox.flush();
    return { status: 'verified', join };
  }

  /** The SIRET given at signup, unless its establishment closed meanwhile (then nothing is joined). */
  private async establishmentToJoin(
    siret: string,
  ): Promise<Establishment | undefined> {
    try {
      return await this.establishments.joinable(siret);
    } catch (error) {
      if (error instanceof DirectoryUnavailableApiError) throw error;
      return undefined;
    }
  }

  private verificationMail(
    email: string,
    verification: EmailVerification,
  ): MailJob {
    return {
      template: 'email-verification',
      to: email,
      data: {
        code: verification.code,
        verificationUrl: `${this.outbox.portalUrl}/inscription/verification?token=${verification.token}`,
      },
    };
  }

  private sendAccountExists(email: string): Promise<void> {
    return this.sendMails([
      {
        template: 'account-exists',
        to: email,
        data: {
          loginUrl: `${this.outbox.portalUrl}/connexion`,
          resetUrl: `${this.outbox.portalUrl}/mot-de-passe/oublie`,
        },
      },
    ]);
  }

  private async sendMails(jobs: MailJob[]): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.outbox.add(manager, jobs),
    );
    await this.outbox.flush();
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}
