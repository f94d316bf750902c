import type Redis from 'ioredis';

const REVOKED = 'revoked';

/** What checktoken needs of a consent, cached in Redis under the grant and the data provider. */
export interface CachedConsent {
  consentId: string;
  citizenKey: string;
  clientId: string;
  scopes: string[];
  clientName: string;
  acr: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/**
 * The live consents, by (grant, data provider): written when the consent is given, deleted when the
 * citizen revokes it (so that checktoken, which reads only this, sees the revocation at once).
 */
export class ConsentCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  key(grantId: string, dataProviderId: string): string {
    return `${this.prefix}:consent:grant:${grantId}:${dataProviderId}`;
  }

  /** After the citizen consented (overwrites a revocation mark: they consented again). */
  async put(grantId: string, dataProviderId: string, consent: CachedConsent): Promise<void> {
    const ttl = consent.expiresAt - Math.floor(Date.now() / 1000);
    if (ttl <= 0) return;
    await this.redis.set(this.key(grantId, dataProviderId), JSON.stringify(consent), 'EX', ttl);
  }

  /** Refills the cache from the database, unless a revocation mark is there (a revocation always wins). */
  async refill(grantId: string, dataProviderId: string, consent: CachedConsent): Promise<void> {
    const ttl = consent.expiresAt - Math.floor(Date.now() / 1000);
    if (ttl <= 0) return;
    await this.redis.set(this.key(grantId, dataProviderId), JSON.stringify(consent), 'EX', ttl, 'NX');
  }

  /** Marks the consent revoked until it would have expired: checktoken answers inactive at once. */
  async revoke(grantId: string, dataProviderId: string, expiresAt: Date): Promise<void> {
    const ttl = Math.max(Math.ceil((expiresAt.getTime() - Date.now()) / 1000), 1);
    await this.redis.set(this.key(grantId, dataProviderId), REVOKED, 'EX', ttl);
  }

  /** The cached consent, `revoked`, or undefined when the cache does not know. */
  static parse(raw: string | null): CachedConsent | 'revoked' | undefined {
    if (raw === null) return undefined;
    return raw === REVOKED ? 'revoked' : (JSON.parse(raw) as CachedConsent);
  }
}
