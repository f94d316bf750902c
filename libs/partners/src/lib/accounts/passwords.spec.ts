import type Redis from 'ioredis';
import { AccountEntity } from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor, type ReceivedMail } from '@federation/testing';
import {
  createAccount,
  FIXTURE_PASSWORD,
  signedInClient,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';

const NEW_PASSWORD = 'Nouvelle-Saison-Bleue-2031';

function resetTokenIn(mail: ReceivedMail): string {
  const token =
    /http:\/\/portail\.test\/mot-de-passe\/nouveau\?token=([A-Za-z0-9_-]+)/.exec(
      mail.text,
    )?.[1];
  if (!token) throw new Error('no reset link in the mail');
  return token;
}

describe('accounts: forgotten and changed passwords', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('accounts-passwords');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  async function resetLinkFor(email: string): Promise<string> {
    await test.client().post('/api/auth/password-reset', { email });
    return resetTokenIn(
      await test.mailbox.waitForMail(email, (mail) =>
        mail.subject.includes('Réinitialisation'),
      ),
    );
  }

  function login(email: string, password: string) {
    return test.client().post('/api/auth/login', { email, password });
  }

  describe('password reset', () => {
    it('e-mails a link valid one hour, and the new password chosen through it works', async () => {
      await createAccount(test, { email: 'oublieuse@lyon.fr' });

      const request = await test
        .client()
        .post('/api/auth/password-reset', { email: 'oublieuse@lyon.fr' });
      const mail = await test.mailbox.waitForMail('oublieuse@lyon.fr');
      const confirm = await test
        .client()
        .post('/api/auth/password-reset/confirm', {
          token: resetTokenIn(mail),
          password: NEW_PASSWORD,
        });

      expect(request.status).toBe(202);
      expect(mail.text).toContain('valable 60 minutes');
      expect(confirm.status).toBe(204);
      expect((await login('oublieuse@lyon.fr', NEW_PASSWORD)).status).toBe(200);
    });

    it('refuses the old password once the new one is set', async () => {
      await createAccount(test, { email: 'ancien.mdp@lyon.fr' });
      const token = await resetLinkFor('ancien.mdp@lyon.fr');

      await test.client().post('/api/auth/password-reset/confirm', {
        token,
        password: NEW_PASSWORD,
      });

      expect((await login('ancien.mdp@lyon.fr', FIXTURE_PASSWORD)).status).toBe(
        401,
      );
    });

    it('refuses a link already used', async () => {
      await createAccount(test, { email: 'deux.fois@lyon.fr' });
      const token = await resetLinkFor('deux.fois@lyon.fr');
      await test.client().post('/api/auth/password-reset/confirm', {
        token,
        password: NEW_PASSWORD,
      });

      const second = await test
        .client()
        .post('/api/auth/password-reset/confirm', {
          token,
          password: 'Encore-Un-Autre-Secret-77',
        });

      expect(second.status).toBe(400);
      expect(second.body).toMatchObject({
        code: 'P010005',
        message: expect.stringContaining('déjà servi'),
      });
      expect((await login('deux.fois@lyon.fr', NEW_PASSWORD)).status).toBe(200);
    });

    it('refuses an unknown or expired link', async () => {
      const response = await test
        .client()
        .post('/api/auth/password-reset/confirm', {
          token: 'x'.repeat(43),
          password: NEW_PASSWORD,
        });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P010005');
    });

    it('signs the account out everywhere', async () => {
      const account = await createAccount(test, { email: 'partout@lyon.fr' });
      const laptop = await signedInClient(test, account);
      const phone = await signedInClient(test, account);
      const token = await resetLinkFor('partout@lyon.fr');

      await test.client().post('/api/auth/password-reset/confirm', {
        token,
        password: NEW_PASSWORD,
      });

      expect((await laptop.get('/api/auth/session')).status).toBe(401);
      expect((await phone.get('/api/auth/session')).status).toBe(401);
    });

    it('checks the new password against the policy and the account’s address, keeping the link usable', async () => {
      await createAccount(test, { email: 'politique@lyon.fr' });
      const token = await resetLinkFor('politique@lyon.fr');

      const weak = await test
        .client()
        .post('/api/auth/password-reset/confirm', {
          token,
          password: 'politique@lyon.fr-Abc1',
        });
      const strong = await test
        .client()
        .post('/api/auth/password-reset/confirm', {
          token,
          password: NEW_PASSWORD,
        });

      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([
        {
          field: 'password',
          messages: [expect.stringContaining('adresse électronique')],
        },
      ]);
      expect(strong.status).toBe(204);
    });

    it('answers a request for an unknown address exactly like for a known one, and sends nothing', async () => {
      await createAccount(test, { email: 'existe@lyon.fr' });

      const known = await test
        .client()
        .post('/api/auth/password-reset', { email: 'existe@lyon.fr' });
      const unknown = await test
        .client()
        .post('/api/auth/password-reset', { email: 'existe.pas@lyon.fr' });

      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      await test.mailbox.waitForMail('existe@lyon.fr');
      expect(await test.mailbox.to('existe.pas@lyon.fr')).toEqual([]);
    });

    it('stores only a hash of the link token in Redis', async () => {
      const account = await createAccount(test, { email: 'hachage@lyon.fr' });
      const token = await resetLinkFor('hachage@lyon.fr');

      const redis = test.app.get<Redis>(REDIS_CLIENT);
      const keys = await redis.keys(`${test.redisPrefix}:partners:reset*`);

      expect(keys.length).toBeGreaterThan(0);
      expect(keys.join(' ')).not.toContain(token);
      for (const key of keys.filter((name) => !name.includes('reset-of')))
        expect(await redis.get(key)).not.toContain(token);
      expect(keys.some((key) => key.endsWith(account.id))).toBe(true);
    });
  });

  describe('password change', () => {
    it('sets the new password and keeps the current session while signing out the others', async () => {
      const account = await createAccount(test, {
        email: 'changement@lyon.fr',
      });
      const current = await signedInClient(test, account);
      const other = await signedInClient(test, account);

      const response = await current.post('/api/account/password', {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: NEW_PASSWORD,
      });

      expect(response.status).toBe(204);
      expect((await current.get('/api/auth/session')).status).toBe(200);
      expect((await other.get('/api/auth/session')).status).toBe(401);
      expect((await login('changement@lyon.fr', NEW_PASSWORD)).status).toBe(
        200,
      );
    });

    it('refuses a wrong current password next to its field', async () => {
      const account = await createAccount(test, {
        email: 'mauvais.actuel@lyon.fr',
      });
      const client = await signedInClient(test, account);
      const before = await test.dataSource
        .getRepository(AccountEntity)
        .findOneByOrFail({ id: account.id });

      const response = await client.post('/api/account/password', {
        currentPassword: 'Pas-Le-Bon-2024!',
        newPassword: NEW_PASSWORD,
      });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'P010012',
        errors: [
          {
            field: 'currentPassword',
            messages: ['Le mot de passe est incorrect.'],
          },
        ],
      });
      expect(
        (
          await test.dataSource
            .getRepository(AccountEntity)
            .findOneByOrFail({ id: account.id })
        ).passwordHash,
      ).toBe(before.passwordHash);
    });

    it('refuses a weak new password next to its field', async () => {
      const account = await createAccount(test, { email: 'faible@lyon.fr' });
      const client = await signedInClient(test, account);

      const response = await client.post('/api/account/password', {
        currentPassword: FIXTURE_PASSWORD,
        newPassword: 'azertyuiop12',
      });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'newPassword',
          messages: expect.arrayContaining([
            expect.stringContaining('trop courant'),
          ]),
        },
      ]);
    });
  });
});
