import type { PivotIdentity } from '@federation/identity';
import type Redis from 'ioredis';

/** The part of an access token the core (oidc-provider) stores that checktoken reads. */
export interface CoreAccessToken {
  accountId: string;
  clientId: string;
  grantId: string;
  scope: string;
  iat: number;
  exp: number;
}

/**
 * Read-only access to the core's token store in Redis: the access tokens oidc-provider keeps
 * (see @federation/oidc RedisOidcAdapter, `<prefix>:oidc:AccessToken:<id>`) and the verified
 * identities of logged-in citizens (`<prefix>:core:account:<id>`). checktoken answers from them in
 * one round trip, without a hop through the core; a token the core revoked or let expire is gone.
 */
export class CoreTokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly corePrefix: string,
  ) {}

  async accessToken(token: string): Promise<CoreAccessToken | undefined> {
    if (!/^[A-Za-z0-9_-]{20,128}$/.test(token)) return undefined;
    const raw = await this.redis.get(`${this.corePrefix}:oidc:AccessToken:${token}`);
    if (!raw) return undefined;
    const payload = JSON.parse(raw) as Partial<CoreAccessToken> & { kind?: string; consumed?: unknown };
    if (
      payload.kind !== 'AccessToken' ||
      typeof payload.accountId !== 'string' ||
      typeof payload.clientId !== 'string' ||
      typeof payload.grantId !== 'string' ||
      typeof payload.exp !== 'number' ||
      payload.exp <= Math.floor(Date.now() / 1000)
    )
      return undefined;
    return payload as CoreAccessToken;
  }

  accountKey(accountId: string): string {
    return `${this.corePrefix}:core:account:${accountId}`;
  }

  parseIdentity(raw: string | null): PivotIdentity | undefined {
    return raw ? (JSON.parse(raw) as PivotIdentity) : undefined;
  }
}
