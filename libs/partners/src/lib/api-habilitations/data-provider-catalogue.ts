import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DataProviderView } from '@federation/partners-contracts';

interface CatalogueRow {
  data_provider_slug: string;
  data_provider_name: string;
  scope: string;
  label: string;
}

/**
 * The data providers (FD) and their scopes, as the consent service publishes them in the shared
 * database: the read-only view `consent.data_provider_catalogue`, read in raw SQL (the consent
 * service's code is not ours to import). Only active FDs with at least one scope are listed.
 */
@Injectable()
export class DataProviderCatalogue {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every FD, by name, each with its scopes in display order. */
  async all(manager: EntityManager = this.dataSource.manager): Promise<DataProviderView[]> {
    const rows: CatalogueRow[] = await manager.query(
      `SELECT "data_provider_slug", "data_provider_name", "scope", "label"
       FROM "consent"."data_provider_catalogue"
       ORDER BY "data_provider_name", "data_provider_slug", "display_order", "scope"`,
    );
    const providers = new Map<string, DataProviderView>();
    for (const row of rows) {
      const provider = providers.get(row.data_provider_slug) ?? { slug: row.data_provider_slug, name: row.data_provider_name, scopes: [] };
      provider.scopes.push({ scope: row.scope, label: row.label });
      providers.set(row.data_provider_slug, provider);
    }
    return [...providers.values()];
  }

  async find(slug: string, manager: EntityManager = this.dataSource.manager): Promise<DataProviderView | undefined> {
    return (await this.all(manager)).find((provider) => provider.slug === slug);
  }
}
