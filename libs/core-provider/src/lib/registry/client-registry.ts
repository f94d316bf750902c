import { randomBytes } from 'node:crypto';
import { ClientEntity } from '@federation/core-data';
import { matchesClientSecret } from '@federation/oidc';
import type { Repository } from 'typeorm';

/** Client metadata as oidc-provider reads it (standard fields + ours, declared in extraClientMetadata). */
export type ClientMetadata = Record<string, unknown> & { client_id: string };

export const EXTRA_CLIENT_METADATA = [
  'entity_id',
  'max_eidas_level',
  'identity_provider_policy',
  'identity_provider_slugs',
  'environment',
] as const;

/**
 * The core's registry of service provider clients (Postgres `core.client`), as oidc-provider's
 * `Client` adapter. Rows are cached briefly so that a login does not hit the database on every
 * request, while a revoked client stops working within seconds.
 */
export class ClientRegistry {
  private readonly cache = new Map<
    string,
    { at: number; row: ClientEntity | undefined; metadata: ClientMetadata | undefined }
  >();

  /**
   * oidc-provider wants a `client_secret` for secret-authenticated clients; the core only has
   * hashes, and compares them itself (`verifySecret`), so this value is never compared to anything.
   */
  private readonly unusableSecret = randomBytes(32).toString('base64url');

  constructor(
    private readonly repository: Repository<ClientEntity>,
    private readonly cacheTtlMs: number,
    /**
     * Whether the provider knows a scope. oidc-provider refuses a client whose `scope` holds one it
     * does not know: a client allowed data provider scopes must still work on a core that runs
     * without the consent service (or before a restart that loads a new provider's scopes).
     */
    private readonly isKnownScope: (scope: string) => boolean = () => true,
  ) {}

  async find(clientId: string): Promise<ClientMetadata | undefined> {
    return (await this.entry(clientId)).metadata;
  }

  /** Forgets the cached copy (the worker announced a change of the client). */
  evict(clientId: string): void {
    this.cache.delete(clientId);
  }

  /** True when `presented` is one of the client's secrets still in their validity (rotation overlap included). */
  async verifySecret(clientId: string, presented: unknown): Promise<boolean> {
    const { row } = await this.entry(clientId);
    return !!row && row.active && matchesClientSecret(presented, row.secretHashes);
  }

  private async entry(clientId: string) {
    const cached = this.cache.get(clientId);
    if (cached && Date.now() - cached.at < this.cacheTtlMs) return cached;
    const found =
      clientId.length <= 128
        ? await this.repository.findOneBy({ clientId })
        : null;
    const row = found && found.active ? found : undefined;
    const entry = { at: Date.now(), row, metadata: row ? this.toMetadata(row) : undefined };
    this.cache.set(clientId, entry);
    if (this.cache.size > 10_000)
      this.cache.delete(this.cache.keys().next().value as string);
    return entry;
  }

  private toMetadata(row: ClientEntity): ClientMetadata {
    return {
      client_id: row.clientId,
      ...(row.tokenEndpointAuthMethod === 'private_key_jwt'
        ? {}
        : { client_secret: this.unusableSecret }),
      client_name: row.name,
      redirect_uris: row.redirectUris,
      post_logout_redirect_uris: row.postLogoutRedirectUris,
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: row.tokenEndpointAuthMethod,
      id_token_signed_response_alg: row.idTokenSignedResponseAlg,
      ...(row.userinfoSignedResponseAlg
        ? { userinfo_signed_response_alg: row.userinfoSignedResponseAlg }
        : {}),
      ...(row.jwksUri ? { jwks_uri: row.jwksUri } : {}),
      scope: [...new Set(['openid', ...row.scopes])].filter(this.isKnownScope).join(' '),
      subject_type: 'pairwise',
      // An identifier of the FS entity only: never fetched (sectorIdentifierUriValidate is off);
      // it lets a client have redirect_uris on several hosts and keep one pairwise sector.
      sector_identifier_uri: `https://sector.federation.invalid/${encodeURIComponent(row.entityId)}`,
      entity_id: row.entityId,
      max_eidas_level: row.maxEidasLevel,
      identity_provider_policy: row.identityProviderPolicy,
      identity_provider_slugs: row.identityProviderSlugs,
      environment: row.environment,
    };
  }

  /** oidc-provider's adapter interface for the `Client` model (read-only: clients are managed by partners). */
  asOidcAdapter() {
    return {
      find: (id: string) => this.find(id),
      upsert: async () => undefined,
      destroy: async () => undefined,
      findByUid: async () => undefined,
      findByUserCode: async () => undefined,
      consume: async () => undefined,
      revokeByGrantId: async () => undefined,
    };
  }
}
