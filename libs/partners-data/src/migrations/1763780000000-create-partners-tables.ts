import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, organisations and memberships, vendors, habilitation requests with their history, audit log, mail outbox. */
export class CreatePartnersTables1763780000000 implements MigrationInterface {
  name = 'CreatePartnersTables1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram index of the admin search ("contains" on project, organisation, SIRET). A trusted extension.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');
    await queryRunner.query(`
      CREATE TABLE "partners"."account" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL CHECK ("email" = lower("email")),
        "email_domain" varchar(253) NOT NULL,
        "password_hash" text NOT NULL,
        "given_name" varchar(100) NOT NULL,
        "family_name" varchar(100) NOT NULL,
        "email_verified_at" timestamptz,
        "is_platform_admin" boolean NOT NULL DEFAULT false,
        "totp_secret_sealed" text,
        "totp_last_step" bigint,
        "pending_siret" char(14),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX "account_email_key" ON "partners"."account" ("email")');
    await queryRunner.query(`
      CREATE TABLE "partners"."organisation" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "siret" char(14) NOT NULL UNIQUE,
        "name" varchar(300) NOT NULL,
        "address" text NOT NULL,
        "is_head_office" boolean NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "partners"."membership" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL REFERENCES "partners"."account" ("id") ON DELETE CASCADE,
        "organisation_id" uuid NOT NULL REFERENCES "partners"."organisation" ("id") ON DELETE CASCADE,
        "role" varchar(16) NOT NULL CHECK ("role" IN ('admin', 'member')),
        "status" varchar(16) NOT NULL CHECK ("status" IN ('active', 'pending', 'rejected')),
        "rejection_reason" text,
        "decided_by" uuid,
        "decided_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("account_id", "organisation_id")
      )`);
    await queryRunner.query('CREATE INDEX "membership_organisation_idx" ON "partners"."membership" ("organisation_id", "status")');
    await queryRunner.query('CREATE INDEX "membership_pending_idx" ON "partners"."membership" ("created_at") WHERE "status" = \'pending\'');
    await queryRunner.query(`
      CREATE TABLE "partners"."vendor" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "siret" char(14),
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX "vendor_name_key" ON "partners"."vendor" (lower("name"))');
    await queryRunner.query(`
      CREATE TABLE "partners"."habilitation_request" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "type" varchar(32) NOT NULL DEFAULT 'franceconnect' CHECK ("type" IN ('franceconnect')),
        "organisation_id" uuid NOT NULL REFERENCES "partners"."organisation" ("id") ON DELETE RESTRICT,
        "status" varchar(32) NOT NULL
          CHECK ("status" IN ('draft', 'submitted', 'changes_requested', 'validated', 'refused', 'revoked')),
        "content" jsonb NOT NULL DEFAULT '{}',
        "last_submitted_content" jsonb,
        "validated_content" jsonb,
        "validated_version" int NOT NULL DEFAULT 0,
        "project_name" varchar(200),
        "search_text" text NOT NULL DEFAULT '',
        "created_by" uuid NOT NULL REFERENCES "partners"."account" ("id"),
        "submitted_by" uuid REFERENCES "partners"."account" ("id"),
        "submitted_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // The admin queue: filter by status, oldest submission first; by organisation; by date.
    await queryRunner.query('CREATE INDEX "habilitation_queue_idx" ON "partners"."habilitation_request" ("status", "submitted_at", "id")');
    await queryRunner.query('CREATE INDEX "habilitation_submitted_idx" ON "partners"."habilitation_request" ("submitted_at", "id")');
    await queryRunner.query('CREATE INDEX "habilitation_organisation_idx" ON "partners"."habilitation_request" ("organisation_id", "updated_at")');
    await queryRunner.query(
      'CREATE INDEX "habilitation_search_idx" ON "partners"."habilitation_request" USING gin ("search_text" public.gin_trgm_ops)',
    );
    await queryRunner.query(`
      CREATE TABLE "partners"."habilitation_event" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL REFERENCES "partners"."habilitation_request" ("id") ON DELETE CASCADE,
        "type" varchar(32) NOT NULL,
        "from_status" varchar(32),
        "to_status" varchar(32) NOT NULL,
        "actor_account_id" uuid NOT NULL,
        "actor_role" varchar(16) NOT NULL CHECK ("actor_role" IN ('applicant', 'instructor')),
        "message" text,
        "changed_fields" text[] NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX "habilitation_event_request_idx" ON "partners"."habilitation_event" ("request_id", "created_at")');
    await queryRunner.query(`
      CREATE TABLE "partners"."habilitation_message" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL REFERENCES "partners"."habilitation_request" ("id") ON DELETE CASCADE,
        "author_account_id" uuid NOT NULL,
        "author_role" varchar(16) NOT NULL CHECK ("author_role" IN ('applicant', 'instructor')),
        "body" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX "habilitation_message_request_idx" ON "partners"."habilitation_message" ("request_id", "created_at")');
    await queryRunner.query(`
      CREATE TABLE "partners"."audit_log" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "actor_account_id" uuid,
        "action" varchar(64) NOT NULL,
        "target_type" varchar(32) NOT NULL,
        "target_id" varchar(64) NOT NULL,
        "details" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX "audit_log_created_idx" ON "partners"."audit_log" ("created_at" DESC)');
    await queryRunner.query(`
      CREATE TABLE "partners"."mail_outbox" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "job" jsonb NOT NULL,
        "published_at" timestamptz,
        "attempts" int NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX "mail_outbox_pending_idx" ON "partners"."mail_outbox" ("created_at") WHERE "published_at" IS NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'mail_outbox',
      'audit_log',
      'habilitation_message',
      'habilitation_event',
      'habilitation_request',
      'vendor',
      'membership',
      'organisation',
      'account',
    ])
      await queryRunner.query(`DROP TABLE IF EXISTS "partners"."${table}"`);
  }
}
