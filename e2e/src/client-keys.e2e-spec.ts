import { spawnSync } from 'node:child_process';
import {
  builtApp,
  DEMO_APPLICANT,
  DEMO_HABILITATION_CONTENT,
  DEMO_INSTRUCTOR,
  FederationStack,
  PartnersClient,
  tokenEndpointVerdict,
  validatedHabilitation,
  HttpBrowser,
  loginThroughFederation,
  openAuthorization,
  StrictRelyingParty,
} from '@federation/federation-harness';
import {
  freePort,
  startNodeProcess,
  TestMailbox,
  waitFor,
  waitForHealthy,
  type RunningProcess,
} from '@federation/testing';
import Redis from 'ioredis';
import { Client } from 'pg';

const REDIRECT_URI = 'https://portail-famille.lyon.test/connexion/retour';
const CITIZEN = { fi: 'impots', login: 'test' };
const POST_LOGOUT_URI = 'https://portail-famille.lyon.test/deconnexion';

describe('service provider keys across processes: partners-api → outbox → queue → worker → core', () => {
  let stack: FederationStack;
  let mailbox: TestMailbox;
  let db: Client;
  let partnersApi: RunningProcess | undefined;
  let worker: RunningProcess | undefined;
  let partnersBase: string;
  const outputs: string[] = [];
  const issuedSecrets: string[] = [];

  const startPartnersApi = async () => {
    const port = await freePort();
    partnersBase = `http://127.0.0.1:${port}`;
    partnersApi = startNodeProcess(builtApp('partners-api'), {
      ...stack.env(),
      PORT: `${port}`,
      PORTAL_URL: 'http://portail.test',
      PASSWORD_SCRYPT_LOG_N: '12',
    });
    await waitForHealthy(`${partnersBase}/health`, partnersApi);
  };

  const startWorker = async (extraEnv: Record<string, string> = {}) => {
    const port = await freePort();
    worker = startNodeProcess(builtApp('worker'), {
      ...stack.env(),
      PORT: `${port}`,
      SMTP_URL: mailbox.smtpUrl,
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
      ...extraEnv,
    });
    await waitForHealthy(`http://127.0.0.1:${port}/health`, worker);
  };

  const stop = async (running: RunningProcess | undefined, signal: NodeJS.Signals = 'SIGTERM') => {
    if (!running) return;
    outputs.push(running.output());
    await running.stop(signal);
  };

  beforeAll(async () => {
    stack = await FederationStack.start('e2e-client-keys');
    mailbox = await TestMailbox.start();
    db = new Client({ connectionString: stack.database.url });
    await db.connect();
    await startPartnersApi();
    await startWorker();
  }, 120_000);

  afterAll(async () => {
    await stop(worker);
    await stop(partnersApi);
    await db?.end();
    await mailbox?.stop();
    await stack?.stop();
  });

  const serviceProvider = async (client: PartnersClient, id: string) => {
    const response = await client.call('GET', `/api/service-providers/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  /** Waits until the portal would show « Publiée » for the current version of the client. */
  const published = (client: PartnersClient, id: string) =>
    waitFor(
      async () => {
        const view = await serviceProvider(client, id);
        if (view.publication?.status === 'failed') throw new Error(`publication failed: ${view.publication.failureReason}`);
        return view.publication?.status === 'published' && view.publication.version === view.configVersion ? view : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100, description: 'the publication to be acknowledged' },
    );

  /** A complete citizen login with openid-client as a strict relying party; returns the id_token claims. */
  async function login(clientId: string, clientSecret: string) {
    const rp = await StrictRelyingParty.discover({ issuer: stack.issuer, clientId, clientSecret, redirectUri: REDIRECT_URI, postLogoutRedirectUri: 'http://localhost:8080/logout-callback' });
    const pending = await rp.authorizationRequest({ scope: 'openid given_name family_name birthdate email' });
    const callback = await loginThroughFederation(new HttpBrowser(), pending, CITIZEN, REDIRECT_URI);
    const result = await rp.complete(callback, pending);
    return result;
  }

  it('validates a request, issues the sandbox keys, logs a citizen in with them, rotates, survives the partners side going down, then revokes', async () => {
    const instructor = await PartnersClient.signIn(partnersBase, DEMO_INSTRUCTOR);
    const applicant = await PartnersClient.signIn(partnersBase, DEMO_APPLICANT);

    // Given a validated habilitation: its sandbox client exists, with the habilitation's scopes and level
    const habilitationId = await validatedHabilitation(applicant, instructor, DEMO_HABILITATION_CONTENT);
    const list = await applicant.call('GET', `/api/habilitations/${habilitationId}/service-providers`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const sandbox = list.body[0];
    expect(sandbox).toMatchObject({ environment: 'sandbox', maxEidasLevel: 'eidas1', secrets: [] });
    expect([...sandbox.scopes].sort()).toEqual(['birthdate', 'email', 'family_name', 'given_name', 'openid']);

    // When the technical contact sets the redirect URI and generates the secret
    const patched = await applicant.call('PATCH', `/api/service-providers/${sandbox.id}`, { redirectUris: [REDIRECT_URI] });
    expect(patched.status).toBe(200);
    const issued = await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {});
    expect(issued.status).toBe(201);
    const firstSecret: string = issued.body.clientSecret;
    issuedSecrets.push(firstSecret);
    expect(Buffer.from(firstSecret, 'base64url').length).toBeGreaterThanOrEqual(32);
    // Shown once: never in a later answer
    expect(JSON.stringify(await serviceProvider(applicant, sandbox.id))).not.toContain(firstSecret);
    await published(applicant, sandbox.id);

    // Then a relying party with those credentials logs a citizen in through the core with a test FI
    const first = await login(sandbox.clientId, firstSecret);
    expect(first.claims).toMatchObject({ acr: 'eidas1', aud: sandbox.clientId });
    expect(first.userinfo).toMatchObject({ given_name: expect.any(String), email: expect.any(String) });
    // Scopes beyond the habilitation are not granted
    expect(first.userinfo).not.toHaveProperty('birthplace');

    // When the secret is rotated, both work during the overlap
    const rotated = await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {});
    expect(rotated.status).toBe(201);
    const secondSecret: string = rotated.body.clientSecret;
    issuedSecrets.push(secondSecret);
    expect(secondSecret).not.toBe(firstSecret);
    expect(Date.parse(rotated.body.previousSecretNotAfter) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    await published(applicant, sandbox.id);
    await waitFor(async () => (await tokenEndpointVerdict(stack.issuer, REDIRECT_URI, sandbox.clientId, secondSecret)) === 'invalid_grant', {
      timeoutMs: 5_000,
      intervalMs: 100,
      description: 'the new secret to be accepted',
    });
    expect((await login(sandbox.clientId, firstSecret)).claims.aud).toBe(sandbox.clientId);
    expect((await login(sandbox.clientId, secondSecret)).claims.aud).toBe(sandbox.clientId);
    expect(await tokenEndpointVerdict(stack.issuer, REDIRECT_URI, sandbox.clientId, `${secondSecret.slice(0, -1)}x`)).toBe('invalid_client');

    // When partners-api and the worker are down, the core still serves the published client
    await stop(worker);
    await stop(partnersApi);
    expect((await login(sandbox.clientId, secondSecret)).claims.aud).toBe(sandbox.clientId);
    await startPartnersApi();
    await startWorker();

    // When an admin revokes the client, the core refuses it within 5 seconds
    const admin = await PartnersClient.signIn(partnersBase, DEMO_INSTRUCTOR);
    const revokedAt = Date.now();
    const revoked = await admin.call('POST', `/api/admin/service-providers/${sandbox.id}/revoke`, { reason: 'Fin du projet.' });
    expect(revoked.status).toBe(200);
    await waitFor(async () => (await tokenEndpointVerdict(stack.issuer, REDIRECT_URI, sandbox.clientId, secondSecret)) === 'invalid_client', {
      timeoutMs: 5_000,
      intervalMs: 50,
      description: 'the revoked client to be refused',
    });
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(await tokenEndpointVerdict(stack.issuer, REDIRECT_URI, sandbox.clientId, firstSecret)).toBe('invalid_client');

    // And the worker counted the four logins of this client in its daily figures (one of them while it was down)
    const logins = () =>
      db.query(
        `SELECT fi_slug, acr, sum(successes)::int AS successes FROM partners.login_statistic_daily
          WHERE client_id = $1 AND event_type = 'redirected_to_fs' GROUP BY fi_slug, acr`,
        [sandbox.clientId],
      );
    await waitFor(async () => (await logins()).rows[0]?.successes === 4, { timeoutMs: 10_000, description: 'the logins to be counted' });
    expect((await logins()).rows).toEqual([{ fi_slug: 'impots', acr: 'eidas1', successes: 4 }]);
  }, 120_000);

  it('issues a production client from a validated production request: it is offered the production FI only, the sandbox client the test FIs only', async () => {
    const instructor = await PartnersClient.signIn(partnersBase, DEMO_INSTRUCTOR);
    const applicant = await PartnersClient.signIn(partnersBase, DEMO_APPLICANT);
    const habilitationId = await validatedHabilitation(applicant, instructor, DEMO_HABILITATION_CONTENT);
    const [sandbox] = (await applicant.call('GET', `/api/habilitations/${habilitationId}/service-providers`)).body;
    await applicant.call('PATCH', `/api/service-providers/${sandbox.id}`, { redirectUris: [REDIRECT_URI] });
    const sandboxSecret = (await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {})).body.clientSecret;
    issuedSecrets.push(sandboxSecret);

    // When the production request is filed and validated by an instructor
    const productionRedirect = 'https://portail-famille.lyon.fr/connexion/retour';
    const filed = await applicant.call('POST', `/api/habilitations/${habilitationId}/production-requests`, {
      serviceName: 'Portail famille',
      connectPageUrl: 'https://portail-famille.lyon.fr/connexion',
      redirectUris: [productionRedirect],
      postLogoutRedirectUris: [],
      technicalContact: DEMO_HABILITATION_CONTENT.contacts.technicalContact,
    });
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('submitted');
    const decided = await instructor.call('POST', `/api/admin/production-requests/${filed.body.id}/validate`, { message: 'Bonne mise en production.' });
    expect(decided.status).toBe(200);
    const production = await serviceProvider(applicant, decided.body.serviceProviderId);
    expect(production).toMatchObject({ environment: 'production', redirectUris: [productionRedirect], maxEidasLevel: 'eidas1' });
    expect(production.clientId).not.toBe(sandbox.clientId);
    const productionSecret = (await applicant.call('POST', `/api/service-providers/${production.id}/secrets`, {})).body.clientSecret;
    issuedSecrets.push(productionSecret);
    await published(applicant, production.id);
    await published(applicant, sandbox.id);

    // Then each client is offered the identity providers of its environment only
    const choices = async (clientId: string, clientSecret: string, redirectUri: string) => {
      const rp = await StrictRelyingParty.discover({ issuer: stack.issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUri: 'http://localhost:8080/logout-callback' });
      const page = await openAuthorization(new HttpBrowser(), await rp.authorizationRequest({ scope: 'openid email' }), redirectUri);
      return ['impots', 'ameli', 'identite-numerique', 'identite-production'].filter((fi) => page.body.includes(`value="${fi}"`));
    };
    expect(await choices(production.clientId, productionSecret, productionRedirect)).toEqual(['identite-production']);
    expect(await choices(sandbox.clientId, sandboxSecret, REDIRECT_URI)).toEqual(['impots', 'ameli', 'identite-numerique']);

    // And a citizen logs in to the production client through the production FI
    const rp = await StrictRelyingParty.discover({ issuer: stack.issuer, clientId: production.clientId, clientSecret: productionSecret, redirectUri: productionRedirect, postLogoutRedirectUri: 'http://localhost:8080/logout-callback' });
    const pending = await rp.authorizationRequest({ scope: 'openid email' });
    const callback = await loginThroughFederation(new HttpBrowser(), pending, { fi: 'identite-production', login: 'test' }, productionRedirect);
    expect((await rp.complete(callback, pending)).claims.aud).toBe(production.clientId);
  }, 120_000);

  it('turns the sandbox integration checklist green step by step as a relying party performs each step', async () => {
    const instructor = await PartnersClient.signIn(partnersBase, DEMO_INSTRUCTOR);
    const applicant = await PartnersClient.signIn(partnersBase, DEMO_APPLICANT);
    const habilitationId = await validatedHabilitation(applicant, instructor, DEMO_HABILITATION_CONTENT);
    const [sandbox] = (await applicant.call('GET', `/api/habilitations/${habilitationId}/service-providers`)).body;
    await applicant.call('PATCH', `/api/service-providers/${sandbox.id}`, { redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [POST_LOGOUT_URI] });
    const secret = (await applicant.call('POST', `/api/service-providers/${sandbox.id}/secrets`, {})).body.clientSecret;
    issuedSecrets.push(secret);
    await published(applicant, sandbox.id);
    const statuses = async () =>
      Object.fromEntries(
        ((await applicant.call('GET', `/api/service-providers/${sandbox.id}/integration`)).body.checks as { key: string; status: string }[]).map(
          (check) => [check.key, check.status],
        ),
      );
    const until = (expected: Record<string, string>) =>
      waitFor(async () => (JSON.stringify(await statuses()) === JSON.stringify(expected) ? true : undefined), {
        timeoutMs: 10_000,
        intervalMs: 100,
        description: `the checklist ${JSON.stringify(expected)}`,
      });
    expect(await statuses()).toEqual({
      state_nonce: 'pending',
      login_completed: 'pending',
      code_exchanged: 'pending',
      userinfo_called: 'pending',
      logout_id_token_hint: 'pending',
    });

    // A first try with a short state: flagged « à corriger »
    const rp = await StrictRelyingParty.discover({ issuer: stack.issuer, clientId: sandbox.clientId, clientSecret: secret, redirectUri: REDIRECT_URI, postLogoutRedirectUri: POST_LOGOUT_URI });
    const careless = await rp.authorizationRequest({ scope: 'openid email' });
    careless.url.searchParams.set('state', 'abc');
    await openAuthorization(new HttpBrowser(), careless, REDIRECT_URI);
    await until({ state_nonce: 'failed', login_completed: 'pending', code_exchanged: 'pending', userinfo_called: 'pending', logout_id_token_hint: 'pending' });

    // A complete login: state and nonce right, back to the service with a code
    const browser = new HttpBrowser();
    const pending = await rp.authorizationRequest({ scope: 'openid email' });
    const callback = await loginThroughFederation(browser, pending, CITIZEN, REDIRECT_URI);
    await until({ state_nonce: 'passed', login_completed: 'passed', code_exchanged: 'pending', userinfo_called: 'pending', logout_id_token_hint: 'pending' });

    // The code exchanged and userinfo called
    const result = await rp.complete(callback, pending);
    await until({ state_nonce: 'passed', login_completed: 'passed', code_exchanged: 'passed', userinfo_called: 'passed', logout_id_token_hint: 'pending' });

    // The logout through end_session with the id_token_hint
    let page = await browser.follow((await rp.endSessionUrl(result.tokens.id_token as string, 'logout-state')).toString(), (url) =>
      url.toString().startsWith(POST_LOGOUT_URI),
    );
    for (let step = 0; step < 5 && page.status === 200; step++)
      page = await browser.follow(await browser.submit(page, {}, undefined, 'yes'), (url) => url.toString().startsWith(POST_LOGOUT_URI));
    await until({ state_nonce: 'passed', login_completed: 'passed', code_exchanged: 'passed', userinfo_called: 'passed', logout_id_token_hint: 'passed' });
    expect((await applicant.call('GET', `/api/service-providers/${sandbox.id}/integration`)).body.complete).toBe(true);
  }, 120_000);

  it('applies a publication exactly once when the worker is killed between applying it and acknowledging it', async () => {
    const instructor = await PartnersClient.signIn(partnersBase, DEMO_INSTRUCTOR);
    const applicant = await PartnersClient.signIn(partnersBase, DEMO_APPLICANT);
    const habilitationId = await validatedHabilitation(applicant, instructor, DEMO_HABILITATION_CONTENT);
    const [sandbox] = (await applicant.call('GET', `/api/habilitations/${habilitationId}/service-providers`)).body;
    await published(applicant, sandbox.id);

    // Given a worker that pauses between the core's write and the acknowledgment
    await stop(worker);
    await startWorker({ FAULT_INJECTION_PUBLICATION_PAUSE_MS: '60000' });
    const changed = await applicant.call('PATCH', `/api/service-providers/${sandbox.id}`, { name: 'Portail famille (recette)' });
    expect(changed.status).toBe(200);
    const version = changed.body.configVersion;
    const logged = () =>
      db.query('SELECT outcome FROM core.client_publication_log WHERE client_id = $1 AND version = $2', [sandbox.clientId, version]);
    await waitFor(async () => (await logged()).rowCount === 1, { timeoutMs: 10_000, intervalMs: 50, description: 'the core to apply it' });
    expect((await serviceProvider(applicant, sandbox.id)).publication.status).toBe('pending');

    // When the worker is killed there, and a worker comes back
    await stop(worker, 'SIGKILL');
    await startWorker();

    // Then the publication is acknowledged, and was applied once
    const view = await published(applicant, sandbox.id);
    expect(view.publication.version).toBe(version);
    expect((await logged()).rows).toEqual([{ outcome: 'applied' }]);
    const core = await db.query('SELECT name, version FROM core.client WHERE client_id = $1', [sandbox.clientId]);
    expect(core.rows).toEqual([{ name: 'Portail famille (recette)', version }]);
  }, 120_000);

  it('never writes an issued secret in clear: not in any schema, not in Redis, not in the logs', async () => {
    expect(issuedSecrets).toHaveLength(5);
    const dump = spawnSync('pg_dump', ['--data-only', '--no-owner', stack.database.url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    expect(dump.status).toBe(0);
    // The dump does hold the clients: their hashes are there, in the partners and core schemas.
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(issuedSecrets[0] ?? '').digest('hex');
    expect(dump.stdout).toContain(`COPY partners.client_secret`);
    expect(dump.stdout.split(hash).length - 1).toBeGreaterThanOrEqual(2);

    const redis = new Redis(stack.redisUrl);
    const values: string[] = [];
    try {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${stack.prefix}*`, 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          const type = await redis.type(key);
          values.push(key);
          if (type === 'string') values.push((await redis.get(key)) ?? '');
          else if (type === 'hash') values.push(JSON.stringify(await redis.hgetall(key)));
          else if (type === 'list') values.push(JSON.stringify(await redis.lrange(key, 0, -1)));
          else if (type === 'set') values.push(JSON.stringify(await redis.smembers(key)));
          else if (type === 'zset') values.push(JSON.stringify(await redis.zrange(key, 0, -1)));
          else if (type === 'stream') values.push(JSON.stringify(await redis.xrange(key, '-', '+')));
        }
      } while (cursor !== '0');
    } finally {
      redis.disconnect();
    }
    const redisText = values.join('\n');
    expect(redisText).toContain('client-publications');

    const logs = [stack.logs(), ...outputs, partnersApi?.output() ?? '', worker?.output() ?? ''].join('\n');
    expect(logs).toContain('client publication applied');
    for (const secret of issuedSecrets) {
      expect({ where: 'database', found: dump.stdout.includes(secret) }).toEqual({ where: 'database', found: false });
      expect({ where: 'redis', found: redisText.includes(secret) }).toEqual({ where: 'redis', found: false });
      expect({ where: 'logs', found: logs.includes(secret) }).toEqual({ where: 'logs', found: false });
    }

    // No personal data of the citizens who logged in (login `test` at the mock FIs) in any process's logs.
    const { findTestCitizen } = await import('@federation/mock-fi');
    const claims = findTestCitizen(CITIZEN.login)?.claims;
    expect(claims).toBeDefined();
    const personalData = [claims?.given_name, claims?.family_name, claims?.email, claims?.birthdate].filter((value): value is string => !!value);
    expect(personalData).toHaveLength(4);
    for (const value of personalData)
      expect({ where: 'logs', personalData: value, found: logs.includes(value) }).toEqual({ where: 'logs', personalData: value, found: false });
  });
});
