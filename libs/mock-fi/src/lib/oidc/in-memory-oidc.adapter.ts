/** A record oidc-provider stores (session, interaction, grant, code, token…). */
export interface OidcStoredPayload {
  [key: string]: unknown;
  uid?: string;
  grantId?: string;
  userCode?: string;
  jti?: string;
  consumed?: number;
}

/** The storage interface oidc-provider expects (one instance per model). */
export interface OidcAdapter {
  upsert(
    id: string,
    payload: OidcStoredPayload,
    expiresIn?: number,
  ): Promise<void>;
  find(id: string): Promise<OidcStoredPayload | undefined>;
  findByUid(uid: string): Promise<OidcStoredPayload | undefined>;
  findByUserCode(userCode: string): Promise<OidcStoredPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Storage of one FI, in memory: a mock keeps nothing across restarts. Unlike oidc-provider's
 * quick-start adapter (an LRU of 1,000 entries), records live exactly their TTL, so a busy
 * end-to-end suite never loses a session to eviction.
 */
export function createInMemoryOidcAdapter(): (model: string) => OidcAdapter {
  const records = new Map<
    string,
    { payload: OidcStoredPayload; expiresAt: number }
  >();
  const sessionIdByUid = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();
  let lastSweep = Date.now();

  const read = (key: string): OidcStoredPayload | undefined => {
    const record = records.get(key);
    if (!record) return undefined;
    if (record.expiresAt <= Date.now()) {
      remove(key);
      return undefined;
    }
    return record.payload;
  };

  const remove = (key: string): void => {
    const record = records.get(key);
    records.delete(key);
    const uid = record?.payload.uid;
    if (uid && sessionIdByUid.get(uid) === key) sessionIdByUid.delete(uid);
    const grantId = record?.payload.grantId;
    if (grantId) keysByGrant.get(grantId)?.delete(key);
  };

  const sweep = (): void => {
    const now = Date.now();
    if (now - lastSweep < SWEEP_INTERVAL_MS) return;
    lastSweep = now;
    for (const [key, record] of records)
      if (record.expiresAt <= now) remove(key);
    for (const [grantId, keys] of keysByGrant)
      if (keys.size === 0) keysByGrant.delete(grantId);
  };

  return (model: string): OidcAdapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        sweep();
        const key = keyOf(id);
        remove(key);
        records.set(key, {
          payload,
          expiresAt:
            typeof expiresIn === 'number'
              ? Date.now() + expiresIn * 1000
              : Infinity,
        });
        if (model === 'Session' && payload.uid)
          sessionIdByUid.set(payload.uid, key);
        if (payload.grantId) {
          const keys = keysByGrant.get(payload.grantId) ?? new Set<string>();
          keys.add(key);
          keysByGrant.set(payload.grantId, keys);
        }
      },
      async find(id) {
        return read(keyOf(id));
      },
      async findByUid(uid) {
        const key = sessionIdByUid.get(uid);
        return key ? read(key) : undefined;
      },
      async findByUserCode(userCode) {
        for (const [key, { payload }] of records) {
          if (key.startsWith(`${model}:`) && payload.userCode === userCode)
            return read(key);
        }
        return undefined;
      },
      async consume(id) {
        const payload = read(keyOf(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        remove(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) remove(key);
        keysByGrant.delete(grantId);
      },
    };
  };
}
