import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the `consent` schema, owned by the consent service; its tables come in the following migrations. */
export class CreateConsentSchema1763690000000 implements MigrationInterface {
  name = 'CreateConsentSchema1763690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "consent"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "consent" CASCADE');
  }
}
