import type Redis from 'ioredis';

/** oidc-provider models whose records belong to a grant (revoked together when a code is replayed). */
const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);
/** Models that are marked consumed instead of deleted, so that a replay is detected. */
const CONSUMABLE = new Set(['AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);

export type OidcPayload = Record<string, unknown> & { grantId?: string; userCode?: string; uid?: string };

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

  async upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void> {
    const key = this.key(id);
    const multi = this.redis.multi();
    if (CONSUMABLE.has(this.name)) multi.hset(key, { payload: JSON.stringify(payload) });
    else multi.set(key, JSON.stringify(payload));
    if (expiresIn) multi.expire(key, expiresIn);

    if (GRANTABLE.has(this.name) && payload.grantId) {
      const grantKey = this.grantKey(payload.grantId);
      multi.rpush(grantKey, key);
      const ttl = await this.redis.ttl(grantKey);
      if (expiresIn && expiresIn > ttl) multi.expire(grantKey, expiresIn);
    }
    if (payload.userCode) {
      multi.set(this.userCodeKey(payload.userCode), id);
      if (expiresIn) multi.expire(this.userCodeKey(payload.userCode), expiresIn);
    }
    if (payload.uid) {
      multi.set(this.uidKey(payload.uid), id);
      if (expiresIn) multi.expire(this.uidKey(payload.uid), expiresIn);
    }
    await multi.exec();
  }

  async find(id: string): Promise<OidcPayload | undefined> {
    if (CONSUMABLE.has(this.name)) {
      const data = await this.redis.hgetall(this.key(id));
      if (!data || !data['payload']) return undefined;
      const { payload, ...rest } = data;
      const extra = rest['consumed'] ? { consumed: Number(rest['consumed']) } : {};
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
    const multi = this.redis.multi();
    for (const key of keys) multi.del(key);
    multi.del(grantKey);
    await multi.exec();
  }

  async consume(id: string): Promise<void> {
    await this.redis.hset(this.key(id), 'consumed', Math.floor(Date.now() / 1000));
  }
}
