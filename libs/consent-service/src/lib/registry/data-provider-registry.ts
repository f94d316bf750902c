import { DataProviderEntity, DataProviderScopeEntity } from '@federation/consent-data';
import type { DataSource } from 'typeorm';

/** A data provider as checktoken uses it: its row and the scopes it serves. */
export interface RegisteredDataProvider {
  row: DataProviderEntity;
  scopes: ReadonlySet<string>;
}

export interface ScopeOwner {
  dataProviderId: string;
  dataProviderSlug: string;
  dataProviderName: string;
  label: string;
}

/**
 * The data provider registry (`consent.data_provider`), cached for a few seconds: a checktoken does
 * not hit the database, and a deactivated provider stops being answered within the cache time.
 */
export class DataProviderRegistry {
  private snapshot?: { at: number; byClientId: Map<string, RegisteredDataProvider>; byScope: Map<string, ScopeOwner> };
  private loading?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cacheTtlMs: number,
  ) {}

  async byClientId(clientId: string): Promise<RegisteredDataProvider | undefined> {
    return (await this.current()).byClientId.get(clientId);
  }

  /** The data provider serving each known scope (identity scopes are not here). */
  async scopeOwners(): Promise<ReadonlyMap<string, ScopeOwner>> {
    return (await this.current()).byScope;
  }

  async catalogue(): Promise<{ slug: string; name: string; scopes: { scope: string; label: string }[] }[]> {
    const providers = new Map<string, { slug: string; name: string; scopes: { scope: string; label: string }[] }>();
    for (const [scope, owner] of (await this.current()).byScope) {
      const provider = providers.get(owner.dataProviderSlug) ?? {
        slug: owner.dataProviderSlug,
        name: owner.dataProviderName,
        scopes: [],
      };
      provider.scopes.push({ scope, label: owner.label });
      providers.set(owner.dataProviderSlug, provider);
    }
    return [...providers.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  }

  private async current() {
    if (this.snapshot && Date.now() - this.snapshot.at < this.cacheTtlMs) return this.snapshot;
    // One reload at a time, whatever the number of requests waiting for it.
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    await this.loading;
    return this.snapshot as NonNullable<typeof this.snapshot>;
  }

  private async load(): Promise<void> {
    const providers = await this.dataSource.getRepository(DataProviderEntity).findBy({ active: true });
    const scopes = await this.dataSource
      .getRepository(DataProviderScopeEntity)
      .find({ order: { displayOrder: 'ASC', scope: 'ASC' } });
    const byId = new Map(providers.map((row) => [row.id, row]));
    const byClientId = new Map<string, RegisteredDataProvider>();
    const byScope = new Map<string, ScopeOwner>();
    for (const row of providers) byClientId.set(row.clientId, { row, scopes: new Set() });
    for (const scope of scopes) {
      const provider = byId.get(scope.dataProviderId);
      if (!provider) continue;
      (byClientId.get(provider.clientId)?.scopes as Set<string>).add(scope.scope);
      byScope.set(scope.scope, {
        dataProviderId: provider.id,
        dataProviderSlug: provider.slug,
        dataProviderName: provider.name,
        label: scope.label,
      });
    }
    this.snapshot = { at: Date.now(), byClientId, byScope };
  }
}
