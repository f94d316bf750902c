import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { LoginResult, SessionView } from '@federation/partners-contracts';
import { AccountEntity } from '@federation/partners-data';
import { dummyPasswordHash, verifyPassword } from '../common/password';
import { RateLimiter } from '../common/rate-limiter';
import { SessionStore, type OpenSession } from '../common/session.store';
import { OrganisationsService } from '../organisations/organisations.service';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { toAccountView } from './account.views';
import {
  EmailNotVerifiedError,
  InvalidCredentialsError,
  InvalidTotpLoginCodeError,
  TotpLoginExpiredError,
} from './accounts.errors';
import { TwoFactorService } from './two-factor.service';

export interface LoginOutcome {
  result: LoginResult;
  /** The new session, whose token goes in the cookie. */
  session: OpenSession;
}

/** Password login, then the TOTP step when enabled; sessions live in Redis (SessionStore). */
@Injectable()
export class LoginService {
  private dummyHash?: Promise<string>;

  constructor(
    @InjectRepository(AccountEntity)
    private readonly accounts: Repository<AccountEntity>,
    private readonly sessions: SessionStore,
    private readonly twoFactor: TwoFactorService,
    private readonly organisations: OrganisationsService,
    private readonly rateLimiter: RateLimiter,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async login(
    email: string,
    password: string,
    ip: string,
    previousToken: string | undefined,
  ): Promise<LoginOutcome> {
    await this.rateLimiter.consume(
      'login-ip',
      ip,
      this.options.rateLimits.loginPerIp,
    );
    await this.rateLimiter.consume(
      'login-account',
      email,
      this.options.rateLimits.loginPerAccount,
    );
    const account = await this.accounts.findOneBy({ email });
    // An unknown address costs one scrypt too: the timing does not tell which addresses have an account.
    const passwordMatches = await verifyPassword(
      password,
      account?.passwordHash ?? (await this.dummyPasswordHash()),
    );
    if (!account || !passwordMatches) throw new InvalidCredentialsError();
    if (!account.emailVerifiedAt) throw new EmailNotVerifiedError();
    await this.rateLimiter.reset('login-account', email);
    await this.endSession(previousToken);
    if (account.totpSecretSealed)
      return {
        result: { status: 'totp_required' },
        session: await this.sessions.create(account.id, 'totp_pending'),
      };
    const session = await this.sessions.create(account.id, 'authenticated');
    return {
      result: {
        status: 'authenticated',
        session: await this.sessionView(account, session),
      },
      session,
    };
  }

  /** The second step: the TOTP-pending session is replaced by an authenticated one (new token). */
  async loginWithTotp(
    pendingToken: string | undefined,
    code: string,
  ): Promise<LoginOutcome> {
    const pending = await this.sessions.find(pendingToken);
    if (!pending || pending.stage !== 'totp_pending')
      throw new TotpLoginExpiredError();
    await this.rateLimiter.consume(
      'totp',
      pending.accountId,
      this.options.rateLimits.codePerAccount,
    );
    const account = await this.accounts.findOneBy({ id: pending.accountId });
    if (!account?.totpSecretSealed || !account.emailVerifiedAt) {
      await this.sessions.destroy(pending.token, pending.accountId);
      throw new TotpLoginExpiredError();
    }
    if (!(await this.twoFactor.acceptCode(account, code)))
      throw new InvalidTotpLoginCodeError();
    await this.rateLimiter.reset('totp', account.id);
    await this.sessions.destroy(pending.token, pending.accountId);
    const session = await this.sessions.create(account.id, 'authenticated');
    return {
      result: {
        status: 'authenticated',
        session: await this.sessionView(account, session),
      },
      session,
    };
  }

  async logout(session: OpenSession): Promise<void> {
    await this.sessions.destroy(session.token, session.accountId);
  }

  async sessionView(
    account: AccountEntity,
    session: OpenSession,
  ): Promise<SessionView> {
    return {
      account: toAccountView(account),
      csrfToken: session.csrfToken,
      memberships: await this.organisations.membershipsOf(account.id),
    };
  }

  /** A session cookie the browser already had is ended, never reused (no session fixation). */
  private async endSession(token: string | undefined): Promise<void> {
    const session = await this.sessions.find(token);
    if (session) await this.sessions.destroy(session.token, session.accountId);
  }

  private dummyPasswordHash(): Promise<string> {
    this.dummyHash ??= dummyPasswordHash(this.options.scryptLogN);
    return this.dummyHash;
  }
}
