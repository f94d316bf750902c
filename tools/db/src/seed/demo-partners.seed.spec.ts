import { createDataSource, migrateSchemas } from '@federation/database';
import { AccountEntity, MembershipEntity, PARTNERS_SCHEMA, VendorEntity } from '@federation/partners-data';
import { createTestDatabase, type TestDatabase } from '@federation/testing';
import type { DataSource } from 'typeorm';
import { DEMO_PARTNERS, seedDemoPartners } from './demo-partners.seed';

describe('the demo data of the Espace Partenaire', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('seed-partners');
    await migrateSchemas(database.url, [PARTNERS_SCHEMA]);
    dataSource = createDataSource({ url: database.url, schema: PARTNERS_SCHEMA, poolSize: 1 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('creates a platform admin, an applicant who administers a commune, and two vendors', async () => {
    expect(await seedDemoPartners(dataSource)).toEqual({ accounts: 2, vendors: 2 });

    const admin = await dataSource.getRepository(AccountEntity).findOneByOrFail({ email: DEMO_PARTNERS.admin.email });
    const applicant = await dataSource.getRepository(AccountEntity).findOneByOrFail({ email: DEMO_PARTNERS.applicant.email });
    expect(admin.isPlatformAdmin).toBe(true);
    expect(applicant.isPlatformAdmin).toBe(false);
    expect(applicant.passwordHash).toMatch(/^scrypt\$15\$/);
    expect(await dataSource.getRepository(MembershipEntity).findBy({ accountId: applicant.id })).toEqual([
      expect.objectContaining({ role: 'admin', status: 'active' }),
    ]);
  });

  it('can run again without duplicating anything', async () => {
    expect(await seedDemoPartners(dataSource)).toEqual({ accounts: 0, vendors: 0 });

    expect(await dataSource.getRepository(AccountEntity).count()).toBe(2);
    expect(await dataSource.getRepository(VendorEntity).count()).toBe(2);
  });
});
