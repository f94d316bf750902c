import type Redis from 'ioredis';
import {
  AccountEntity,
  MembershipEntity,
  OrganisationEntity,
} from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor, type ReceivedMail } from '@federation/testing';
import {
  ApiClient,
  createAccount,
  FIXTURE_PASSWORD,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';

const LYON = '21690123100011';
const CLOSED = '60070080100134';
const STRONG_PASSWORD = 'Tournesol-Violet-1987!';

function verificationCodeIn(mail: ReceivedMail): string {
  const code = /Votre code de vérification : (\d{6})/.exec(mail.text)?.[1];
  if (!code) throw new Error('no verification code in the mail');
  return code;
}

function linkTokenIn(mail: ReceivedMail, path: string): string {
  const token = new RegExp(
    `${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`,
  ).exec(mail.text)?.[1];
  if (!token) throw new Error(`no ${path} link in the mail`);
  return token;
}

describe('accounts: signup, e-mail verification, login and session', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('accounts-signup');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  const accounts = () => test.dataSource.getRepository(AccountEntity);

  function signUp(
    client: ApiClient,
    email: string,
    overrides: Record<string, unknown> = {},
  ) {
    return client.post('/api/auth/signup', {
      email,
      password: STRONG_PASSWORD,
      givenName: 'Camille',
      familyName: 'Martin',
      siret: LYON,
      ...overrides,
    });
  }

  async function verificationMailFor(email: string): Promise<ReceivedMail> {
    return test.mailbox.waitForMail(email, (mail) =>
      mail.subject.includes('Confirmez votre adresse'),
    );
  }

  describe('signup', () => {
    it('answers 202 and e-mails a 6-digit code and a confirmation link, the account waiting unverified', async () => {
      const response = await signUp(test.client(), 'alix.durand@lyon.fr');

      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        status: 'verification_sent',
        message: expect.stringContaining('courriel'),
      });
      const mail = await verificationMailFor('alix.durand@lyon.fr');
      expect(verificationCodeIn(mail)).toMatch(/^\d{6}$/);
      expect(
        linkTokenIn(mail, 'http://portail.test/inscription/verification'),
      ).toHaveLength(43);
      const account = await accounts().findOneByOrFail({
        email: 'alix.durand@lyon.fr',
      });
      expect(account).toMatchObject({
        emailVerifiedAt: null,
        pendingSiret: LYON,
        emailDomain: 'lyon.fr',
        givenName: 'Camille',
      });
      expect(account.passwordHash).toMatch(/^scrypt\$/);
    });

    it('stores the e-mail address trimmed and lower-cased', async () => {
      const response = await signUp(test.client(), '  Bea.Lefevre@Lyon.FR ');

      expect(response.status).toBe(202);
      expect(
        await accounts().findOneBy({ email: 'bea.lefevre@lyon.fr' }),
      ).not.toBeNull();
    });

    it('gives the same answer for an address that already has an account, changes nothing and warns its owner', async () => {
      const existing = await createAccount(test, {
        email: 'deja.inscrit@lyon.fr',
        givenName: 'Dominique',
      });
      const fresh = await signUp(test.client(), 'jamais.vu@lyon.fr');

      const response = await signUp(test.client(), 'deja.inscrit@lyon.fr', {
        givenName: 'Usurpateur',
        password: 'Autre-Mot-De-Passe-2024!',
      });

      expect(response.status).toBe(fresh.status);
      expect(response.body).toEqual(fresh.body);
      const mail = await test.mailbox.waitForMail('deja.inscrit@lyon.fr');
      expect(mail.subject).toContain('déjà un compte');
      expect(mail.text).toContain('http://portail.test/mot-de-passe/oublie');
      expect(await accounts().findOneByOrFail({ id: existing.id })).toEqual(
        existing,
      );
      expect(
        (await test.mailbox.to('deja.inscrit@lyon.fr')).map(
          (received) => received.subject,
        ),
      ).not.toContain('Confirmez votre adresse électronique');
    });

    it.each([
      ['too short', 'Ab1!xyz', 'au moins 12 caractères'],
      [
        'containing the e-mail address',
        'Paul.Roux@lyon.fr-2024',
        'adresse électronique',
      ],
      ['common', 'motdepasse123', 'trop courant'],
      ['a keyboard run', 'azertyuiop12', 'trop courant'],
    ])(
      'refuses a password %s with a message on the password field',
      async (_case, password, message) => {
        const response = await signUp(test.client(), 'paul.roux@lyon.fr', {
          password,
        });

        expect(response.status).toBe(400);
        expect(response.body.code).toBe('P000001');
        expect(response.body.errors).toEqual([
          {
            field: 'password',
            messages: expect.arrayContaining([
              expect.stringContaining(message),
            ]),
          },
        ]);
        expect(await accounts().countBy({ email: 'paul.roux@lyon.fr' })).toBe(
          0,
        );
      },
    );

    it('refuses a SIRET with a wrong check digit, next to the field', async () => {
      const response = await signUp(test.client(), 'cle.fausse@lyon.fr', {
        siret: '21690123100012',
      });

      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'siret',
          messages: [expect.stringContaining('faute de frappe')],
        },
      ]);
    });

    it('refuses a SIRET the directory does not know', async () => {
      const response = await signUp(test.client(), 'inconnu@lyon.fr', {
        siret: '73282932000074',
      });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P020002');
      expect(response.body.errors).toEqual([
        {
          field: 'siret',
          messages: [expect.stringContaining('Aucun établissement')],
        },
      ]);
      expect(await accounts().countBy({ email: 'inconnu@lyon.fr' })).toBe(0);
    });

    it('refuses a closed establishment', async () => {
      const response = await signUp(test.client(), 'ferme@syndicat.fr', {
        siret: CLOSED,
      });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('P020003');
      expect(response.body.errors).toEqual([
        {
          field: 'siret',
          messages: [expect.stringContaining('Cet établissement est fermé')],
        },
      ]);
      expect(await accounts().countBy({ email: 'ferme@syndicat.fr' })).toBe(0);
    });
  });

  describe('e-mail verification', () => {
    it('confirms the address with the e-mailed code and makes the first member of a new organisation its admin', async () => {
      await signUp(test.client(), 'premiere@nantes.fr', {
        siret: '21440109300015',
      });
      const code = verificationCodeIn(
        await verificationMailFor('premiere@nantes.fr'),
      );

      const response = await test
        .client()
        .post('/api/auth/verify-email', { email: 'premiere@nantes.fr', code });

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'verified',
        join: {
          outcome: 'organisation_created',
          membership: {
            role: 'admin',
            status: 'active',
            organisation: { siret: '21440109300015' },
          },
        },
      });
      const account = await accounts().findOneByOrFail({
        email: 'premiere@nantes.fr',
      });
      expect(account.emailVerifiedAt).toBeInstanceOf(Date);
      expect(account.pendingSiret).toBeNull();
    });

    it('confirms the address with the link of the e-mail, once', async () => {
      await signUp(test.client(), 'par.lien@lyon.fr');
      const token = linkTokenIn(
        await verificationMailFor('par.lien@lyon.fr'),
        'http://portail.test/inscription/verification',
      );

      const first = await test
        .client()
        .post('/api/auth/verify-email', { token });
      const second = await test
        .client()
        .post('/api/auth/verify-email', { token });

      expect(first.status).toBe(200);
      expect(first.body.status).toBe('verified');
      expect(second.status).toBe(400);
      expect(second.body.code).toBe('P010004');
    });

    it('accepts a code only once', async () => {
      await signUp(test.client(), 'une.fois@lyon.fr');
      const code = verificationCodeIn(
        await verificationMailFor('une.fois@lyon.fr'),
      );
      await test
        .client()
        .post('/api/auth/verify-email', { email: 'une.fois@lyon.fr', code });

      const replay = await test
        .client()
        .post('/api/auth/verify-email', { email: 'une.fois@lyon.fr', code });

      expect(replay.status).toBe(400);
      expect(replay.body.code).toBe('P010003');
    });

    it('refuses a wrong code and leaves the address unconfirmed', async () => {
      await signUp(test.client(), 'mauvais.code@lyon.fr');
      const code = verificationCodeIn(
        await verificationMailFor('mauvais.code@lyon.fr'),
      );
      const wrong = code === '000000' ? '111111' : '000000';

      const response = await test.client().post('/api/auth/verify-email', {
        email: 'mauvais.code@lyon.fr',
        code: wrong,
      });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'P010003',
        errors: [
          { field: 'code', messages: [expect.stringContaining('incorrect')] },
        ],
      });
      expect(
        (await accounts().findOneByOrFail({ email: 'mauvais.code@lyon.fr' }))
          .emailVerifiedAt,
      ).toBeNull();
    });

    it('sends a new code on request, and the previous one stops working', async () => {
      await signUp(test.client(), 'nouveau.code@lyon.fr');
      const oldCode = verificationCodeIn(
        await verificationMailFor('nouveau.code@lyon.fr'),
      );
      await test.mailbox.clear();

      const resent = await test.client().post('/api/auth/resend-verification', {
        email: 'nouveau.code@lyon.fr',
      });
      const newCode = verificationCodeIn(
        await verificationMailFor('nouveau.code@lyon.fr'),
      );

      expect(resent.status).toBe(202);
      if (oldCode !== newCode) {
        const withOld = await test.client().post('/api/auth/verify-email', {
          email: 'nouveau.code@lyon.fr',
          code: oldCode,
        });
        expect(withOld.status).toBe(400);
      }
      const withNew = await test.client().post('/api/auth/verify-email', {
        email: 'nouveau.code@lyon.fr',
        code: newCode,
      });
      expect(withNew.status).toBe(200);
    });

    it('answers a resend request for an unknown address exactly like for a known one', async () => {
      await signUp(test.client(), 'connu@lyon.fr');

      const known = await test
        .client()
        .post('/api/auth/resend-verification', { email: 'connu@lyon.fr' });
      const unknown = await test
        .client()
        .post('/api/auth/resend-verification', { email: 'personne@lyon.fr' });

      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
    });
  });

  describe('login', () => {
    it('signs in a partner who signed up and confirmed the address, shows the session with the organisation, and signs out', async () => {
      const client = test.client();
      await signUp(client, 'parcours@marseille.fr', {
        siret: '21130055300016',
      });
      const code = verificationCodeIn(
        await verificationMailFor('parcours@marseille.fr'),
      );
      await client.post('/api/auth/verify-email', {
        email: 'parcours@marseille.fr',
        code,
      });

      const login = await client.post('/api/auth/login', {
        email: 'parcours@marseille.fr',
        password: STRONG_PASSWORD,
      });
      const session = await client.get('/api/auth/session');

      expect(login.status).toBe(200);
      expect(login.body).toMatchObject({
        status: 'authenticated',
        session: {
          account: { email: 'parcours@marseille.fr', emailVerified: true },
        },
      });
      expect(session.status).toBe(200);
      expect(session.body).toMatchObject({
        account: {
          email: 'parcours@marseille.fr',
          givenName: 'Camille',
          familyName: 'Martin',
          totpEnabled: false,
          isPlatformAdmin: false,
        },
        csrfToken: login.body.session.csrfToken,
        memberships: [
          {
            role: 'admin',
            status: 'active',
            organisation: { siret: '21130055300016' },
          },
        ],
      });
      expect((await client.post('/api/auth/logout')).status).toBe(204);
      expect((await client.get('/api/auth/session')).status).toBe(401);
    });

    it('sets an HttpOnly, SameSite=Lax session cookie on path /, without Secure over http, for the absolute session lifetime', async () => {
      await createAccount(test, { email: 'cookie@lyon.fr' });

      const response = await test.client().post('/api/auth/login', {
        email: 'cookie@lyon.fr',
        password: FIXTURE_PASSWORD,
      });

      const [cookie = ''] = response.headers.getSetCookie();
      expect(cookie).toMatch(/^ep_session=[A-Za-z0-9_-]{43};/);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(new RegExp(`; Max-Age=${12 * 3600}`));
      expect(cookie).not.toMatch(/Secure/i);
    });

    it('refuses an account whose address is not confirmed yet, with a 403 telling to confirm it', async () => {
      await signUp(test.client(), 'pas.confirme@lyon.fr');

      const response = await test.client().post('/api/auth/login', {
        email: 'pas.confirme@lyon.fr',
        password: STRONG_PASSWORD,
      });

      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        code: 'P010002',
        message: expect.stringContaining('pas encore confirmée'),
      });
      expect(response.headers.getSetCookie()).toEqual([]);
    });

    it('answers a wrong password exactly like an unknown address', async () => {
      await createAccount(test, { email: 'titulaire@lyon.fr' });

      const wrongPassword = await test.client().post('/api/auth/login', {
        email: 'titulaire@lyon.fr',
        password: 'Pas-Le-Bon-Mot-2024',
      });
      const unknownAddress = await test.client().post('/api/auth/login', {
        email: 'inexistant@lyon.fr',
        password: 'Pas-Le-Bon-Mot-2024',
      });

      expect(wrongPassword.status).toBe(401);
      expect(wrongPassword.body).toEqual({
        statusCode: 401,
        code: 'P010001',
        message: 'Adresse électronique ou mot de passe incorrect.',
      });
      expect(unknownAddress.status).toBe(401);
      expect(unknownAddress.body).toEqual(wrongPassword.body);
    });

    it('ends the session a browser already had when it signs in again (no session fixation)', async () => {
      await createAccount(test, { email: 'fixation@lyon.fr' });
      const client = test.client();
      await client.post('/api/auth/login', {
        email: 'fixation@lyon.fr',
        password: FIXTURE_PASSWORD,
      });
      const firstCookie = client.cookie;

      await client.post('/api/auth/login', {
        email: 'fixation@lyon.fr',
        password: FIXTURE_PASSWORD,
      });

      expect(client.cookie).not.toEqual(firstCookie);
      const stale = test.client();
      stale.cookie = firstCookie;
      expect((await stale.get('/api/auth/session')).status).toBe(401);
      expect((await client.get('/api/auth/session')).status).toBe(200);
    });

    it('answers 401 on the session endpoint without a session', async () => {
      const response = await test.client().get('/api/auth/session');

      expect(response.status).toBe(401);
      expect(response.body.code).toBe('P000003');
    });
  });

  describe('logout', () => {
    it('ends the session and clears the cookie', async () => {
      await createAccount(test, { email: 'depart@lyon.fr' });
      const client = test.client();
      await client.post('/api/auth/login', {
        email: 'depart@lyon.fr',
        password: FIXTURE_PASSWORD,
      });
      const sessionCookie = client.cookie;

      const response = await client.post('/api/auth/logout');

      expect(response.status).toBe(204);
      expect(response.headers.getSetCookie()[0]).toMatch(
        /^ep_session=;.*Max-Age=0/i,
      );
      const replay = test.client();
      replay.cookie = sessionCookie;
      expect((await replay.get('/api/auth/session')).status).toBe(401);
    });

    it('requires the CSRF token', async () => {
      await createAccount(test, { email: 'csrf@lyon.fr' });
      const client = test.client();
      await client.post('/api/auth/login', {
        email: 'csrf@lyon.fr',
        password: FIXTURE_PASSWORD,
      });
      client.csrfToken = undefined;

      const response = await client.post('/api/auth/logout');

      expect(response.status).toBe(403);
      expect(response.body.code).toBe('P000004');
      expect((await client.get('/api/auth/session')).status).toBe(200);
    });
  });

  it('keeps no organisation or membership for signups that were never confirmed', async () => {
    await signUp(test.client(), 'jamais.confirme@toulouse.fr', {
      siret: '21310555400017',
    });

    expect(
      await test.dataSource
        .getRepository(OrganisationEntity)
        .countBy({ siret: '21310555400017' }),
    ).toBe(0);
    const account = await accounts().findOneByOrFail({
      email: 'jamais.confirme@toulouse.fr',
    });
    expect(
      await test.dataSource
        .getRepository(MembershipEntity)
        .countBy({ accountId: account.id }),
    ).toBe(0);
  });
});
