import { randomBytes } from 'node:crypto';
import { migrateSchemas } from '@federation/database';
import { builtApp } from '@federation/federation-harness';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import {
  createTestDatabase,
  deleteRedisKeys,
  freePort,
  startNodeProcess,
  TestMailbox,
  testInfrastructure,
  testRedisPrefix,
  waitFor,
  waitForHealthy,
  type RunningProcess,
  type TestDatabase,
} from '@federation/testing';

const PASSWORD = 'Correct-Cheval-Pile-Agrafe-42';

/** A tiny cookie-keeping client of the real partners-api process. */
class Browser {
  cookie?: string;
  csrf?: string;
  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: unknown) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (json?.session?.csrfToken) this.csrf = json.session.csrfToken;
    return { status: response.status, body: json };
  }
}

const codeOf = (text: string) => /code de vérification : (\d{6})/.exec(text)?.[1];

describe('partner onboarding across processes: partners-api → outbox → queue → worker → SMTP', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('e2e-partners');
  let database: TestDatabase;
  let mailbox: TestMailbox;
  let api: RunningProcess;
  let worker: RunningProcess | undefined;
  let base: string;

  const startWorker = async () => {
    const port = await freePort();
    worker = startNodeProcess(builtApp('worker'), {
      PORT: `${port}`,
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      DATABASE_URL: database.url,
      SMTP_URL: mailbox.smtpUrl,
    });
    await waitForHealthy(`http://127.0.0.1:${port}/health`, worker);
  };

  const signUpAndVerify = async (email: string, siret: string) => {
    const browser = new Browser(base);
    const signup = await browser.call('POST', '/api/auth/signup', { email, password: PASSWORD, givenName: 'Camille', familyName: 'Martin', siret });
    expect(signup.status).toBe(202);
    const mail = await mailbox.waitForMail(email, (m) => m.subject === 'Confirmez votre adresse électronique', 30_000);
    const verified = await browser.call('POST', '/api/auth/verify-email', { email, code: codeOf(mail.text) });
    expect(verified.status).toBe(200);
    return { browser, verified: verified.body };
  };

  beforeAll(async () => {
    database = await createTestDatabase('e2e-partners');
    await migrateSchemas(database.url, [PARTNERS_SCHEMA]);
    mailbox = await TestMailbox.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = startNodeProcess(builtApp('partners-api'), {
      PORT: `${port}`,
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      PORTAL_URL: 'http://portail.test',
      PASSWORD_SCRYPT_LOG_N: '12',
    });
    await waitForHealthy(`${base}/health`, api);
    await startWorker();
  });

  afterAll(async () => {
    await worker?.stop('SIGTERM');
    await api?.stop('SIGTERM');
    await mailbox?.stop();
    await deleteRedisKeys(redisUrl, prefix);
    await database?.drop();
  });

  it('signs up, receives the code sent by the worker, creates the organisation and signs in', async () => {
    const { verified } = await signUpAndVerify('referente@lyon.fr', '21690123100011');

    expect(verified.join).toMatchObject({ outcome: 'organisation_created', membership: { role: 'admin', status: 'active' } });
    const browser = new Browser(base);
    const login = await browser.call('POST', '/api/auth/login', { email: 'referente@lyon.fr', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.status).toBe('authenticated');
    const session = await browser.call('GET', '/api/auth/session');
    expect(session.body.memberships[0].organisation.name).toBe('Commune de Lyon (démo)');
  });

  it('keeps the e-mails decided while the worker is down and sends each exactly once when it is back', async () => {
    await worker?.stop('SIGTERM');
    await mailbox.clear();
    const browser = new Browser(base);

    const signup = await browser.call('POST', '/api/auth/signup', {
      email: 'collegue@lyon.fr',
      password: PASSWORD,
      givenName: 'Dominique',
      familyName: 'Bernard',
      siret: '21690123100011',
    });
    expect(signup.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await mailbox.to('collegue@lyon.fr')).toEqual([]);

    await startWorker();

    const mail = await mailbox.waitForMail('collegue@lyon.fr', () => true, 30_000);
    const verified = await browser.call('POST', '/api/auth/verify-email', { email: 'collegue@lyon.fr', code: codeOf(mail.text) });
    expect(verified.body.join.outcome).toBe('joined');
    const notice = await mailbox.waitForMail('referente@lyon.fr', (m) => m.subject.startsWith('Un nouveau membre'), 30_000);
    expect(notice.text).toContain('Dominique Bernard');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await mailbox.to('collegue@lyon.fr')).toHaveLength(1);
    expect(await mailbox.to('referente@lyon.fr')).toHaveLength(1);
  });

  it('writes no e-mail address, password or code in the logs of either process', async () => {
    await waitFor(async () => (await mailbox.all()).length > 0, { description: 'mails' });
    const logs = api.output() + (worker?.output() ?? '');

    expect(logs).not.toContain('@lyon.fr');
    expect(logs).not.toContain(PASSWORD);
    for (const mail of await mailbox.all()) {
      const code = codeOf(mail.text);
      // Whole numbers only: a timestamp may contain any six digits.
      if (code) expect(logs).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
  });
});
