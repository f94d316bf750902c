import { IdentityProviderEntity } from '@federation/core-data';
import type { SecretBox } from '@federation/oidc';
import type { Repository } from 'typeorm';

export interface FiDefinition {
  slug: string;
  name: string;
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  jwksUrl: string;
  endSessionUrl: string | null;
  clientId: string;
  clientSecret: string;
  eidasLevels: string[];
}

/** The identity providers the gateway is a client of (read from the core's registry). */
export class FiRegistry {
  private cache?: { at: number; definitions: Map<string, FiDefinition> };

  constructor(
    private readonly repository: Repository<IdentityProviderEntity>,
    private readonly secrets: SecretBox,
    private readonly cacheTtlMs: number,
  ) {}

  async find(slug: string): Promise<FiDefinition | undefined> {
    if (!this.cache || Date.now() - this.cache.at >= this.cacheTtlMs) {
      const rows = await this.repository.findBy({ active: true });
      this.cache = {
        at: Date.now(),
        definitions: new Map(
          rows.map((row) => [
            row.slug,
            {
              slug: row.slug,
              name: row.name,
              issuer: row.issuer,
              authorizationUrl: row.authorizationUrl,
              tokenUrl: row.tokenUrl,
              userinfoUrl: row.userinfoUrl,
              jwksUrl: row.jwksUrl,
              endSessionUrl: row.endSessionUrl,
              clientId: row.clientId,
              clientSecret: this.secrets.open(
                row.clientSecretSealed,
                `fi:${row.slug}`,
              ),
              eidasLevels: row.eidasLevels,
            },
          ]),
        ),
      };
    }
    return this.cache.definitions.get(slug);
  }
}
