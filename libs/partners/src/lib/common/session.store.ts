import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { REDIS_CLIENT } from '@federation/server';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';

export interface SessionData {
  accountId: string;
  /** `totp_pending`: the password was right, the second factor is still expected. */
  stage: 'authenticated' | 'totp_pending';
  csrfToken: string;
  /** Epoch ms; the session ends at createdAt + absolute TTL whatever the activity. */
  createdAt: number;
}

export interface OpenSession extends SessionData {
  /** The cookie value (only its hash is a Redis key). */
  token: string;
}

/**
 * Server-side sessions in Redis. The cookie carries a random 256-bit token; Redis keys hold its
 * SHA-256 so a dump of Redis cannot be replayed as cookies. Each account keeps the set of its
 * sessions, so a password reset signs out everywhere.
 */
@Injectable()
export class SessionStore {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async create(accountId: string, stage: SessionData['stage']): Promise<OpenSession> {
    const token = randomBytes(32).toString('base64url');
    const data: SessionData = { accountId, stage, csrfToken: randomBytes(32).toString('base64url'), createdAt: Date.now() };
    const ttl = stage === 'totp_pending' ? 5 * 60 : this.options.session.idleTtlSeconds;
    await this.redis
      .multi()
      .set(this.sessionKey(token), JSON.stringify(data), 'EX', ttl)
      .sadd(this.accountKey(accountId), hashToken(token))
      .expire(this.accountKey(accountId), this.options.session.absoluteTtlSeconds)
      .exec();
    return { ...data, token };
  }

  /** The live session of a cookie, its idle lifetime extended; undefined when unknown or expired. */
  async find(token: string | undefined): Promise<OpenSession | undefined> {
    if (!token || token.length > 100) return undefined;
    const raw = await this.redis.get(this.sessionKey(token));
    if (!raw) return undefined;
    const data = JSON.parse(raw) as SessionData;
    const remainingAbsolute = Math.floor((data.createdAt + this.options.session.absoluteTtlSeconds * 1000 - Date.now()) / 1000);
    if (remainingAbsolute <= 0) {
      await this.destroy(token, data.accountId);
      return undefined;
    }
    if (data.stage === 'authenticated')
      await this.redis.expire(this.sessionKey(token), Math.min(this.options.session.idleTtlSeconds, remainingAbsolute));
    return { ...data, token };
  }

  async destroy(token: string, accountId: string): Promise<void> {
    await this.redis.multi().del(this.sessionKey(token)).srem(this.accountKey(accountId), hashToken(token)).exec();
  }

  /** Ends every session of an account (password changed or reset), except `keepToken` if given. */
  async destroyAll(accountId: string, keepToken?: string): Promise<void> {
    const hashes = await this.redis.smembers(this.accountKey(accountId));
    const keep = keepToken ? hashToken(keepToken) : undefined;
    const doomed = hashes.filter((hash) => hash !== keep);
    if (doomed.length === 0) return;
    await this.redis
      .multi()
      .del(...doomed.map((hash) => `${this.prefix}:session:${hash}`))
      .srem(this.accountKey(accountId), ...doomed)
      .exec();
  }

  private get prefix(): string {
    return `${this.options.redisPrefix}:partners`;
  }

  private sessionKey(token: string): string {
    return `${this.prefix}:session:${hashToken(token)}`;
  }

  private accountKey(accountId: string): string {
    return `${this.prefix}:account-sessions:${accountId}`;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
