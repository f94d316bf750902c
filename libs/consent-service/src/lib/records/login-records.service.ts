import { ConnectionEntity } from '@federation/consent-data';
import type { ConsentLoginRecord } from '@federation/oidc';
import type { DataSource } from 'typeorm';
import type { DataProviderRegistry } from '../registry/data-provider-registry';
import type { CachedConsent, ConsentCache } from './consent-cache';

/** What the core tells the consent service when a citizen goes back to a service provider. */
export type LoginRecord = ConsentLoginRecord;

export interface RecordedConsent {
  id: string;
  dataProviderSlug: string;
  scopes: string[];
}

/** Writes the connection and, for data provider scopes, one consent per data provider (one transaction). */
export class LoginRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DataProviderRegistry,
    private readonly cache: ConsentCache,
  ) {}

  /** The data provider scopes among `scopes`, grouped by data provider (unknown ones are ignored). */
  private async dataProviderScopes(scopes: string[]): Promise<Map<string, { slug: string; scopes: string[] }>> {
    const owners = await this.registry.scopeOwners();
    const byProvider = new Map<string, { slug: string; scopes: string[] }>();
    for (const scope of new Set(scopes)) {
      const owner = owners.get(scope);
      if (!owner) continue;
      const entry = byProvider.get(owner.dataProviderId) ?? { slug: owner.dataProviderSlug, scopes: [] };
      entry.scopes.push(scope);
      byProvider.set(owner.dataProviderId, entry);
    }
    return byProvider;
  }

  async record(login: LoginRecord): Promise<RecordedConsent[]> {
    const byProvider = await this.dataProviderScopes(login.scopes);
    const expiresAt = new Date(Date.now() + login.consentTtlSeconds * 1000);
    const recorded = await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(ConnectionEntity).insert({
        citizenKey: login.citizenKey,
        grantId: login.grantId,
        clientId: login.clientId,
        clientName: login.clientName,
        identityProviderSlug: login.identityProviderSlug,
        identityProviderName: login.identityProviderName,
        acr: login.acr,
      });
      const consents: (RecordedConsent & { dataProviderId: string })[] = [];
      for (const [dataProviderId, entry] of byProvider) {
        // Consenting again under the same grant renews the consent (and lifts a revocation).
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO consent.consent (citizen_key, grant_id, client_id, client_name, data_provider_id, scopes, acr, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (grant_id, data_provider_id) DO UPDATE SET
             scopes = EXCLUDED.scopes, acr = EXCLUDED.acr, granted_at = now(), expires_at = EXCLUDED.expires_at,
             revoked_at = NULL, client_name = EXCLUDED.client_name
           WHERE consent.consent.citizen_key = EXCLUDED.citizen_key AND consent.consent.client_id = EXCLUDED.client_id
           RETURNING id`,
          [login.citizenKey, login.grantId, login.clientId, login.clientName, dataProviderId, entry.scopes, login.acr, expiresAt],
        );
        if (!rows[0]) throw new Error('a grant cannot change citizen or client');
        consents.push({ id: rows[0].id, dataProviderId, dataProviderSlug: entry.slug, scopes: entry.scopes });
      }
      return consents;
    });
    for (const consent of recorded) {
      const cached: CachedConsent = {
        consentId: consent.id,
        citizenKey: login.citizenKey,
        clientId: login.clientId,
        scopes: consent.scopes,
        clientName: login.clientName,
        acr: login.acr,
        expiresAt: Math.floor(expiresAt.getTime() / 1000),
      };
      await this.cache.put(login.grantId, consent.dataProviderId, cached);
    }
    return recorded.map(({ id, dataProviderSlug, scopes }) => ({ id, dataProviderSlug, scopes }));
  }
}
