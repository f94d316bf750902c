import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily figures of the core's business events (per client, identity provider, eIDAS level and
 * step), aggregated by the worker; and the ids of the events already counted, so that a replayed
 * event is counted once.
 */
export class LoginStatistics1764000000000 implements MigrationInterface {
  name = 'LoginStatistics1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "partners"."business_event_seen" (
        "event_id" varchar(64) PRIMARY KEY,
        "seen_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "business_event_seen_at_idx" ON "partners"."business_event_seen" ("seen_at")`);
    await queryRunner.query(`
      CREATE TABLE "partners"."login_statistic_daily" (
        "day" date NOT NULL,
        "client_id" varchar(128) NOT NULL,
        "fi_slug" varchar(64) NOT NULL DEFAULT '',
        "acr" varchar(8) NOT NULL DEFAULT '',
        "event_type" varchar(32) NOT NULL,
        "successes" int NOT NULL DEFAULT 0 CHECK ("successes" >= 0),
        "failures" int NOT NULL DEFAULT 0 CHECK ("failures" >= 0),
        PRIMARY KEY ("day", "client_id", "fi_slug", "acr", "event_type")
      )`);
    await queryRunner.query(`CREATE INDEX "login_statistic_daily_client_idx" ON "partners"."login_statistic_daily" ("client_id", "day")`);
    await queryRunner.query(`CREATE INDEX "login_statistic_daily_fi_idx" ON "partners"."login_statistic_daily" ("fi_slug", "day")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "partners"."login_statistic_daily"');
    await queryRunner.query('DROP TABLE "partners"."business_event_seen"');
  }
}
