import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests of type « API FranceConnectée »: the scopes of one data provider asked for a validated
 * habilitation. The data provider is a slug of the consent service's catalogue (another schema,
 * migrated after this one): no foreign key to it.
 */
export class ApiHabilitationRequests1764100100000 implements MigrationInterface {
  name = 'ApiHabilitationRequests1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "partners"."api_habilitation_request" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "organisation_id" uuid NOT NULL REFERENCES "partners"."organisation" ("id") ON DELETE RESTRICT,
        "habilitation_id" uuid NOT NULL REFERENCES "partners"."habilitation_request" ("id") ON DELETE RESTRICT,
        "data_provider_slug" varchar(64) NOT NULL,
        "scopes" text[] NOT NULL CHECK (cardinality("scopes") > 0),
        "justification" text NOT NULL CHECK (char_length("justification") BETWEEN 20 AND 4000),
        "status" varchar(16) NOT NULL CHECK ("status" IN ('submitted', 'validated', 'refused')),
        "decision_message" text,
        "decided_by" uuid REFERENCES "partners"."account" ("id") ON DELETE SET NULL,
        "decided_at" timestamptz,
        "created_by" uuid NOT NULL REFERENCES "partners"."account" ("id") ON DELETE RESTRICT,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // The admins' queue: by status, newest first.
    await queryRunner.query(`CREATE INDEX "api_habilitation_request_queue_idx" ON "partners"."api_habilitation_request" ("status", "created_at" DESC)`);
    await queryRunner.query(`CREATE INDEX "api_habilitation_request_habilitation_idx" ON "partners"."api_habilitation_request" ("habilitation_id", "status")`);
    // One request under review per data provider and habilitation.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_habilitation_request_submitted_key" ON "partners"."api_habilitation_request" ("habilitation_id", "data_provider_slug") WHERE "status" = 'submitted'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "partners"."api_habilitation_request"');
  }
}
