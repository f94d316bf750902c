import { ServiceProviderEntity } from '@federation/partners-data';
import { memberOf, platformAdmin, startPartnersTestApp, validatedHabilitation, habilitationContent, type ApiClient, type PartnersTestApp } from '../../testing';
import { addDays, parisToday } from './statistics-period';

const ORGANISATION_A = '11000101300017';
const ORGANISATION_B = '11000102100010';

describe('statistics of the services', () => {
  let test: PartnersTestApp;
  let memberOfA: ApiClient;
  let memberOfB: ApiClient;
  let admin: ApiClient;
  let organisationA: { id: string; siret: string };
  let organisationB: string;
  let sandboxA: ServiceProviderEntity;
  let productionA: ServiceProviderEntity;
  let sandboxB: ServiceProviderEntity;

  async function figure(day: string, clientId: string, fiSlug: string, acr: string, eventType: string, successes: number, failures: number) {
    await test.dataSource.query(
      `INSERT INTO partners.login_statistic_daily (day, client_id, fi_slug, acr, event_type, successes, failures) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [day, clientId, fiSlug, acr, eventType, successes, failures],
    );
  }

  beforeAll(async () => {
    test = await startPartnersTestApp('statistics');
    const a = await memberOf(test, ORGANISATION_A, 'agent@interieur.gouv.fr');
    const b = await memberOf(test, ORGANISATION_B, 'agent@finances.gouv.fr');
    memberOfA = a.client;
    memberOfB = b.client;
    organisationA = { id: a.organisation.id, siret: a.organisation.siret };
    organisationB = b.organisation.id;
    admin = (await platformAdmin(test)).client;
    const repository = test.dataSource.getRepository(ServiceProviderEntity);
    const habilitationA = await validatedHabilitation(memberOfA, admin, a.organisation.id, habilitationContent({ projectName: 'Portail famille' }));
    sandboxA = (await repository.findOneByOrFail({ habilitationId: habilitationA })) as ServiceProviderEntity;
    // A production client as a validated production request leaves it.
    productionA = await repository.save({
      ...sandboxA,
      id: undefined,
      environment: 'production',
      clientId: 'production-portail-famille',
      name: 'Portail famille; prod',
      redirectUris: ['https://famille.interieur.gouv.fr/callback'],
      createdAt: undefined,
      updatedAt: undefined,
    } as unknown as ServiceProviderEntity);
    const habilitationB = await validatedHabilitation(memberOfB, admin, b.organisation.id, habilitationContent({ projectName: 'Impôts locaux' }));
    sandboxB = await repository.findOneByOrFail({ habilitationId: habilitationB });

    // The core's registry shares the database in production: one FI named there, the other not.
    await test.dataSource.query(`CREATE SCHEMA IF NOT EXISTS core`);
    await test.dataSource.query(`CREATE TABLE core.identity_provider (slug varchar(64) PRIMARY KEY, name varchar(200) NOT NULL)`);
    await test.dataSource.query(`INSERT INTO core.identity_provider (slug, name) VALUES ('impots', 'impots.gouv.fr')`);

    await figure('2026-11-02', sandboxA.clientId, 'impots', 'eidas1', 'redirected_to_fs', 3, 1);
    await figure('2026-11-02', sandboxA.clientId, 'ameli', 'eidas2', 'redirected_to_fs', 1, 0);
    await figure('2026-11-02', sandboxA.clientId, '', '', 'authorize', 9, 2);
    await figure('2026-11-04', productionA.clientId, 'impots', 'eidas1', 'redirected_to_fs', 4, 0);
    await figure('2026-11-04', productionA.clientId, 'impots', 'eidas1', 'token', 4, 1);
    // Out of the period, and another organisation's.
    await figure('2026-10-31', sandboxA.clientId, 'impots', 'eidas1', 'redirected_to_fs', 50, 0);
    await figure('2026-11-03', sandboxB.clientId, 'ameli', 'eidas1', 'redirected_to_fs', 7, 0);
    // A client partners-api does not know (the core's own demo client).
    await figure('2026-11-03', 'demo-core-client', 'impots', 'eidas1', 'redirected_to_fs', 100, 0);
  });

  afterAll(() => test?.close());

  describe('of an organisation', () => {
    it('gives logins and failures per day, every day of the period, and the share of each FI', async () => {
      const response = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics?from=2026-11-01&to=2026-11-05`);

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ from: '2026-11-01', to: '2026-11-05', logins: 8, failures: 4 });
      expect(response.body.days).toEqual([
        { day: '2026-11-01', logins: 0, failures: 0 },
        { day: '2026-11-02', logins: 4, failures: 3 },
        { day: '2026-11-03', logins: 0, failures: 0 },
        { day: '2026-11-04', logins: 4, failures: 1 },
        { day: '2026-11-05', logins: 0, failures: 0 },
      ]);
      expect(response.body.identityProviders).toEqual([
        { slug: 'impots', name: 'impots.gouv.fr', logins: 7, share: 7 / 8 },
        { slug: 'ameli', name: 'ameli', logins: 1, share: 1 / 8 },
      ]);
    });

    it('gives the same per service, every service of the organisation', async () => {
      const { body } = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics?from=2026-11-01&to=2026-11-05`);

      expect(body.services.map((service: { clientId: string }) => service.clientId)).toEqual([sandboxA.clientId, productionA.clientId]);
      expect(body.services[0]).toMatchObject({
        serviceProviderId: sandboxA.id,
        name: 'Portail famille',
        environment: 'sandbox',
        organisation: { id: organisationA.id, siret: ORGANISATION_A },
        logins: 4,
        failures: 3,
        identityProviders: [
          { slug: 'impots', logins: 3, share: 0.75 },
          { slug: 'ameli', logins: 1, share: 0.25 },
        ],
      });
      expect(body.services[1]).toMatchObject({ environment: 'production', logins: 4, failures: 1, identityProviders: [{ slug: 'impots', share: 1 }] });
      expect(body.services[1].days).toHaveLength(5);
    });

    it('answers zeros for a period without traffic, shares included', async () => {
      const { status, body } = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics?from=2025-01-01&to=2025-01-03`);

      expect(status).toBe(200);
      expect(body).toMatchObject({ logins: 0, failures: 0, identityProviders: [] });
      expect(body.days.map((day: { logins: number }) => day.logins)).toEqual([0, 0, 0]);
      expect(body.services).toHaveLength(2);
    });

    it('covers the last 30 days up to today (Paris) by default', async () => {
      const { status, body } = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics`);

      expect(status).toBe(200);
      expect(body.to).toBe(parisToday());
      expect(body.from).toBe(addDays(parisToday(), -29));
      expect(body.days).toHaveLength(30);
    });

    it.each([
      ['a day that does not exist', 'from=2026-02-30&to=2026-03-01', 'P000001', 'from'],
      ['a date in another format', 'from=01/11/2026', 'P000001', 'from'],
      ['an end before the start', 'from=2026-11-05&to=2026-11-01', 'P060001', 'to'],
      ['more than 366 days', 'from=2025-01-01&to=2026-01-02', 'P060002', 'from'],
      ['an unknown parameter', 'jour=2026-11-01', 'P000001', 'jour'],
    ])('refuses %s (400, the field named)', async (_case, query, code, field) => {
      const response = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics?${query}`);

      expect(response.status).toBe(400);
      expect(response.body.code).toBe(code);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('accepts exactly 366 days', async () => {
      const response = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics?from=2024-01-01&to=2024-12-31`);

      expect(response.status).toBe(200);
      expect(response.body.days).toHaveLength(366);
    });

    it('exports the figures as CSV, one row per day, service, FI and eIDAS level', async () => {
      const response = await memberOfA.get(`/api/organisations/${organisationA.id}/statistics.csv?from=2026-11-01&to=2026-11-05`);

      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="statistiques-${ORGANISATION_A}-2026-11-01-2026-11-05.csv"`);
      expect((response.body as string).replace(/^\uFEFF/, '').split('\r\n')).toEqual([
        'jour;service;client_id;environnement;fournisseur_identite;niveau_eidas;connexions;echecs',
        `2026-11-02;Portail famille;${sandboxA.clientId};bac à sable;;;0;2`,
        `2026-11-02;Portail famille;${sandboxA.clientId};bac à sable;ameli;eidas2;1;0`,
        `2026-11-02;Portail famille;${sandboxA.clientId};bac à sable;impots.gouv.fr;eidas1;3;1`,
        '2026-11-04;"Portail famille; prod";production-portail-famille;production;impots.gouv.fr;eidas1;4;1',
        '',
      ]);
    });

    it('answers 404 to a member of another organisation, for the figures and the CSV', async () => {
      for (const path of ['statistics', 'statistics.csv']) {
        const response = await memberOfB.get(`/api/organisations/${organisationA.id}/${path}`);
        expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 404, code: 'P000006' });
      }
      expect((await memberOfB.get(`/api/organisations/${organisationB}/statistics?from=2026-11-01&to=2026-11-05`)).body.logins).toBe(7);
    });

    it('answers 401 without a session', async () => {
      expect((await test.client().get(`/api/organisations/${organisationA.id}/statistics`)).status).toBe(401);
    });
  });

  describe('for the admins', () => {
    it('gives every service with traffic in the period, across organisations', async () => {
      const { status, body } = await admin.get('/api/admin/statistics?from=2026-11-01&to=2026-11-05');

      expect(status).toBe(200);
      expect(body).toMatchObject({ logins: 15, failures: 4 });
      expect(body.services.map((service: { clientId: string }) => service.clientId).sort()).toEqual([productionA.clientId, sandboxA.clientId, sandboxB.clientId].sort());
      expect(body.identityProviders).toEqual([
        { slug: 'ameli', name: 'ameli', logins: 8, share: 8 / 15 },
        { slug: 'impots', name: 'impots.gouv.fr', logins: 7, share: 7 / 15 },
      ]);
    });

    it('restricts the figures to one FI', async () => {
      const { body } = await admin.get('/api/admin/statistics?from=2026-11-01&to=2026-11-05&fi=ameli');

      expect(body).toMatchObject({ logins: 8, failures: 0, identityProviders: [{ slug: 'ameli', share: 1 }] });
      expect(body.services.map((service: { clientId: string }) => service.clientId).sort()).toEqual([sandboxA.clientId, sandboxB.clientId].sort());
      expect(body.days.find((day: { day: string }) => day.day === '2026-11-03')).toEqual({ day: '2026-11-03', logins: 7, failures: 0 });
    });

    it('exports them as CSV, FI filter included', async () => {
      const response = await admin.get('/api/admin/statistics.csv?from=2026-11-01&to=2026-11-05&fi=ameli');

      expect(response.headers.get('content-disposition')).toBe('attachment; filename="statistiques-ameli-2026-11-01-2026-11-05.csv"');
      const lines = (response.body as string).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[2]).toBe(`2026-11-03;Impôts locaux;${sandboxB.clientId};bac à sable;ameli;eidas1;7;0`);
    });

    it('refuses a malformed FI and a bad period', async () => {
      expect((await admin.get('/api/admin/statistics?fi=Pas%20un%20slug')).body).toMatchObject({ code: 'P000001', errors: [{ field: 'fi' }] });
      expect((await admin.get('/api/admin/statistics.csv?from=2026-11-05&to=2026-11-01')).body).toMatchObject({ code: 'P060001' });
    });

    it('answers 403 to anyone else', async () => {
      for (const path of ['/api/admin/statistics', '/api/admin/statistics.csv']) {
        const response = await memberOfA.get(path);
        expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 403, code: 'P000005' });
      }
    });
  });
});
