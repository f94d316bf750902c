import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AccountEntity } from '@federation/partners-data';
import { SecretBox } from '@federation/oidc';
import { verifyPassword } from '../common/password';
import { RateLimiter } from '../common/rate-limiter';
import { generateTotpSecret, matchTotp, otpauthUri } from '../common/totp';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { AccountTokensStore } from './account-tokens.store';
import {
  InvalidTotpCodeError,
  TotpAlreadyEnabledError,
  TotpNotEnabledError,
  TotpSetupExpiredError,
  WrongPasswordError,
} from './accounts.errors';
import type { TotpSetup } from './dto/account-responses.dto';

/**
 * TOTP as a second factor. The secret is sealed with the SecretBox (bound to the account id); the
 * last accepted time step is stored and only a later one passes, so a code works once.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectRepository(AccountEntity)
    private readonly accounts: Repository<AccountEntity>,
    private readonly tokens: AccountTokensStore,
    private readonly secretBox: SecretBox,
    private readonly rateLimiter: RateLimiter,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  /** A new secret to scan; it counts only once a code computed from it is given to `enable`. */
  async setUp(account: AccountEntity): Promise<TotpSetup> {
    if (account.totpSecretSealed) throw new TotpAlreadyEnabledError();
    const secret = generateTotpSecret();
    await this.tokens.savePendingTotp(
      account.id,
      this.secretBox.seal(secret, setupContext(account.id)),
    );
    return { secret, otpauthUri: otpauthUri(secret, account.email) };
  }

  async enable(account: AccountEntity, code: string): Promise<void> {
    if (account.totpSecretSealed) throw new TotpAlreadyEnabledError();
    await this.rateLimiter.consume(
      'totp',
      account.id,
      this.options.rateLimits.codePerAccount,
    );
    const pending = await this.tokens.pendingTotp(account.id);
    if (!pending) throw new TotpSetupExpiredError();
    const secret = this.secretBox.open(pending, setupContext(account.id));
    const step = matchTotp(secret, code, null);
    if (step === undefined) throw new InvalidTotpCodeError();
    const result = await this.accounts
      .createQueryBuilder()
      .update(AccountEntity)
      .set({
        totpSecretSealed: this.secretBox.seal(secret, totpContext(account.id)),
        totpLastStep: String(step),
      })
      .where('id = :id AND totp_secret_sealed IS NULL', { id: account.id })
      .execute();
    if (result.affected !== 1) throw new TotpAlreadyEnabledError();
    await this.tokens.dropPendingTotp(account.id);
    await this.rateLimiter.reset('totp', account.id);
  }

  async disable(
    account: AccountEntity,
    password: string,
    code: string,
  ): Promise<void> {
    if (!account.totpSecretSealed) throw new TotpNotEnabledError();
    await this.rateLimiter.consume(
      'totp',
      account.id,
      this.options.rateLimits.codePerAccount,
    );
    if (!(await verifyPassword(password, account.passwordHash)))
      throw new WrongPasswordError('password');
    if (!(await this.acceptCode(account, code)))
      throw new InvalidTotpCodeError();
    await this.accounts.update(
      { id: account.id },
      { totpSecretSealed: null, totpLastStep: null },
    );
    await this.rateLimiter.reset('totp', account.id);
  }

  /** Whether the code is right and newer than the last one accepted (it is then used up). Rate-limited by the caller. */
  async acceptCode(account: AccountEntity, code: string): Promise<boolean> {
    if (!account.totpSecretSealed) return false;
    const secret = this.secretBox.open(
      account.totpSecretSealed,
      totpContext(account.id),
    );
    const step = matchTotp(
      secret,
      code,
      account.totpLastStep === null ? null : Number(account.totpLastStep),
    );
    if (step === undefined) return false;
    // Conditional update: of two requests with the same code, one wins.
    const result = await this.accounts
      .createQueryBuilder()
      .update(AccountEntity)
      .set({ totpLastStep: String(step) })
      .where(
        'id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)',
        { id: account.id, step },
      )
      .execute();
    return result.affected === 1;
  }
}

function totpContext(accountId: string): string {
  return `totp:${accountId}`;
}

function setupContext(accountId: string): string {
  return `totp-setup:${accountId}`;
}
