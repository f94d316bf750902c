import { IdentityProviderEntity } from '@federation/core-data';
import { eidasRank, isEidasLevel, type EidasLevel } from '@federation/identity';
import type { Repository } from 'typeorm';
import type { ClientMetadata } from './client-registry';

export interface IdentityProviderChoice {
  slug: string;
  name: string;
  eidasLevels: EidasLevel[];
}

/** Which identity providers a citizen may use for a given client and eIDAS level. */
export class IdentityProviderRegistry {
  private cache?: { at: number; rows: IdentityProviderEntity[] };

  constructor(
    private readonly repository: Repository<IdentityProviderEntity>,
    private readonly cacheTtlMs: number,
  ) {}

  private async all(): Promise<IdentityProviderEntity[]> {
    if (this.cache && Date.now() - this.cache.at < this.cacheTtlMs)
      return this.cache.rows;
    const rows = await this.repository.find({
      where: { active: true },
      order: { displayOrder: 'ASC', name: 'ASC' },
    });
    this.cache = { at: Date.now(), rows };
    return rows;
  }

  /**
   * FIs of the client's environment (sandbox clients see only test FIs), able to certify the
   * requested level, and allowed by the client's allow/deny list.
   */
  async choicesFor(
    client: ClientMetadata,
    requested: EidasLevel,
  ): Promise<IdentityProviderChoice[]> {
    const policy =
      client['identity_provider_policy'] === 'allow' ? 'allow' : 'deny';
    const listed = new Set(
      (client['identity_provider_slugs'] as string[] | undefined) ?? [],
    );
    return (await this.all())
      .filter((fi) => fi.environment === client['environment'])
      .filter((fi) =>
        policy === 'allow' ? listed.has(fi.slug) : !listed.has(fi.slug),
      )
      .filter((fi) =>
        fi.eidasLevels.some(
          (level) =>
            isEidasLevel(level) && eidasRank(level) >= eidasRank(requested),
        ),
      )
      .map((fi) => ({
        slug: fi.slug,
        name: fi.name,
        eidasLevels: fi.eidasLevels.filter(isEidasLevel),
      }));
  }

  async isAllowed(
    client: ClientMetadata,
    requested: EidasLevel,
    slug: string,
  ): Promise<boolean> {
    return (await this.choicesFor(client, requested)).some(
      (choice) => choice.slug === slug,
    );
  }

  async nameOf(slug: string): Promise<string | undefined> {
    return (await this.all()).find((fi) => fi.slug === slug)?.name;
  }
}
