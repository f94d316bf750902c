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
  signedInClient,
  startPartnersTestApp,
  type PartnersTestApp,
  malformedBodies,
} from '../../testing';

const VALID_EMAIL = 'camille.martin@lyon.fr';
const STRONG_PASSWORD = 'Tournesol-Violet-1987!';

const PUBLIC_ENDPOINTS: [
  string,
  Record<string, unknown>,
  Record<string, string[]>?,
][] = [
  [
    '/api/auth/signup',
    {
      email: VALID_EMAIL,
      password: STRONG_PASSWORD,
      givenName: 'Camille',
      familyName: 'Martin',
      siret: '21690123100011',
    },
  ],
  ['/api/auth/verify-email', { email: VALID_EMAIL, code: '123456' }],
  [
    '/api/auth/verify-email',
    { token: 'a'.repeat(43) },
    { token: ['email', 'code'] },
  ],
  ['/api/auth/resend-verification', { email: VALID_EMAIL }],
  ['/api/auth/login', { email: VALID_EMAIL, password: STRONG_PASSWORD }],
  ['/api/auth/login/totp', { code: '123456' }],
  ['/api/auth/password-reset', { email: VALID_EMAIL }],
  [
    '/api/auth/password-reset/confirm',
    { token: 'a'.repeat(43), password: STRONG_PASSWORD },
  ],
];

const SIGNED_IN_ENDPOINTS: [string, Record<string, unknown>][] = [
  [
    '/api/account/password',
    {
      currentPassword: STRONG_PASSWORD,
      newPassword: 'Autre-Tournesol-Jaune-1990',
    },
  ],
  ['/api/account/totp/enable', { code: '123456' }],
  ['/api/account/totp/disable', { password: STRONG_PASSWORD, code: '123456' }],
];

const ENTITIES = [
  AccountEntity,
  OrganisationEntity,
  MembershipEntity,
  AuditLogEntity,
  MailOutboxEntity,
];

describe('accounts: malformed input never gets past the edge', () => {
  let test: PartnersTestApp;
  let signedIn: ApiClient;
  let rowsBefore: number[];

  const countRows = () =>
    Promise.all(
      ENTITIES.map((entity) => test.dataSource.getRepository(entity).count()),
    );

  beforeAll(async () => {
    test = await startPartnersTestApp('accounts-malformed');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
    await createAccount(test, { email: VALID_EMAIL });
    signedIn = await signedInClient(
      test,
      await createAccount(test, { email: 'connecte@lyon.fr' }),
    );
    rowsBefore = await countRows();
  });

  afterAll(() => test?.close());

  function expectRefusal(
    response: {
      status: number;
      body: { code?: string; errors?: { field: string }[] };
    },
    fields?: string[],
  ): void {
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.code).toMatch(/^P0\d{5}$/);
    if (fields)
      expect(response.body.errors?.map((error) => error.field)).toEqual(
        expect.arrayContaining(fields),
      );
  }

  describe.each(PUBLIC_ENDPOINTS)(
    'POST %s',
    (path, valid, missingReportedAs) => {
      it.each(malformedBodies(valid, missingReportedAs))(
        'refuses $name',
        async ({ body, contentType, fields }) => {
          const response = await test.client().raw('POST', path, {
            body,
            headers: { 'content-type': contentType ?? 'application/json' },
          });

          expectRefusal(response, fields);
        },
      );
    },
  );

  describe.each(SIGNED_IN_ENDPOINTS)('POST %s (signed in)', (path, valid) => {
    it.each(malformedBodies(valid))(
      'refuses $name',
      async ({ body, contentType, fields }) => {
        const response = await signedIn.raw('POST', path, {
          body,
          headers: { 'content-type': contentType ?? 'application/json' },
        });

        expectRefusal(response, fields);
      },
    );
  });

  describe('values of the right type that make no sense', () => {
    it.each([
      [
        'an address without domain',
        '/api/auth/login',
        { email: 'camille@', password: STRONG_PASSWORD },
        'email',
      ],
      [
        'an address without @',
        '/api/auth/password-reset',
        { email: 'camille.lyon.fr' },
        'email',
      ],
      [
        'an address of 300 characters',
        '/api/auth/resend-verification',
        { email: `${'a'.repeat(290)}@lyon.fr` },
        'email',
      ],
      [
        'a code of letters',
        '/api/auth/verify-email',
        { email: VALID_EMAIL, code: 'abcdef' },
        'code',
      ],
      ['a code of 5 digits', '/api/auth/login/totp', { code: '12345' }, 'code'],
      [
        'a blank given name',
        '/api/auth/signup',
        {
          email: VALID_EMAIL,
          password: STRONG_PASSWORD,
          givenName: '   ',
          familyName: 'Martin',
          siret: '21690123100011',
        },
        'givenName',
      ],
      [
        'a SIRET of 13 digits',
        '/api/auth/signup',
        {
          email: 'neuf@lyon.fr',
          password: STRONG_PASSWORD,
          givenName: 'C',
          familyName: 'M',
          siret: '2169012310001',
        },
        'siret',
      ],
      [
        'a token with a code',
        '/api/auth/verify-email',
        { email: VALID_EMAIL, code: '123456', token: 'a'.repeat(43) },
        'token',
      ],
      [
        'an empty token',
        '/api/auth/password-reset/confirm',
        { token: '', password: STRONG_PASSWORD },
        'token',
      ],
    ])('refuses %s', async (_name, path, body, field) => {
      const response = await test.client().post(path, body);

      expect(response.status).toBe(400);
      expectRefusal(response, [field]);
    });

    it('refuses an HTML form posted from another site with a 415', async () => {
      const response = await test.client().raw('POST', '/api/auth/login', {
        body: new URLSearchParams({
          email: VALID_EMAIL,
          password: 'Correct-Cheval-Pile-Agrafe-42',
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

      expect(response.status).toBe(415);
      expect(response.body.code).toBe('P000010');
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it('refuses a body larger than the limit with a 413', async () => {
      const response = await test.client().raw('POST', '/api/auth/login', {
        body: JSON.stringify({
          email: VALID_EMAIL,
          password: 'x'.repeat(200_000),
        }),
        headers: { 'content-type': 'application/json' },
      });

      expect(response.status).toBe(413);
      expect(response.body.code).toBe('P000008');
    });
  });

  it('changed nothing in the database', async () => {
    expect(await countRows()).toEqual(rowsBefore);
  });
});
