import { AuditLogEntity, VendorEntity } from '@federation/partners-data';
import { memberOf, platformAdmin, startPartnersTestApp, type ApiClient, type PartnersTestApp } from '../../testing';

describe('vendors: the partner software list', () => {
  let test: PartnersTestApp;
  let admin: Awaited<ReturnType<typeof platformAdmin>>;
  let member: ApiClient;

  beforeAll(async () => {
    test = await startPartnersTestApp('vendors');
    admin = await platformAdmin(test);
    member = (await memberOf(test, '18000108300013', 'agent@u-bordeaux.fr')).client;
  });

  afterAll(() => test?.close());

  const create = (body: unknown) => admin.client.post('/api/admin/vendors', body);

  it('adds a vendor with a trimmed name and a SIRET typed with spaces, and records it in the audit log', async () => {
    const response = await create({ name: '  Atelier Numérique  ', siret: '110 001 013 00017' });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), name: 'Atelier Numérique', siret: '11000101300017', active: true });
    const entries = await test.dataSource.getRepository(AuditLogEntity).findBy({ targetId: response.body.id });
    expect(entries).toEqual([
      expect.objectContaining({ action: 'vendor.create', targetType: 'vendor', actorAccountId: admin.account.id, details: { name: 'Atelier Numérique', siret: '11000101300017' } }),
    ]);
  });

  it('accepts a SIRET of La Poste, whose checksum follows its own rule', async () => {
    const response = await create({ name: 'Éditeur postal', siret: '35600000000001' });

    expect(response.status).toBe(201);
  });

  it('refuses a second vendor of the same name, whatever the case', async () => {
    await create({ name: 'Civitas Logiciels' });

    const response = await create({ name: 'CIVITAS logiciels' });

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'P040001', message: 'Un éditeur porte déjà ce nom.' });
    expect(await test.dataSource.getRepository(VendorEntity).countBy({ name: 'CIVITAS logiciels' })).toBe(0);
  });

  it('says which SIRET rule failed', async () => {
    const format = await create({ name: 'Éditeur A', siret: '1234' });
    const checksum = await create({ name: 'Éditeur B', siret: '11000101300018' });

    expect(format.body.errors).toEqual([{ field: 'siret', messages: ['Le numéro SIRET doit comporter 14 chiffres.'] }]);
    expect(checksum.body.errors).toEqual([{ field: 'siret', messages: ['Ce numéro SIRET n’est pas valide : vérifiez qu’il n’y a pas de faute de frappe.'] }]);
  });

  it('shows the applicants the active vendors only, by name whatever the case', async () => {
    await create({ name: 'zeta Solutions' });
    await create({ name: 'Alpha Mairie' });
    const retired = await create({ name: 'Beta Retraité' });
    await admin.client.patch(`/api/admin/vendors/${retired.body.id}`, { active: false });

    const response = await member.get('/api/vendors');

    expect(response.status).toBe(200);
    const names = response.body.map((vendor: { name: string }) => vendor.name);
    expect(names).toContain('Alpha Mairie');
    expect(names).not.toContain('Beta Retraité');
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'fr')));
    expect(response.body.every((vendor: { active: boolean }) => vendor.active)).toBe(true);
  });

  it('refuses the list to an anonymous caller', async () => {
    expect((await test.client().get('/api/vendors')).status).toBe(401);
  });

  it('deactivates a vendor and records what changed', async () => {
    const vendor = (await create({ name: 'Éditeur à retirer' })).body;

    const response = await admin.client.patch(`/api/admin/vendors/${vendor.id}`, { active: false });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: vendor.id, active: false });
    const [entry] = await test.dataSource.getRepository(AuditLogEntity).findBy({ targetId: vendor.id, action: 'vendor.update' });
    expect(entry?.details).toEqual({ changes: { active: { from: true, to: false } } });
  });

  it('renames a vendor and removes its SIRET with null', async () => {
    const vendor = (await create({ name: 'Ancien Nom', siret: '11000102100010' })).body;

    const response = await admin.client.patch(`/api/admin/vendors/${vendor.id}`, { name: 'Nouveau Nom', siret: null });

    expect(response.body).toEqual({ id: vendor.id, name: 'Nouveau Nom', siret: null, active: true });
  });

  it('refuses to rename a vendor to the name of another', async () => {
    await create({ name: 'Nom Pris' });
    const vendor = (await create({ name: 'Nom Libre' })).body;

    const response = await admin.client.patch(`/api/admin/vendors/${vendor.id}`, { name: 'nom pris' });

    expect(response.status).toBe(409);
    expect((await test.dataSource.getRepository(VendorEntity).findOneByOrFail({ id: vendor.id })).name).toBe('Nom Libre');
  });

  it('writes no audit entry when nothing actually changes', async () => {
    const vendor = (await create({ name: 'Éditeur stable' })).body;

    const response = await admin.client.patch(`/api/admin/vendors/${vendor.id}`, { name: 'Éditeur stable', active: true });

    expect(response.status).toBe(200);
    expect(await test.dataSource.getRepository(AuditLogEntity).countBy({ targetId: vendor.id, action: 'vendor.update' })).toBe(0);
  });

  it('lets admins page through every vendor, inactive ones included, and search by name or SIRET', async () => {
    const byName = await admin.client.get('/api/admin/vendors?q=retrait');
    const bySiret = await admin.client.get('/api/admin/vendors?q=1100010130');
    const firstPage = await admin.client.get('/api/admin/vendors?pageSize=2');

    expect(byName.body.items).toEqual([expect.objectContaining({ name: 'Beta Retraité', active: false })]);
    expect(bySiret.body.items.map((vendor: { name: string }) => vendor.name)).toEqual(['Atelier Numérique']);
    expect(firstPage.body.items).toHaveLength(2);
    expect(firstPage.body.total).toBe(await test.dataSource.getRepository(VendorEntity).count());
  });
});
