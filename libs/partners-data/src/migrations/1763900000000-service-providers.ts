import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Service providers' clients (sandbox and production), their secrets (hashes), their publications to the core, production requests. */
export class ServiceProviders1763900000000 implements MigrationInterface {
  name = 'ServiceProviders1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "partners"."service_provider" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "habilitation_id" uuid NOT NULL REFERENCES "partners"."habilitation_request" ("id") ON DELETE RESTRICT,
        "organisation_id" uuid NOT NULL REFERENCES "partners"."organisation" ("id") ON DELETE RESTRICT,
        "environment" varchar(16) NOT NULL CHECK ("environment" IN ('sandbox', 'production')),
        "client_id" varchar(64) NOT NULL UNIQUE,
        "name" varchar(200) NOT NULL,
        "redirect_uris" text[] NOT NULL CHECK (cardinality("redirect_uris") > 0),
        "post_logout_redirect_uris" text[] NOT NULL DEFAULT '{}',
        "connect_page_url" text,
        "id_token_signed_response_alg" varchar(8) NOT NULL DEFAULT 'ES256' CHECK ("id_token_signed_response_alg" IN ('ES256', 'RS256')),
        "token_endpoint_auth_method" varchar(32) NOT NULL DEFAULT 'client_secret_basic'
          CHECK ("token_endpoint_auth_method" IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
        "jwks_uri" text,
        "scopes" text[] NOT NULL,
        "max_eidas_level" varchar(8) NOT NULL CHECK ("max_eidas_level" IN ('eidas1', 'eidas2', 'eidas3')),
        "status" varchar(16) NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'revoked')),
        "revocation_reason" text,
        "revoked_at" timestamptz,
        "config_version" int NOT NULL DEFAULT 1 CHECK ("config_version" > 0),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK ("token_endpoint_auth_method" <> 'private_key_jwt' OR "jwks_uri" IS NOT NULL)
      )`);
    // One sandbox client per habilitation.
    await queryRunner.query(`CREATE UNIQUE INDEX "service_provider_sandbox_key" ON "partners"."service_provider" ("habilitation_id") WHERE "environment" = 'sandbox'`);
    await queryRunner.query(`CREATE INDEX "service_provider_organisation_idx" ON "partners"."service_provider" ("organisation_id")`);
    await queryRunner.query(`
      CREATE TABLE "partners"."client_secret" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "service_provider_id" uuid NOT NULL REFERENCES "partners"."service_provider" ("id") ON DELETE CASCADE,
        "sha256" char(64) NOT NULL UNIQUE CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        "last4" char(4) NOT NULL,
        "created_by" uuid REFERENCES "partners"."account" ("id") ON DELETE SET NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "not_after" timestamptz
      )`);
    // At most one current secret per client.
    await queryRunner.query(`CREATE UNIQUE INDEX "client_secret_current_key" ON "partners"."client_secret" ("service_provider_id") WHERE "not_after" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "partners"."client_publication" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "service_provider_id" uuid NOT NULL REFERENCES "partners"."service_provider" ("id") ON DELETE CASCADE,
        "version" int NOT NULL,
        "configuration" jsonb NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'published', 'failed')),
        "failure_reason" text,
        "enqueued_at" timestamptz,
        "published_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("service_provider_id", "version")
      )`);
    await queryRunner.query(`CREATE INDEX "client_publication_to_relay_idx" ON "partners"."client_publication" ("created_at") WHERE "enqueued_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "partners"."production_request" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "habilitation_id" uuid NOT NULL REFERENCES "partners"."habilitation_request" ("id") ON DELETE RESTRICT,
        "organisation_id" uuid NOT NULL REFERENCES "partners"."organisation" ("id") ON DELETE RESTRICT,
        "status" varchar(16) NOT NULL CHECK ("status" IN ('submitted', 'validated', 'refused')),
        "service_name" varchar(200) NOT NULL,
        "connect_page_url" text NOT NULL,
        "redirect_uris" text[] NOT NULL CHECK (cardinality("redirect_uris") > 0),
        "post_logout_redirect_uris" text[] NOT NULL DEFAULT '{}',
        "technical_contact" jsonb NOT NULL,
        "vendor_id" uuid REFERENCES "partners"."vendor" ("id") ON DELETE SET NULL,
        "decision_message" text,
        "decided_by" uuid REFERENCES "partners"."account" ("id") ON DELETE SET NULL,
        "decided_at" timestamptz,
        "service_provider_id" uuid REFERENCES "partners"."service_provider" ("id") ON DELETE SET NULL,
        "created_by" uuid NOT NULL REFERENCES "partners"."account" ("id") ON DELETE RESTRICT,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "production_request_queue_idx" ON "partners"."production_request" ("status", "created_at")`);
    await queryRunner.query(`CREATE INDEX "production_request_habilitation_idx" ON "partners"."production_request" ("habilitation_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "partners"."production_request"');
    await queryRunner.query('DROP TABLE "partners"."client_publication"');
    await queryRunner.query('DROP TABLE "partners"."client_secret"');
    await queryRunner.query('DROP TABLE "partners"."service_provider"');
  }
}
