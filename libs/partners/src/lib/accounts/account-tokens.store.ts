import { Inject, Injectable } from '@nestjs/common';
import {
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '@federation/server';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';

export const EMAIL_VERIFICATION_TTL_SECONDS = 30 * 60;
export const PASSWORD_RESET_TTL_SECONDS = 60 * 60;
export const TOTP_SETUP_TTL_SECONDS = 10 * 60;

export interface EmailVerification {
  /** Six digits, typed by the user. */
  code: string;
  /** 256-bit random, in the link of the e-mail. */
  token: string;
}

interface StoredVerification {
  codeHash: string;
  tokenHash: string;
}

/**
 * Short-lived secrets of the account journeys, in Redis: the e-mail verification code and link,
 * password reset links, the TOTP secret being set up. Only hashes are keys or values (a 6-digit code
 * is keyed-hashed, else a Redis dump would give it away in a million tries); each is used once.
 */
@Injectable()
export class AccountTokensStore {
  private readonly codeKey: Buffer;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {
    this.codeKey = createHash('sha256')
      .update(`partners-account-codes:${options.secretsEncryptionKey}`)
      .digest();
  }

  /** A new code and link for the account; the previous ones stop working. */
  async issueEmailVerification(accountId: string): Promise<EmailVerification> {
    const verification = {
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      token: randomBytes(32).toString('base64url'),
    };
    const stored: StoredVerification = {
      codeHash: this.hashCode(accountId, verification.code),
      tokenHash: hashToken(verification.token),
    };
    const previous = await this.readVerification(accountId);
    const transaction = this.redis.multi();
    if (previous) transaction.del(this.key('verify-link', previous.tokenHash));
    await transaction
      .set(
        this.key('verify', accountId),
        JSON.stringify(stored),
        'EX',
        EMAIL_VERIFICATION_TTL_SECONDS,
      )
      .set(
        this.key('verify-link', stored.tokenHash),
        accountId,
        'EX',
        EMAIL_VERIFICATION_TTL_SECONDS,
      )
      .exec();
    return verification;
  }

  /** Whether the code is the account's current one (nothing consumed: see `consumeEmailVerification`). */
  async emailCodeMatches(accountId: string, code: string): Promise<boolean> {
    const stored = await this.readVerification(accountId);
    return (
      stored !== undefined &&
      sameText(stored.codeHash, this.hashCode(accountId, code))
    );
  }

  /** The account a verification link stands for, if it is still valid (nothing consumed). */
  async accountOfVerificationLink(token: string): Promise<string | undefined> {
    return (
      (await this.redis.get(this.key('verify-link', hashToken(token)))) ??
      undefined
    );
  }

  /** Uses up the account's code and link; false when another request used them first. */
  async consumeEmailVerification(accountId: string): Promise<boolean> {
    const stored = await this.redis.getdel(this.key('verify', accountId));
    if (!stored) return false;
    await this.redis.del(
      this.key(
        'verify-link',
        (JSON.parse(stored) as StoredVerification).tokenHash,
      ),
    );
    return true;
  }

  async issuePasswordReset(accountId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token);
    await this.redis
      .multi()
      .set(
        this.key('reset', tokenHash),
        accountId,
        'EX',
        PASSWORD_RESET_TTL_SECONDS,
      )
      .sadd(this.key('reset-of', accountId), tokenHash)
      .expire(this.key('reset-of', accountId), PASSWORD_RESET_TTL_SECONDS)
      .exec();
    return token;
  }

  async accountOfPasswordReset(token: string): Promise<string | undefined> {
    return (
      (await this.redis.get(this.key('reset', hashToken(token)))) ?? undefined
    );
  }

  /** Uses up a reset link (GETDEL: one winner) and every other live link of the same account. */
  async consumePasswordReset(token: string): Promise<string | undefined> {
    const accountId = await this.redis.getdel(
      this.key('reset', hashToken(token)),
    );
    if (!accountId) return undefined;
    const others = await this.redis.smembers(this.key('reset-of', accountId));
    await this.redis
      .multi()
      .del(
        ...others.map((hash) => this.key('reset', hash)),
        this.key('reset-of', accountId),
      )
      .exec();
    return accountId;
  }

  /** The TOTP secret being set up, sealed by the caller. */
  async savePendingTotp(
    accountId: string,
    sealedSecret: string,
  ): Promise<void> {
    await this.redis.set(
      this.key('totp-setup', accountId),
      sealedSecret,
      'EX',
      TOTP_SETUP_TTL_SECONDS,
    );
  }

  async pendingTotp(accountId: string): Promise<string | undefined> {
    return (
      (await this.redis.get(this.key('totp-setup', accountId))) ?? undefined
    );
  }

  async dropPendingTotp(accountId: string): Promise<void> {
    await this.redis.del(this.key('totp-setup', accountId));
  }

  private async readVerification(
    accountId: string,
  ): Promise<StoredVerification | undefined> {
    const raw = await this.redis.get(this.key('verify', accountId));
    return raw ? (JSON.parse(raw) as StoredVerification) : undefined;
  }

  private hashCode(accountId: string, code: string): string {
    return createHmac('sha256', this.codeKey)
      .update(`${accountId}:${code}`)
      .digest('base64url');
  }

  private key(kind: string, id: string): string {
    return `${this.options.redisPrefix}:partners:${kind}:${id}`;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
