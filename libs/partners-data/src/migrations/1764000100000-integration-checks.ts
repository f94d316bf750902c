import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The integration checklist of each client, computed by the worker from its real traffic at the
 * core (business events): each check's last observation, and the errors the client ran into.
 */
export class IntegrationChecks1764000100000 implements MigrationInterface {
  name = 'IntegrationChecks1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "partners"."integration_check" (
        "client_id" varchar(128) NOT NULL,
        "check_key" varchar(32) NOT NULL,
        "status" varchar(8) NOT NULL CHECK ("status" IN ('passed', 'failed')),
        "detail" text,
        "last_seen_at" timestamptz NOT NULL,
        PRIMARY KEY ("client_id", "check_key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "partners"."integration_error" (
        "client_id" varchar(128) NOT NULL,
        "event_type" varchar(32) NOT NULL,
        "error_code" varchar(64) NOT NULL,
        "count" int NOT NULL CHECK ("count" > 0),
        "last_seen_at" timestamptz NOT NULL,
        PRIMARY KEY ("client_id", "event_type", "error_code")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "partners"."integration_error"');
    await queryRunner.query('DROP TABLE "partners"."integration_check"');
  }
}
