import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

export interface DataScopeGroup {
  dataProviderName: string;
  scopes: { scope: string; label: string }[];
}

interface CatalogueRow {
  data_provider_slug: string;
  data_provider_name: string;
  scope: string;
  label: string;
}

/**
 * The scopes of data providers (FD), read from the consent service's published view
 * `consent.data_provider_catalogue`. oidc-provider's scope list is fixed when it is created, so the
 * scopes known at boot are the ones the core accepts; names and labels are refreshed while it runs.
 */
export class DataProviderScopes {
  private readonly logger = new Logger('DataProviderScopes');
  private bootScopes: ReadonlySet<string> = new Set();
  private snapshot: { at: number; rows: Map<string, CatalogueRow> } = { at: 0, rows: new Map() };
  private loading?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cacheTtlMs: number,
  ) {}

  /** Loads the catalogue before oidc-provider is created; an absent consent schema means no data scopes. */
  async init(): Promise<string[]> {
    await this.reload();
    this.bootScopes = new Set(this.snapshot.rows.keys());
    return [...this.bootScopes];
  }

  isDataScope(scope: string): boolean {
    return this.bootScopes.has(scope);
  }

  hasDataScopes(scopes: Iterable<string>): boolean {
    for (const scope of scopes) if (this.bootScopes.has(scope)) return true;
    return false;
  }

  /** The requested data scopes, grouped by data provider, with their French labels (consent page). */
  async describe(scopes: Iterable<string>): Promise<DataScopeGroup[]> {
    const rows = await this.current();
    const groups = new Map<string, DataScopeGroup>();
    for (const scope of new Set(scopes)) {
      if (!this.bootScopes.has(scope)) continue;
      const row = rows.get(scope);
      const name = row?.data_provider_name ?? 'Fournisseur de données';
      const group = groups.get(name) ?? { dataProviderName: name, scopes: [] };
      group.scopes.push({ scope, label: row?.label ?? scope });
      groups.set(name, group);
    }
    return [...groups.values()];
  }

  private async current(): Promise<Map<string, CatalogueRow>> {
    if (Date.now() - this.snapshot.at >= this.cacheTtlMs) {
      this.loading ??= this.reload().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this.snapshot.rows;
  }

  private async reload(): Promise<void> {
    let rows: CatalogueRow[] = [];
    try {
      rows = await this.dataSource.query(
        `SELECT data_provider_slug, data_provider_name, scope, label FROM consent.data_provider_catalogue
         ORDER BY data_provider_name, display_order, scope`,
      );
    } catch (error) {
      // 42P01: the consent schema is not migrated (a core without the consent service).
      if ((error as { code?: string }).code !== '42P01') throw error;
    }
    const next = new Map(rows.map((row) => [row.scope, row]));
    for (const scope of next.keys()) {
      if (this.snapshot.at > 0 && !this.bootScopes.has(scope) && !this.snapshot.rows.has(scope))
        this.logger.warn({ scope }, 'new data provider scope: restart the core to accept it');
    }
    this.snapshot = { at: Date.now(), rows: next };
  }
}
