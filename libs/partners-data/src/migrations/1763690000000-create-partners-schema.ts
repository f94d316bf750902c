import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the `partners` schema, owned by the partners service; its tables come in the following migrations. */
export class CreatePartnersSchema1763690000000 implements MigrationInterface {
  name = 'CreatePartnersSchema1763690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SCHEMA IF NOT EXISTS "partners"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA IF EXISTS "partners" CASCADE');
  }
}
