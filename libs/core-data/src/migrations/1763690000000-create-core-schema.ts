import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the `core` schema, owned by the core service; its tables come in the following migrations. */
export class CreateCoreSchema1763690000000 implements MigrationInterface {
  name = 'CreateCoreSchema1763690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "core"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "core" CASCADE');
  }
}
