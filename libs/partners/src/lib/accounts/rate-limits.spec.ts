import type Redis from 'ioredis';
import { AccountEntity } from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor } from '@federation/testing';
import {
  createAccount,
  FIXTURE_PASSWORD,
  RELAXED_RATE_LIMITS,
  startPartnersTestApp,
  type ApiResponse,
  type PartnersTestApp,
} from '../../testing';

function expectTooManyRequests(response: ApiResponse): void {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({
    statusCode: 429,
    code: 'P000007',
    message: expect.stringMatching(
      /^Trop de tentatives\. .*réessayez dans \d+ (minute|seconde)/,
    ),
  });
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('accounts: rate limits', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('accounts-rate-limits', {
      rateLimits: {
        ...RELAXED_RATE_LIMITS,
        loginPerAccount: { limit: 3, windowSeconds: 600 },
        signupPerIp: { limit: 2, windowSeconds: 3600 },
        passwordResetPerAccount: { limit: 2, windowSeconds: 3600 },
        codePerAccount: { limit: 3, windowSeconds: 900 },
        siretLookupPerIp: { limit: 3, windowSeconds: 60 },
      },
    });
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  it('blocks login attempts on one account beyond the limit, even with the right password', async () => {
    await createAccount(test, { email: 'cible@lyon.fr' });
    for (let attempt = 0; attempt < 3; attempt++)
      expect(
        (
          await test.client().post('/api/auth/login', {
            email: 'cible@lyon.fr',
            password: `Essai-Numero-${attempt}-XYZ`,
          })
        ).status,
      ).toBe(401);

    const blocked = await test.client().post('/api/auth/login', {
      email: 'cible@lyon.fr',
      password: FIXTURE_PASSWORD,
    });

    expectTooManyRequests(blocked);
    expect(blocked.headers.getSetCookie()).toEqual([]);
  });

  it('counts login attempts per account: another account still signs in', async () => {
    await createAccount(test, { email: 'voisin@lyon.fr' });
    for (let attempt = 0; attempt < 4; attempt++)
      await test.client().post('/api/auth/login', {
        email: 'attaque@lyon.fr',
        password: 'Mauvais-Mot-2024',
      });

    const response = await test.client().post('/api/auth/login', {
      email: 'voisin@lyon.fr',
      password: FIXTURE_PASSWORD,
    });

    expect(response.status).toBe(200);
  });

  it('blocks signups from one IP address beyond the limit', async () => {
    const signup = (email: string) =>
      test.client().post('/api/auth/signup', {
        email,
        password: 'Tournesol-Violet-1987!',
        givenName: 'Camille',
        familyName: 'Martin',
        siret: '21690123100011',
      });
    expect((await signup('un@lyon.fr')).status).toBe(202);
    expect((await signup('deux@lyon.fr')).status).toBe(202);

    const blocked = await signup('trois@lyon.fr');

    expectTooManyRequests(blocked);
    expect(
      await test.dataSource
        .getRepository(AccountEntity)
        .countBy({ email: 'trois@lyon.fr' }),
    ).toBe(0);
  });

  it('blocks password reset requests for one account beyond the limit', async () => {
    await createAccount(test, { email: 'reset@lyon.fr' });
    for (let attempt = 0; attempt < 2; attempt++)
      expect(
        (
          await test
            .client()
            .post('/api/auth/password-reset', { email: 'reset@lyon.fr' })
        ).status,
      ).toBe(202);

    const blocked = await test
      .client()
      .post('/api/auth/password-reset', { email: 'reset@lyon.fr' });

    expectTooManyRequests(blocked);
  });

  it('blocks verification code attempts on one account beyond the limit, even with the right code', async () => {
    const account = await createAccount(test, { email: 'code@lyon.fr' });
    await test.dataSource
      .getRepository(AccountEntity)
      .update({ id: account.id }, { emailVerifiedAt: null });
    await test
      .client()
      .post('/api/auth/resend-verification', { email: 'code@lyon.fr' });
    const mail = await test.mailbox.waitForMail('code@lyon.fr');
    const code = /Votre code de vérification : (\d{6})/.exec(
      mail.text,
    )?.[1] as string;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 3; attempt++)
      expect(
        (
          await test.client().post('/api/auth/verify-email', {
            email: 'code@lyon.fr',
            code: wrong,
          })
        ).status,
      ).toBe(400);

    const blocked = await test
      .client()
      .post('/api/auth/verify-email', { email: 'code@lyon.fr', code });

    expectTooManyRequests(blocked);
    expect(
      (
        await test.dataSource
          .getRepository(AccountEntity)
          .findOneByOrFail({ id: account.id })
      ).emailVerifiedAt,
    ).toBeNull();
  });

  it('blocks SIRET look-ups from one IP address beyond the limit', async () => {
    for (let attempt = 0; attempt < 3; attempt++)
      expect(
        (await test.client().get('/api/siret/21690123100011')).status,
      ).toBe(200);

    expectTooManyRequests(await test.client().get('/api/siret/21690123100011'));
  });
});
