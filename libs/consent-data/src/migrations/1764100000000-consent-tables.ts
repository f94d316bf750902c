import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consent service's tables: the data provider (FD) registry and its scopes, the citizens'
 * consents, connections and data accesses (their dashboard), and the identity providers they
 * blocked. `data_provider_catalogue` is the read-only view other services (core, partners) read.
 */
export class ConsentTables1764100000000 implements MigrationInterface {
  name = 'ConsentTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "consent"."data_provider" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "slug" varchar(64) NOT NULL UNIQUE CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]*$'),
        "name" varchar(200) NOT NULL,
        "client_id" varchar(128) NOT NULL UNIQUE,
        "secret_hashes" jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof("secret_hashes") = 'array'),
        "token_endpoint_auth_method" varchar(32) NOT NULL DEFAULT 'client_secret_basic'
          CHECK ("token_endpoint_auth_method" IN ('client_secret_basic', 'client_secret_post', 'private_key_jwt')),
        "jwks" jsonb,
        "encryption_jwk" jsonb,
        "encryption_alg" varchar(32),
        "encryption_enc" varchar(32),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CHECK ("token_endpoint_auth_method" <> 'private_key_jwt' OR "jwks" IS NOT NULL),
        CHECK (("encryption_jwk" IS NULL) = ("encryption_alg" IS NULL) AND ("encryption_alg" IS NULL) = ("encryption_enc" IS NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE "consent"."data_provider_scope" (
        "scope" varchar(64) PRIMARY KEY CHECK ("scope" ~ '^[a-z][a-z0-9_]*$'),
        "data_provider_id" uuid NOT NULL REFERENCES "consent"."data_provider" ("id") ON DELETE CASCADE,
        "label" varchar(200) NOT NULL,
        "display_order" int NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX "data_provider_scope_provider" ON "consent"."data_provider_scope" ("data_provider_id")`);
    await queryRunner.query(`
      CREATE VIEW "consent"."data_provider_catalogue" AS
        SELECT p."slug" AS "data_provider_slug", p."name" AS "data_provider_name",
               s."scope", s."label", s."display_order"
        FROM "consent"."data_provider" p
        JOIN "consent"."data_provider_scope" s ON s."data_provider_id" = p."id"
        WHERE p."active"`);
    await queryRunner.query(`
      CREATE TABLE "consent"."consent" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "citizen_key" varchar(80) NOT NULL,
        "grant_id" varchar(128) NOT NULL,
        "client_id" varchar(128) NOT NULL,
        "client_name" varchar(200) NOT NULL,
        "data_provider_id" uuid NOT NULL REFERENCES "consent"."data_provider" ("id") ON DELETE CASCADE,
        "scopes" text[] NOT NULL,
        "acr" varchar(16) NOT NULL,
        "granted_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        UNIQUE ("grant_id", "data_provider_id")
      )`);
    await queryRunner.query(`CREATE INDEX "consent_citizen" ON "consent"."consent" ("citizen_key", "granted_at" DESC)`);
    await queryRunner.query(`
      CREATE TABLE "consent"."connection" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "citizen_key" varchar(80) NOT NULL,
        "grant_id" varchar(128) NOT NULL,
        "client_id" varchar(128) NOT NULL,
        "client_name" varchar(200) NOT NULL,
        "identity_provider_slug" varchar(64) NOT NULL,
        "identity_provider_name" varchar(200) NOT NULL,
        "acr" varchar(16) NOT NULL,
        "connected_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "connection_citizen" ON "consent"."connection" ("citizen_key", "connected_at" DESC)`);
    await queryRunner.query(`
      CREATE TABLE "consent"."data_access" (
        "id" bigserial PRIMARY KEY,
        "consent_id" uuid NOT NULL REFERENCES "consent"."consent" ("id") ON DELETE CASCADE,
        "citizen_key" varchar(80) NOT NULL,
        "data_provider_id" uuid NOT NULL REFERENCES "consent"."data_provider" ("id") ON DELETE CASCADE,
        "client_id" varchar(128) NOT NULL,
        "scopes" text[] NOT NULL,
        "accessed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "data_access_citizen" ON "consent"."data_access" ("citizen_key", "accessed_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "data_access_consent" ON "consent"."data_access" ("consent_id")`);
    await queryRunner.query(`
      CREATE TABLE "consent"."identity_provider_block" (
        "citizen_key" varchar(80) NOT NULL,
        "identity_provider_slug" varchar(64) NOT NULL,
        "blocked_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("citizen_key", "identity_provider_slug")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['identity_provider_block', 'data_access', 'connection', 'consent']) {
      await queryRunner.query(`DROP TABLE "consent"."${table}"`);
    }
    await queryRunner.query('DROP VIEW "consent"."data_provider_catalogue"');
    await queryRunner.query('DROP TABLE "consent"."data_provider_scope"');
    await queryRunner.query('DROP TABLE "consent"."data_provider"');
  }
}
