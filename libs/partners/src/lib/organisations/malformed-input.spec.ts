import type Redis from 'ioredis';
import {
  AccountEntity,
  AuditLogEntity,
  MailOutboxEntity,
  MembershipEntity,
  OrganisationEntity,
} from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor } from '@federation/testing';
import {
  ApiClient,
  createAccount,
  memberOf,
  organisationFor,
  platformAdmin,
  startPartnersTestApp,
  type ApiResponse,
  type PartnersTestApp,
  malformedBodies,
} from '../../testing';

const ENTITIES = [
  AccountEntity,
  OrganisationEntity,
  MembershipEntity,
  AuditLogEntity,
  MailOutboxEntity,
];

describe('organisations: malformed input never gets past the edge', () => {
  let test: PartnersTestApp;
  let admin: Awaited<ReturnType<typeof memberOf>>;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let moderator: ApiClient;
  let pendingId: string;
  let rowsBefore: number[];

  const countRows = () =>
    Promise.all(
      ENTITIES.map((entity) => test.dataSource.getRepository(entity).count()),
    );

  beforeAll(async () => {
    test = await startPartnersTestApp('organisations-malformed');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
    admin = await memberOf(test, '21690123100011', 'admin@lyon.fr', 'admin');
    member = await memberOf(test, '21690123100011', 'membre@lyon.fr', 'member');
    moderator = (await platformAdmin(test)).client;
    const pending = await createAccount(test, { email: 'attente@ailleurs.fr' });
    const pendingMembership = await test.dataSource
      .getRepository(MembershipEntity)
      .save({
        accountId: pending.id,
        organisationId: admin.organisation.id,
        role: 'member',
        status: 'pending',
        rejectionReason: null,
        decidedBy: null,
        decidedAt: null,
      });
    pendingId = pendingMembership.id;
    await organisationFor(test, '21130055300016');
    rowsBefore = await countRows();
  });

  afterAll(() => test?.close());

  function expectRefusal(response: ApiResponse, fields?: string[]): void {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.code).toMatch(/^P0\d{5}$/);
    if (fields)
      expect(
        response.body.errors?.map((error: { field: string }) => error.field),
      ).toEqual(expect.arrayContaining(fields));
  }

  const bodyEndpoints: [
    string,
    string,
    () => ApiClient,
    () => string,
    Record<string, unknown>,
  ][] = [
    [
      'POST',
      'join',
      () => member.client,
      () => '/api/organisations/join',
      { siret: '21130055300016' },
    ],
    [
      'PATCH',
      'role change',
      () => admin.client,
      () =>
        `/api/organisations/${admin.organisation.id}/members/${member.membership.id}`,
      { role: 'admin' },
    ],
    [
      'POST',
      'rejection',
      () => moderator,
      () => `/api/admin/memberships/${pendingId}/reject`,
      { reason: 'Aucun lien avec la commune.' },
    ],
  ];

  describe.each(bodyEndpoints)(
    '%s %s',
    (method, _name, client, path, valid) => {
      it.each(malformedBodies(valid))(
        'refuses $name',
        async ({ body, contentType, fields }) => {
          const response = await client().raw(method, path(), {
            body,
            headers: { 'content-type': contentType ?? 'application/json' },
          });

          expectRefusal(response, fields);
        },
      );
    },
  );

  describe('values of the right type that make no sense', () => {
    it.each([
      [
        'a SIRET of 13 digits',
        '2169012310001',
        'Le numéro SIRET doit comporter 14 chiffres.',
      ],
      [
        'a SIRET of letters',
        'ABCDEFGHIJKLMN',
        'Le numéro SIRET doit comporter 14 chiffres.',
      ],
      [
        'a SIRET with a wrong check digit',
        '21130055300017',
        'Ce numéro SIRET n’est pas valide : vérifiez qu’il n’y a pas de faute de frappe.',
      ],
    ])('refuses to join with %s', async (_name, siret, message) => {
      const response = await member.client.post('/api/organisations/join', {
        siret,
      });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'siret', messages: [message] },
      ]);
    });

    it('refuses a role that does not exist', async () => {
      const response = await admin.client.patch(
        `/api/organisations/${admin.organisation.id}/members/${member.membership.id}`,
        { role: 'owner' },
      );

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'role',
          messages: ['Le rôle doit être « admin » ou « member ».'],
        },
      ]);
    });

    it('refuses a rejection reason longer than 1,000 characters', async () => {
      const response = await moderator.post(
        `/api/admin/memberships/${pendingId}/reject`,
        { reason: 'x'.repeat(1001) },
      );

      expect(response.status).toBe(400);
      expectRefusal(response, ['reason']);
    });

    it('refuses a blank rejection reason', async () => {
      const response = await moderator.post(
        `/api/admin/memberships/${pendingId}/reject`,
        { reason: ' '.repeat(20) },
      );

      expectRefusal(response, ['reason']);
    });

    it.each([
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['pageSize=1000', 'pageSize'],
      ['pageSize=-1', 'pageSize'],
      ['status=deleted', 'status'],
      ['q=a&q=b', 'q'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['sort=createdAt', 'sort'],
    ])('refuses the moderation queue query %s', async (query, field) => {
      const response = await moderator.get(`/api/admin/memberships?${query}`);

      expect(response.status).toBe(400);
      expectRefusal(response, [field]);
    });

    it.each([
      ['1234', 'too short'],
      ['2169012310001a', 'with a letter'],
      ['9'.repeat(2000), 'very long'],
      ['%00', 'a NUL byte'],
    ])('refuses the SIRET look-up of %s (%s)', async (siret) => {
      const response = await test.client().get(`/api/siret/${siret}`);

      expect(response.status).toBe(400);
      expectRefusal(response, ['siret']);
    });
  });

  describe('ids that are not UUIDs', () => {
    it.each([
      ['GET', '/api/organisations/123'],
      ['GET', "/api/organisations/1' OR '1'='1/members"],
      ['PATCH', '/api/organisations/{organisation}/members/not-a-uuid'],
      ['PATCH', '/api/organisations/not-a-uuid/members/{membership}'],
      ['DELETE', '/api/organisations/{organisation}/members/42'],
      ['POST', '/api/admin/memberships/42/accept'],
      ['POST', '/api/admin/memberships/{membership}x/reject'],
    ])('answers 404 to %s %s', async (method, template) => {
      const client = method === 'POST' ? moderator : admin.client;
      const path = template
        .replace('{organisation}', admin.organisation.id)
        .replace('{membership}', member.membership.id);
      const body =
        method === 'PATCH'
          ? '{"role":"admin"}'
          : path.endsWith('/reject')
            ? '{"reason":"Motif suffisamment long."}'
            : undefined;

      const response = await client.raw(method, encodeURI(path), {
        body,
        headers: { 'content-type': 'application/json' },
      });

      expect(response.status).toBe(404);
      expect(response.body.code).toBe('P000006');
    });
  });

  it('changed nothing in the database', async () => {
    expect(await countRows()).toEqual(rowsBefore);
    const memberships = test.dataSource.getRepository(MembershipEntity);
    expect(
      (await memberships.findOneByOrFail({ id: member.membership.id })).role,
    ).toBe('member');
    expect((await memberships.findOneByOrFail({ id: pendingId })).status).toBe(
      'pending',
    );
  });
});
