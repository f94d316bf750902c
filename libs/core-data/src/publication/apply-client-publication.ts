import type { DataSource } from 'typeorm';
import type { ClientPublicationJob } from '@federation/queue';

export type PublicationOutcome = 'applied' | 'superseded' | 'already-applied';

/**
 * The core's side of a publication: writes the client configuration into `core.client`, once.
 * In one transaction: the (client, version) pair is recorded in the publication log — if it is
 * already there, this is a replay (a worker died after applying) and nothing changes; otherwise the
 * row is inserted or updated only if its version is lower, so publications arriving out of order
 * never bring an older configuration back.
 */
export async function applyClientPublication(
  dataSource: DataSource,
  job: ClientPublicationJob,
): Promise<PublicationOutcome> {
  const config = job.configuration;
  return dataSource.transaction(async (manager) => {
    // The log row decides: a replay (same client and version) conflicts here and changes nothing.
    const logged: unknown[] = await manager.query(
      `INSERT INTO "core"."client_publication_log" ("client_id", "version", "publication_id", "outcome")
       VALUES ($1, $2, $3, 'applied') ON CONFLICT DO NOTHING RETURNING "version"`,
      [config.clientId, config.version, job.publicationId],
    );
    if (logged.length === 0) return 'already-applied';
    const upserted: unknown[] = await manager.query(
      `INSERT INTO "core"."client" AS c (
         "client_id", "secret_hashes", "name", "entity_id", "redirect_uris", "post_logout_redirect_uris",
         "scopes", "max_eidas_level", "token_endpoint_auth_method", "id_token_signed_response_alg",
         "jwks_uri", "environment", "active", "version", "identity_provider_policy", "identity_provider_slugs"
       ) VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'deny', '{}')
       ON CONFLICT ("client_id") DO UPDATE SET
         "secret_hashes" = EXCLUDED."secret_hashes", "name" = EXCLUDED."name", "entity_id" = EXCLUDED."entity_id",
         "redirect_uris" = EXCLUDED."redirect_uris", "post_logout_redirect_uris" = EXCLUDED."post_logout_redirect_uris",
         "scopes" = EXCLUDED."scopes", "max_eidas_level" = EXCLUDED."max_eidas_level",
         "token_endpoint_auth_method" = EXCLUDED."token_endpoint_auth_method",
         "id_token_signed_response_alg" = EXCLUDED."id_token_signed_response_alg", "jwks_uri" = EXCLUDED."jwks_uri",
         "environment" = EXCLUDED."environment", "active" = EXCLUDED."active", "version" = EXCLUDED."version",
         "updated_at" = now()
       WHERE c."version" < EXCLUDED."version"
       RETURNING "client_id"`,
      [
        config.clientId,
        JSON.stringify(config.secretHashes),
        config.name,
        config.entityId,
        config.redirectUris,
        config.postLogoutRedirectUris,
        config.scopes,
        config.maxEidasLevel,
        config.tokenEndpointAuthMethod,
        config.idTokenSignedResponseAlg,
        config.jwksUri,
        config.environment,
        config.active,
        config.version,
      ],
    );
    if (upserted.length > 0) return 'applied';
    // A higher version is already in force: this one arrived late and changes nothing.
    await manager.query(
      `UPDATE "core"."client_publication_log" SET "outcome" = 'superseded' WHERE "client_id" = $1 AND "version" = $2`,
      [config.clientId, config.version],
    );
    return 'superseded';
  });
}
