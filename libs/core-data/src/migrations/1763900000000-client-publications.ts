import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clients published by the partners side: the core keeps only SHA-256 hashes of their secrets
 * (several during a rotation, each with its end of validity), the version of the configuration it
 * applied, and a log of every publication it applied (one row per client and version: the proof
 * that a publication replayed after a crash is applied once).
 */
export class ClientPublications1763900000000 implements MigrationInterface {
  name = 'ClientPublications1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "core"."client" DROP CONSTRAINT IF EXISTS "client_check"`);
    await queryRunner.query(`ALTER TABLE "core"."client" DROP COLUMN "client_secret_sealed"`);
    await queryRunner.query(`ALTER TABLE "core"."client" ADD COLUMN "secret_hashes" jsonb NOT NULL DEFAULT '[]'
      CHECK (jsonb_typeof("secret_hashes") = 'array')`);
    await queryRunner.query(`ALTER TABLE "core"."client" ADD COLUMN "version" int NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE "core"."client_publication_log" (
        "client_id" varchar(128) NOT NULL,
        "version" int NOT NULL,
        "publication_id" uuid NOT NULL,
        "outcome" varchar(16) NOT NULL CHECK ("outcome" IN ('applied', 'superseded')),
        "applied_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("client_id", "version")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "core"."client_publication_log"');
    await queryRunner.query('ALTER TABLE "core"."client" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "core"."client" DROP COLUMN "secret_hashes"');
    await queryRunner.query('ALTER TABLE "core"."client" ADD COLUMN "client_secret_sealed" text');
  }
}
