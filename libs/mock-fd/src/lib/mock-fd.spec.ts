import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { freePort } from '@federation/testing';
import type { JWK } from 'jose';
import { taxDataOf, familyQuotientOf, studentStatusOf } from './fake-data/fake-data';
import type { MockFdOptions } from './mock-fd.config';
import { MockFdModule } from './mock-fd.module';
import {
  generateFdKey,
  startTestConsentService,
  TEST_IDENTITY,
  type TestConsentService,
} from './testing/test-consent-service';

// A secret with characters that HTTP Basic must form-urlencode first (RFC 6749 §2.3.1).
const DGFIP_SECRET = 'test-only dgfip:secret+with%special/chars-0123456789';
const MESR_SECRET = 'test-only-mesr-secret-0123456789abcdefghij';

/** Every line the app logs, to prove that no identity nor token reaches the logs. */
class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, ...rest: unknown[]) {
    this.lines.push(JSON.stringify([message, ...rest]));
  }
  error = this.log;
  warn = this.log;
  debug = this.log;
  verbose = this.log;
  fatal = this.log;
}

describe('demo data providers, checking tokens at a stand-in for the consent service', () => {
  let consent: TestConsentService;
  let app: INestApplication;
  let baseUrl: string;
  let cnafSigning: { privateJwk: JWK; publicJwk: JWK };
  let cnafEncryption: { privateJwk: JWK; publicJwk: JWK };
  const logger = new CapturingLogger();

  async function startMockFd(consentUrl: string, overrides: Partial<MockFdOptions['clients']> = {}): Promise<{ app: INestApplication; url: string }> {
    const options: MockFdOptions = {
      consentUrl,
      timeoutSeconds: 2,
      jwksCooldownSeconds: 0,
      clients: {
        'fd-dgfip': { clientId: 'fd-dgfip', credentials: { method: 'client_secret_basic', clientSecret: DGFIP_SECRET } },
        'fd-cnaf': {
          clientId: 'fd-cnaf',
          credentials: { method: 'private_key_jwt', signingKey: cnafSigning.privateJwk },
          decryptionKey: cnafEncryption.privateJwk,
        },
        'fd-mesr': { clientId: 'fd-mesr', credentials: { method: 'client_secret_post', clientSecret: MESR_SECRET } },
        ...overrides,
      },
    };
    const started = await NestFactory.create(MockFdModule.register(options), { logger });
    const port = await freePort();
    await started.listen(port, '127.0.0.1');
    return { app: started, url: `http://127.0.0.1:${port}` };
  }

  const call = (path: string, token?: string, url = baseUrl) =>
    fetch(`${url}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    cnafSigning = await generateFdKey('fd-cnaf-sig-1', 'sig');
    cnafEncryption = await generateFdKey('fd-cnaf-enc-1', 'enc');
    consent = await startTestConsentService([
      { clientId: 'fd-dgfip', method: 'client_secret_basic', clientSecret: DGFIP_SECRET },
      { clientId: 'fd-cnaf', method: 'private_key_jwt', signingKey: cnafSigning.publicJwk, encryptionKey: cnafEncryption.publicJwk },
      { clientId: 'fd-mesr', method: 'client_secret_post', clientSecret: MESR_SECRET },
    ]);
    ({ app, url: baseUrl } = await startMockFd(consent.url));
  });

  afterEach(() => {
    consent.tamper({});
  });

  afterAll(async () => {
    await app?.close();
    await consent?.close();
  });

  describe('DGFiP (client_secret_basic, signed answers)', () => {
    it('answers the revenu fiscal de référence and the nombre de parts, derived from the identity, with the sub it received', async () => {
      // Given a token granting both DGFiP scopes
      const token = consent.issueToken({ scopes: ['openid', 'given_name', 'dgfip_rfr', 'dgfip_nbpart'] });

      // When the FS calls the API
      const response = await call('/dgfip/revenu-fiscal-de-reference', token);

      // Then it gets the citizen's figures and the FD-specific sub
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const expected = taxDataOf(TEST_IDENTITY);
      expect(await response.json()).toEqual({
        sub: 'fd-dgfip-sub-0123456789abcdef',
        referenceTaxIncome: expected.referenceTaxIncome,
        incomeYear: new Date().getUTCFullYear() - 1,
        taxShares: expected.taxShares,
      });
    });

    it('authenticates with HTTP Basic, the id and secret form-urlencoded, and sends the token in the body', async () => {
      const token = consent.issueToken({ scopes: ['dgfip_rfr'] });

      await call('/dgfip/revenu-fiscal-de-reference', token);

      // The stand-in accepted the Basic credentials (it decodes them as RFC 6749 says) and saw the token
      expect(consent.received.at(-1)).toEqual({ clientId: 'fd-dgfip', method: 'client_secret_basic', token });
    });

    it('leaves out the nombre de parts when dgfip_nbpart was not granted', async () => {
      const token = consent.issueToken({ scopes: ['dgfip_rfr'] });

      const body = (await (await call('/dgfip/revenu-fiscal-de-reference', token)).json()) as Record<string, unknown>;

      expect(body['referenceTaxIncome']).toBe(taxDataOf(TEST_IDENTITY).referenceTaxIncome);
      expect(body).not.toHaveProperty('taxShares');
    });

    it('gives another citizen other figures', async () => {
      const other = { ...TEST_IDENTITY, given_name: 'Jean', family_name: 'MARTIN', birthdate: '1990-01-31' };
      const token = consent.issueToken({ scopes: ['dgfip_rfr'], identity: other });

      const body = (await (await call('/dgfip/revenu-fiscal-de-reference', token)).json()) as Record<string, unknown>;

      expect(body['referenceTaxIncome']).toBe(taxDataOf(other).referenceTaxIncome);
      expect(taxDataOf(other).referenceTaxIncome).not.toBe(taxDataOf(TEST_IDENTITY).referenceTaxIncome);
    });
  });

  describe('CNAF (private_key_jwt, encrypted answers)', () => {
    it('authenticates with a fresh ES256 client assertion for the checktoken endpoint and decrypts the answer', async () => {
      // Given a token granting the CNAF scope
      const token = consent.issueToken({ scopes: ['openid', 'cnaf_quotient_familial'] });

      // When the FS calls the API
      const response = await call('/cnaf/quotient-familial', token);

      // Then the answer, encrypted to the FD's key, was decrypted and verified
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ sub: 'fd-cnaf-sub-0123456789abcdef', ...familyQuotientOf(TEST_IDENTITY) });

      // And the assertion was signed by the FD's key, iss = sub = client_id, aud = the endpoint, a jti, 60 s at most
      const received = consent.received.at(-1);
      expect(received).toMatchObject({ clientId: 'fd-cnaf', method: 'private_key_jwt', token });
      const assertion = received?.assertion ?? {};
      expect(assertion).toMatchObject({ iss: 'fd-cnaf', sub: 'fd-cnaf', aud: consent.checkTokenUrl });
      expect(assertion.jti).toMatch(/^[0-9a-f-]{36}$/);
      expect((assertion.exp ?? 0) - (assertion.iat ?? 0)).toBeLessThanOrEqual(60);
    });

    it('uses a new jti for every call', async () => {
      const token = consent.issueToken({ scopes: ['cnaf_quotient_familial'] });

      const first = await call('/cnaf/quotient-familial', token);
      const second = await call('/cnaf/quotient-familial', token);

      // The stand-in refuses a replayed jti: both calls succeed only with two assertions
      expect([first.status, second.status]).toEqual([200, 200]);
      const [a, b] = consent.received.slice(-2).map((entry) => entry.assertion?.jti);
      expect(a).not.toBe(b);
    });

    it('refuses an answer that is only signed, although the FD registered an encryption key', async () => {
      consent.tamper({ skipEncryption: true });
      const token = consent.issueToken({ scopes: ['cnaf_quotient_familial'] });

      const response = await call('/cnaf/quotient-familial', token);

      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'MOCK-FD-007' });
    });

    it('refuses an answer encrypted to another key', async () => {
      const stranger = await generateFdKey('fd-cnaf-enc-1', 'enc');
      consent.tamper({ encryptTo: stranger.publicJwk });
      const token = consent.issueToken({ scopes: ['cnaf_quotient_familial'] });

      const response = await call('/cnaf/quotient-familial', token);

      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ code: 'MOCK-FD-007' });
    });
  });

  describe('MESR (client_secret_post)', () => {
    it('authenticates with the secret in the body and answers the statut étudiant', async () => {
      const token = consent.issueToken({ scopes: ['mesr_statut_etudiant'] });

      const response = await call('/mesr/statut-etudiant', token);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ sub: 'fd-mesr-sub-0123456789abcdef', ...studentStatusOf(TEST_IDENTITY) });
      expect(consent.received.at(-1)).toEqual({ clientId: 'fd-mesr', method: 'client_secret_post', token });
    });
  });

  describe('refusals an FS must handle', () => {
    it('asks for a bearer token when there is none, without calling the consent service', async () => {
      const before = consent.received.length;

      const response = await call('/dgfip/revenu-fiscal-de-reference');

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mock-data-provider"');
      expect(await response.json()).toMatchObject({ code: 'MOCK-FD-001', message: expect.stringContaining('jeton d’accès') });
      expect(consent.received.length).toBe(before);
    });

    it.each([
      ['Basic ZmQ6c2VjcmV0'],
      ['Bearer'],
      ['Bearer two words'],
    ])('refuses the malformed header “%s” with 401', async (authorization) => {
      const response = await fetch(`${baseUrl}/cnaf/quotient-familial`, { headers: { authorization } });

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mock-data-provider", error="invalid_request"');
    });

    it('answers 401 invalid_token for a revoked token', async () => {
      // Given a token the citizen revoked (consent withdrawn)
      const token = consent.issueToken({ scopes: ['dgfip_rfr'] });
      consent.revoke(token);

      // When the FS calls the API
      const response = await call('/dgfip/revenu-fiscal-de-reference', token);

      // Then the API refuses it, in French
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mock-data-provider", error="invalid_token"');
      expect(await response.json()).toMatchObject({
        code: 'MOCK-FD-003',
        error: 'invalid_token',
        message: expect.stringContaining('révoqué'),
      });
    });

    it('answers 401 for an unknown token, and for a token with none of this FD’s scopes', async () => {
      const otherFdToken = consent.issueToken({ scopes: ['cnaf_quotient_familial'] });

      expect((await call('/dgfip/revenu-fiscal-de-reference', 'unknown-token')).status).toBe(401);
      expect((await call('/dgfip/revenu-fiscal-de-reference', otherFdToken)).status).toBe(401);
    });

    it('answers 403 insufficient_scope for an active token without the endpoint’s scope', async () => {
      const token = consent.issueToken({ scopes: ['dgfip_nbpart'] });

      const response = await call('/dgfip/revenu-fiscal-de-reference', token);

      expect(response.status).toBe(403);
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer realm="mock-data-provider", error="insufficient_scope", scope="dgfip_rfr"',
      );
      expect(await response.json()).toMatchObject({
        error: 'insufficient_scope',
        message: expect.stringContaining('Revenu fiscal de référence'),
      });
    });

    it.each([500, 503])('answers 503 when the consent service answers %s', async (status) => {
      consent.tamper({ status });
      const token = consent.issueToken({ scopes: ['dgfip_rfr'] });

      const response = await call('/dgfip/revenu-fiscal-de-reference', token);

      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: 'MOCK-FD-005', message: expect.stringContaining('service de consentement') });
    });

    it('answers 503 when the consent service is unreachable', async () => {
      const down = await startMockFd(`http://127.0.0.1:${await freePort()}`);
      try {
        const response = await call('/mesr/statut-etudiant', 'some-token', down.url);

        expect(response.status).toBe(503);
      } finally {
        await down.app.close();
      }
    });

    it('answers 502 naming the misconfiguration when the consent service refuses the FD’s credentials', async () => {
      const misconfigured = await startMockFd(consent.url, {
        'fd-mesr': { clientId: 'fd-mesr', credentials: { method: 'client_secret_post', clientSecret: 'wrong-secret-0123456789abcdefghijkl' } },
      });
      try {
        const token = consent.issueToken({ scopes: ['mesr_statut_etudiant'] });

        const response = await call('/mesr/statut-etudiant', token, misconfigured.url);

        expect(response.status).toBe(502);
        expect(await response.json()).toMatchObject({
          code: 'MOCK-FD-006',
          message: expect.stringContaining('mal configuré'),
        });
      } finally {
        await misconfigured.app.close();
      }
    });
  });

  describe('trust in the consent service’s answer', () => {
    it.each([
      ['signed by a key absent from the JWKS', { signWithUnpublishedKey: true }],
      ['meant for another FD (aud)', { aud: 'fd-mesr' }],
      ['of another type (typ)', { typ: 'JWT' }],
      ['from another issuer (iss)', { iss: 'http://consent.example' }],
      ['with another content type', { contentType: 'application/json' }],
    ])('refuses an answer %s with 502 and no data', async (_case, tampering) => {
      consent.tamper(tampering);
      const token = consent.issueToken({ scopes: ['dgfip_rfr'] });

      const response = await call('/dgfip/revenu-fiscal-de-reference', token);

      expect(response.status).toBe(502);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 'MOCK-FD-007' });
      expect(body).not.toHaveProperty('referenceTaxIncome');
    });

    it('keeps the consent JWKS in cache, and fetches it again for a new kid (key rotation)', async () => {
      // Given a warm cache
      const token = consent.issueToken({ scopes: ['dgfip_rfr'] });
      await call('/dgfip/revenu-fiscal-de-reference', token);
      const fetches = consent.jwksFetches();

      // When several calls follow, Then the JWKS is not fetched again
      await call('/dgfip/revenu-fiscal-de-reference', token);
      await call('/dgfip/revenu-fiscal-de-reference', token);
      expect(consent.jwksFetches()).toBe(fetches);

      // When the consent service rotates its signing key, Then the next answer is accepted after one fetch
      await consent.rotateSigningKey();
      expect((await call('/dgfip/revenu-fiscal-de-reference', token)).status).toBe(200);
      expect(consent.jwksFetches()).toBe(fetches + 1);
    });
  });

  it('never logs the identity nor the token', async () => {
    const token = consent.issueToken({ scopes: ['dgfip_rfr', 'dgfip_nbpart'] });
    await call('/dgfip/revenu-fiscal-de-reference', token);

    const logs = logger.lines.join('\n');
    expect(logs).toContain('fd-dgfip: token active');
    for (const secret of [token, TEST_IDENTITY.family_name, TEST_IDENTITY.given_name, TEST_IDENTITY.birthdate, DGFIP_SECRET]) {
      expect(logs).not.toContain(secret);
    }
  });
});
