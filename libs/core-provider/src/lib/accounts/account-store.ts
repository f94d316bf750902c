import type { PivotIdentity } from '@federation/identity';
import type Redis from 'ioredis';

/**
 * The verified identity of a logged-in citizen, keyed by account id (an HMAC of the identity, see
 * @federation/identity), kept only as long as the SSO session can use it.
 */
export class AccountStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(accountId: string): string {
    return `${this.prefix}:core:account:${accountId}`;
  }

  async save(accountId: string, identity: PivotIdentity): Promise<void> {
    await this.redis.set(
      this.key(accountId),
      JSON.stringify(identity),
      'EX',
      this.ttlSeconds,
    );
  }

  async find(accountId: string): Promise<PivotIdentity | undefined> {
    const data = await this.redis.get(this.key(accountId));
    return data ? (JSON.parse(data) as PivotIdentity) : undefined;
  }
}
