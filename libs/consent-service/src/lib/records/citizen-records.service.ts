import { ConsentEntity, IdentityProviderBlockEntity } from '@federation/consent-data';
import type { DataSource } from 'typeorm';
import type { ConsentCache } from './consent-cache';
import type {
  CitizenRecords,
  ConnectionView,
  ConsentView,
  DataAccessView,
  IdentityProviderView,
} from './citizen-records.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The citizen's dashboard data, from the `consent` schema (and the core's identity provider list). */
export class CitizenRecordsService implements CitizenRecords {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ConsentCache,
  ) {}

  async connections(citizenKey: string, since: Date, limit = 200): Promise<ConnectionView[]> {
    const rows: { connected_at: Date; client_name: string; identity_provider_name: string; acr: string }[] =
      await this.dataSource.query(
        `SELECT connected_at, client_name, identity_provider_name, acr FROM consent.connection
         WHERE citizen_key = $1 AND connected_at >= $2 ORDER BY connected_at DESC LIMIT $3`,
        [citizenKey, since, limit],
      );
    return rows.map((row) => ({
      connectedAt: row.connected_at,
      clientName: row.client_name,
      identityProviderName: row.identity_provider_name,
      acr: row.acr,
    }));
  }

  async dataAccesses(citizenKey: string, since: Date, limit = 200): Promise<DataAccessView[]> {
    const rows: {
      last_accessed_at: Date;
      count: string;
      client_name: string;
      data_provider_name: string;
      scope_labels: string[];
    }[] = await this.dataSource.query(
      `SELECT max(a.accessed_at) AS last_accessed_at, count(*) AS count, c.client_name,
              p.name AS data_provider_name,
              (SELECT coalesce(array_agg(coalesce(s.label, u.scope) ORDER BY s.display_order, u.scope), '{}')
                 FROM unnest(a.scopes) AS u(scope)
                 LEFT JOIN consent.data_provider_scope s ON s.scope = u.scope) AS scope_labels
       FROM consent.data_access a
       JOIN consent.consent c ON c.id = a.consent_id
       JOIN consent.data_provider p ON p.id = a.data_provider_id
       WHERE a.citizen_key = $1 AND a.accessed_at >= $2
       GROUP BY (a.accessed_at AT TIME ZONE 'Europe/Paris')::date, a.client_id, c.client_name, p.name, a.scopes
       ORDER BY last_accessed_at DESC LIMIT $3`,
      [citizenKey, since, limit],
    );
    return rows.map((row) => ({
      lastAccessedAt: row.last_accessed_at,
      count: Number(row.count),
      clientName: row.client_name,
      dataProviderName: row.data_provider_name,
      scopeLabels: row.scope_labels,
    }));
  }

  async consents(citizenKey: string, since: Date): Promise<ConsentView[]> {
    const rows: {
      id: string;
      client_name: string;
      data_provider_name: string;
      scope_labels: string[];
      acr: string;
      granted_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.client_name, p.name AS data_provider_name, c.acr, c.granted_at, c.expires_at, c.revoked_at,
              (SELECT coalesce(array_agg(coalesce(s.label, u.scope) ORDER BY s.display_order, u.scope), '{}')
                 FROM unnest(c.scopes) AS u(scope)
                 LEFT JOIN consent.data_provider_scope s ON s.scope = u.scope) AS scope_labels
       FROM consent.consent c JOIN consent.data_provider p ON p.id = c.data_provider_id
       WHERE c.citizen_key = $1 AND c.granted_at >= $2
       ORDER BY c.granted_at DESC LIMIT 200`,
      [citizenKey, since],
    );
    const now = Date.now();
    return rows.map((row) => ({
      id: row.id,
      clientName: row.client_name,
      dataProviderName: row.data_provider_name,
      scopeLabels: row.scope_labels,
      acr: row.acr,
      grantedAt: row.granted_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      active: row.revoked_at === null && row.expires_at.getTime() > now,
    }));
  }

  async revokeConsent(citizenKey: string, consentId: string): Promise<boolean> {
    if (!UUID.test(consentId)) return false;
    const revoked = await this.dataSource
      .getRepository(ConsentEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('id = :consentId AND citizen_key = :citizenKey AND revoked_at IS NULL', { consentId, citizenKey })
      .returning(['grantId', 'dataProviderId', 'expiresAt'])
      .execute();
    const row = (revoked.raw as { grant_id: string; data_provider_id: string; expires_at: Date }[])[0];
    if (!row) return false;
    // The database says revoked first: a checktoken that misses the cache finds the revocation there.
    await this.cache.revoke(row.grant_id, row.data_provider_id, new Date(row.expires_at));
    return true;
  }

  async identityProviders(citizenKey: string): Promise<IdentityProviderView[]> {
    const rows: { slug: string; name: string; blocked_at: Date | null }[] = await this.dataSource.query(
      `SELECT fi.slug, fi.name, b.blocked_at
       FROM core.identity_provider fi
       LEFT JOIN consent.identity_provider_block b
         ON b.identity_provider_slug = fi.slug AND b.citizen_key = $1
       WHERE fi.active ORDER BY fi.display_order, fi.slug`,
      [citizenKey],
    );
    return rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      blocked: row.blocked_at !== null,
      blockedAt: row.blocked_at,
    }));
  }

  async blockIdentityProvider(citizenKey: string, slug: string): Promise<boolean> {
    if (!(await this.isKnownIdentityProvider(slug))) return false;
    await this.dataSource
      .getRepository(IdentityProviderBlockEntity)
      .createQueryBuilder()
      .insert()
      .values({ citizenKey, identityProviderSlug: slug })
      .orIgnore()
      .execute();
    return true;
  }

  async unblockIdentityProvider(citizenKey: string, slug: string): Promise<boolean> {
    if (!(await this.isKnownIdentityProvider(slug))) return false;
    await this.dataSource
      .getRepository(IdentityProviderBlockEntity)
      .delete({ citizenKey, identityProviderSlug: slug });
    return true;
  }

  /** True when the citizen blocked this identity provider (the core asks before accepting a login). */
  async isBlocked(citizenKey: string, slug: string): Promise<boolean> {
    return this.dataSource
      .getRepository(IdentityProviderBlockEntity)
      .existsBy({ citizenKey, identityProviderSlug: slug });
  }

  private async isKnownIdentityProvider(slug: string): Promise<boolean> {
    if (!/^[a-z0-9-]{1,64}$/.test(slug)) return false;
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM core.identity_provider WHERE slug = $1 AND active',
      [slug],
    );
    return rows.length > 0;
  }
}
