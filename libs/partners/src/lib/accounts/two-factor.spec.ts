import type Redis from 'ioredis';
import { AccountEntity } from '@federation/partners-data';
import { REDIS_CLIENT } from '@federation/server';
import { waitFor } from '@federation/testing';
import {
  ApiClient,
  createAccount,
  FIXTURE_PASSWORD,
  signedInClient,
  startPartnersTestApp,
  type PartnersTestApp,
} from '../../testing';
import { currentTotpStep, totpCode } from '../common/totp';

describe('accounts: two-factor authentication (TOTP)', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('accounts-totp');
    // The harness does not wait for the Redis connection: a first request could find it still opening.
    await waitFor(() => test.app.get<Redis>(REDIS_CLIENT).status === 'ready', {
      description: 'the Redis connection',
    });
  });

  afterAll(() => test?.close());

  /** An account with TOTP enabled through the API; returns its secret and the step the enabling code used. */
  async function accountWithTotp(
    email: string,
  ): Promise<{ account: AccountEntity; secret: string; client: ApiClient }> {
    const account = await createAccount(test, { email });
    const client = await signedInClient(test, account);
    const setup = await client.post('/api/account/totp/setup');
    // The previous step: login codes of the current and next steps stay unused.
    const enabled = await client.post('/api/account/totp/enable', {
      code: totpCode(setup.body.secret, currentTotpStep() - 1),
    });
    if (enabled.status !== 204)
      throw new Error(`enable failed: ${JSON.stringify(enabled.body)}`);
    return { account, secret: setup.body.secret, client };
  }

  async function passwordStep(email: string): Promise<ApiClient> {
    const client = test.client();
    const response = await client.post('/api/auth/login', {
      email,
      password: FIXTURE_PASSWORD,
    });
    if (response.body.status !== 'totp_required')
      throw new Error(
        `expected totp_required, got ${JSON.stringify(response.body)}`,
      );
    return client;
  }

  function wrongCode(secret: string): string {
    const taken = new Set(
      [-1, 0, 1].map((offset) => totpCode(secret, currentTotpStep() + offset)),
    );
    for (let candidate = 0; ; candidate++) {
      const code = String(candidate).padStart(6, '0');
      if (!taken.has(code)) return code;
    }
  }

  it('gives a secret and an otpauth URI to scan', async () => {
    const client = await signedInClient(
      test,
      await createAccount(test, { email: 'scan@lyon.fr' }),
    );

    const response = await client.post('/api/account/totp/setup');

    expect(response.status).toBe(200);
    expect(response.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(response.body.otpauthUri).toBe(
      `otpauth://totp/Espace%20Partenaire%3Ascan%40lyon.fr?secret=${response.body.secret}&issuer=Espace%20Partenaire&algorithm=SHA1&digits=6&period=30`,
    );
  });

  it('enables TOTP with a code computed from the secret, and stores the secret sealed', async () => {
    const { account, secret } = await accountWithTotp('active@lyon.fr');

    const stored = await test.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: account.id });
    expect(stored.totpSecretSealed).not.toBeNull();
    expect(stored.totpSecretSealed).not.toContain(secret);
    const session = await (
      await signedInClient(test, stored)
    ).get('/api/auth/session');
    expect(session.body.account.totpEnabled).toBe(true);
  });

  it('refuses to enable with a wrong code', async () => {
    const account = await createAccount(test, { email: 'enable.faux@lyon.fr' });
    const client = await signedInClient(test, account);
    const setup = await client.post('/api/account/totp/setup');

    const response = await client.post('/api/account/totp/enable', {
      code: wrongCode(setup.body.secret),
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('P010008');
    expect(
      (
        await test.dataSource
          .getRepository(AccountEntity)
          .findOneByOrFail({ id: account.id })
      ).totpSecretSealed,
    ).toBeNull();
  });

  it('refuses to enable without a setup first', async () => {
    const client = await signedInClient(
      test,
      await createAccount(test, { email: 'sans.setup@lyon.fr' }),
    );

    const response = await client.post('/api/account/totp/enable', {
      code: '123456',
    });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('P010011');
  });

  it('answers 409 to a setup when TOTP is already enabled', async () => {
    const { client } = await accountWithTotp('deja.active@lyon.fr');

    const response = await client.post('/api/account/totp/setup');

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('P010009');
  });

  it('asks for the TOTP code after the password, without signing in yet', async () => {
    await accountWithTotp('deux.etapes@lyon.fr');
    const client = test.client();

    const response = await client.post('/api/auth/login', {
      email: 'deux.etapes@lyon.fr',
      password: FIXTURE_PASSWORD,
    });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'totp_required' });
    expect(client.cookie).toBeDefined();
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('refuses a wrong TOTP code with a 401', async () => {
    const { secret } = await accountWithTotp('code.faux@lyon.fr');
    const client = await passwordStep('code.faux@lyon.fr');

    const response = await client.post('/api/auth/login/totp', {
      code: wrongCode(secret),
    });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('P010007');
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('signs in with the right code, in a new session', async () => {
    const { secret } = await accountWithTotp('bon.code@lyon.fr');
    const client = await passwordStep('bon.code@lyon.fr');
    const pendingCookie = client.cookie;

    const response = await client.post('/api/auth/login/totp', {
      code: totpCode(secret, currentTotpStep()),
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'authenticated',
      session: { account: { email: 'bon.code@lyon.fr', totpEnabled: true } },
    });
    expect(client.cookie).not.toEqual(pendingCookie);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    const stale = test.client();
    stale.cookie = pendingCookie;
    expect(
      (
        await stale.post('/api/auth/login/totp', {
          code: totpCode(secret, currentTotpStep() + 1),
        })
      ).status,
    ).toBe(401);
  });

  it('refuses a code that was already used', async () => {
    const { secret } = await accountWithTotp('rejeu@lyon.fr');
    const code = totpCode(secret, currentTotpStep());
    await (
      await passwordStep('rejeu@lyon.fr')
    ).post('/api/auth/login/totp', { code });
    const attacker = await passwordStep('rejeu@lyon.fr');

    const replay = await attacker.post('/api/auth/login/totp', { code });

    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('P010007');
  });

  it('refuses the TOTP step without a pending login', async () => {
    const response = await test
      .client()
      .post('/api/auth/login/totp', { code: '123456' });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('P010006');
  });

  it('disables TOTP with the password and a code, and login asks only the password again', async () => {
    const { secret, client } = await accountWithTotp('desactive@lyon.fr');

    const response = await client.post('/api/account/totp/disable', {
      password: FIXTURE_PASSWORD,
      code: totpCode(secret, currentTotpStep()),
    });

    expect(response.status).toBe(204);
    const login = await test.client().post('/api/auth/login', {
      email: 'desactive@lyon.fr',
      password: FIXTURE_PASSWORD,
    });
    expect(login.body.status).toBe('authenticated');
  });

  it('refuses to disable TOTP with a wrong password', async () => {
    const { secret, client } = await accountWithTotp('desactive.faux@lyon.fr');

    const response = await client.post('/api/account/totp/disable', {
      password: 'Pas-Le-Bon-2024!',
      code: totpCode(secret, currentTotpStep()),
    });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'P010012',
      errors: [{ field: 'password' }],
    });
    expect(
      (
        await test.client().post('/api/auth/login', {
          email: 'desactive.faux@lyon.fr',
          password: FIXTURE_PASSWORD,
        })
      ).body.status,
    ).toBe('totp_required');
  });

  it('answers 409 to disabling TOTP when it is not enabled', async () => {
    const client = await signedInClient(
      test,
      await createAccount(test, { email: 'jamais.active@lyon.fr' }),
    );

    const response = await client.post('/api/account/totp/disable', {
      password: FIXTURE_PASSWORD,
      code: '123456',
    });

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('P010010');
  });
});
