import type Redis from 'ioredis';

/** oidc-provider models whose records belong to a grant (revoked together when a code is replayed). */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);
/** Models that are marked consumed instead of deleted, so that a replay is detected. */
const CONSUMABLE = new Set([
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

export type OidcPayload = Record<string, unknown> & {
  grantId?: string;
  userCode?: string;
  uid?: string;
};

/**
 * Storage of oidc-provider's artefacts (sessions, interactions, codes, tokens, grants) in Redis,
 * each with the TTL oidc-provider gives it, under `<prefix>:oidc:`.
 */
export class RedisOidcAdapter {
  constructor(
    private readonly name: string,
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(id: string): string {
    return `${this.prefix}:oidc:${this.name}:${id}`;
  }

  private grantKey(grantId: string): string {
    return `${this.prefix}:oidc:grant:${grantId}`;
  }

  private uidKey(uid: string): string {
    return `${this.prefix}:oidc:uid:${uid}`;
  }

  private userCodeKey(userCode: string): string {
    return `${this.prefix}:oidc:userCode:${userCode}`;
  }

  async upsert(
    id: string,
    payload: OidcPayload,
    expiresIn?: number,
  ): Promise<void> {
    const key = this.key(id);
    const ttl = expiresIn && expiresIn > 0 ? expiresIn : undefined;
    const indexed =
      (GRANTABLE.has(this.name) && payload.grantId) ||
      payload.userCode ||
      payload.uid;
    if (!CONSUMABLE.has(this.name) && !indexed) {
      // The common case (sessions, interactions…): one command.
      if (ttl) await this.redis.set(key, JSON.stringify(payload), 'EX', ttl);
      else await this.redis.set(key, JSON.stringify(payload));
      return;
    }
    // One round trip for the record and its indexes (a pipeline: atomicity is not needed, every
    // index points to a record that expires with it).
    const pipeline = this.redis.pipeline();
    if (CONSUMABLE.has(this.name)) {
      pipeline.hset(key, { payload: JSON.stringify(payload) });
      if (ttl) pipeline.expire(key, ttl);
    } else if (ttl) {
      pipeline.set(key, JSON.stringify(payload), 'EX', ttl);
    } else {
      pipeline.set(key, JSON.stringify(payload));
    }
    if (GRANTABLE.has(this.name) && payload.grantId) {
      const grantKey = this.grantKey(payload.grantId);
      pipeline.rpush(grantKey, key);
      // Keeps the grant's index as long as its longest-lived token (EXPIRE … GT, Redis ≥ 7).
      if (ttl) pipeline.call('EXPIRE', grantKey, ttl, 'GT');
      if (ttl) pipeline.call('EXPIRE', grantKey, ttl, 'NX');
    }
    if (payload.userCode) {
      if (ttl) pipeline.set(this.userCodeKey(payload.userCode), id, 'EX', ttl);
      else pipeline.set(this.userCodeKey(payload.userCode), id);
    }
    if (payload.uid) {
      if (ttl) pipeline.set(this.uidKey(payload.uid), id, 'EX', ttl);
      else pipeline.set(this.uidKey(payload.uid), id);
    }
    const results = await pipeline.exec();
    const failure = results?.find(([error]) => error);
    if (failure?.[0]) throw failure[0];
  }

  async find(id: string): Promise<OidcPayload | undefined> {
    if (CONSUMABLE.has(this.name)) {
      const data = await this.redis.hgetall(this.key(id));
      if (!data || !data['payload']) return undefined;
      const { payload, ...rest } = data;
      const extra = rest['consumed']
        ? { consumed: Number(rest['consumed']) }
        : {};
      return { ...(JSON.parse(payload) as OidcPayload), ...extra };
    }
    const data = await this.redis.get(this.key(id));
    return data ? (JSON.parse(data) as OidcPayload) : undefined;
  }

  async findByUid(uid: string): Promise<OidcPayload | undefined> {
    const id = await this.redis.get(this.uidKey(uid));
    return id ? this.find(id) : undefined;
  }

  async findByUserCode(userCode: string): Promise<OidcPayload | undefined> {
    const id = await this.redis.get(this.userCodeKey(userCode));
    return id ? this.find(id) : undefined;
  }

  async destroy(id: string): Promise<void> {
    await this.redis.del(this.key(id));
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    const grantKey = this.grantKey(grantId);
    const keys = await this.redis.lrange(grantKey, 0, -1);
    await this.redis.del(...keys, grantKey);
  }

  async consume(id: string): Promise<void> {
    await this.redis.hset(
      this.key(id),
      'consumed',
      Math.floor(Date.now() / 1000),
    );
  }
}
