import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The core's registries: identity providers (FI) and service provider clients (FS). */
export class CreateRegistries1763690100000 implements MigrationInterface {
  name = 'CreateRegistries1763690100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "core"."identity_provider" (
        "slug" varchar(64) PRIMARY KEY,
        "name" varchar(200) NOT NULL,
        "issuer" text NOT NULL UNIQUE,
        "authorization_url" text NOT NULL,
        "token_url" text NOT NULL,
        "userinfo_url" text NOT NULL,
        "jwks_url" text NOT NULL,
        "end_session_url" text,
        "client_id" text NOT NULL,
        "client_secret_sealed" text NOT NULL,
        "eidas_levels" text[] NOT NULL CHECK ("eidas_levels" <@ ARRAY['eidas1','eidas2','eidas3'] AND cardinality("eidas_levels") > 0),
        "environment" varchar(16) NOT NULL CHECK ("environment" IN ('sandbox', 'production')),
        "active" boolean NOT NULL DEFAULT true,
        "display_order" int NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "core"."client" (
        "client_id" varchar(128) PRIMARY KEY,
        "client_secret_sealed" text,
        "name" varchar(200) NOT NULL,
        "entity_id" varchar(128) NOT NULL,
        "redirect_uris" text[] NOT NULL CHECK (cardinality("redirect_uris") > 0),
        "post_logout_redirect_uris" text[] NOT NULL DEFAULT '{}',
        "scopes" text[] NOT NULL,
        "max_eidas_level" varchar(8) NOT NULL CHECK ("max_eidas_level" IN ('eidas1', 'eidas2', 'eidas3')),
        "token_endpoint_auth_method" varchar(32) NOT NULL DEFAULT 'client_secret_basic'
          CHECK ("token_endpoint_auth_method" IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
        "id_token_signed_response_alg" varchar(8) NOT NULL DEFAULT 'ES256' CHECK ("id_token_signed_response_alg" IN ('ES256', 'RS256')),
        "userinfo_signed_response_alg" varchar(8) CHECK ("userinfo_signed_response_alg" IN ('ES256', 'RS256')),
        "jwks_uri" text,
        "identity_provider_policy" varchar(8) NOT NULL DEFAULT 'deny' CHECK ("identity_provider_policy" IN ('allow', 'deny')),
        "identity_provider_slugs" text[] NOT NULL DEFAULT '{}',
        "environment" varchar(16) NOT NULL CHECK ("environment" IN ('sandbox', 'production')),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK ("client_secret_sealed" IS NOT NULL OR "token_endpoint_auth_method" = 'private_key_jwt')
      )`);
    await queryRunner.query(`CREATE INDEX "client_entity_id_idx" ON "core"."client" ("entity_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "core"."client"');
    await queryRunner.query('DROP TABLE "core"."identity_provider"');
  }
}
