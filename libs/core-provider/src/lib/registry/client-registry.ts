import { ClientEntity } from '@federation/core-data';
import type { SecretBox } from '@federation/oidc';
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
    { at: number; metadata: ClientMetadata | undefined }
  >();

  constructor(
    private readonly repository: Repository<ClientEntity>,
    private readonly secrets: SecretBox,
    private readonly cacheTtlMs: number,
  ) {}

  async find(clientId: string): Promise<ClientMetadata | undefined> {
    const cached = this.cache.get(clientId);
    if (cached && Date.now() - cached.at < this.cacheTtlMs)
      return cached.metadata;
    const row =
      clientId.length <= 128
        ? await this.repository.findOneBy({ clientId })
        : null;
    const metadata = row && row.active ? this.toMetadata(row) : undefined;
    this.cache.set(clientId, { at: Date.now(), metadata });
    if (this.cache.size > 10_000)
      this.cache.delete(this.cache.keys().next().value as string);
    return metadata;
  }

  private toMetadata(row: ClientEntity): ClientMetadata {
    return {
      client_id: row.clientId,
      ...(row.clientSecretSealed
        ? {
            client_secret: this.secrets.open(
              row.clientSecretSealed,
              `client:${row.clientId}`,
            ),
          }
        : {}),
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
      scope: [...new Set(['openid', ...row.scopes])].join(' '),
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
