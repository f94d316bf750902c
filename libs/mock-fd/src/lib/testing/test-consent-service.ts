import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CompactEncrypt,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { DATA_PROVIDERS, type DataProviderClientId } from '../data-providers';
import type { CitizenIdentity } from '../checktoken/token-introspection';

/*
 * Test-only: an in-process stand-in for the consent service's `/api/checktoken` and `/api/jwks`,
 * speaking the contract the real one implements (the real service is another project). It
 * authenticates the FDs as the real one does, so that a test proves what the mock FD sends.
 */

export const TEST_IDENTITY: CitizenIdentity = {
  given_name: 'Angela Claire Louise',
  family_name: 'DUBOIS',
  birthdate: '1962-08-24',
  gender: 'female',
  birthplace: '75107',
  birthcountry: '99100',
};

/** How an FD is registered at the stand-in. */
export type TestDataProviderRegistration =
  | { clientId: DataProviderClientId; method: 'client_secret_basic' | 'client_secret_post'; clientSecret: string; encryptionKey?: JWK }
  | { clientId: DataProviderClientId; method: 'private_key_jwt'; signingKey: JWK; encryptionKey?: JWK };

/** An access token the stand-in knows, as the core would have issued it. */
export interface TestAccessToken {
  scopes: string[];
  identity?: CitizenIdentity;
  revoked?: boolean;
}

/** What a test changes in the next answers, to see the mock FD refuse them. */
export interface AnswerTampering {
  /** Answer this status with a body instead of checking the token. */
  status?: number;
  /** Sign with a key absent from the JWKS. */
  signWithUnpublishedKey?: boolean;
  aud?: string;
  iss?: string;
  typ?: string;
  contentType?: string;
  /** Do not encrypt, even for an FD with an encryption key. */
  skipEncryption?: boolean;
  /** Encrypt to this public key instead of the FD's. */
  encryptTo?: JWK;
}

/** One authenticated call to `/api/checktoken`, as the stand-in saw it. */
export interface ReceivedCheckToken {
  clientId: string;
  method: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  token: string;
  /** For private_key_jwt: the verified claims of the client assertion. */
  assertion?: { iss?: string; sub?: string; aud?: string | string[]; jti?: string; iat?: number; exp?: number };
}

export interface TestConsentService {
  url: string;
  checkTokenUrl: string;
  /** Registers an access token; returns it. */
  issueToken(token: TestAccessToken): string;
  revoke(token: string): void;
  tamper(tampering: AnswerTampering): void;
  /** A new signing key: the JWKS publishes it and the answers carry its kid. */
  rotateSigningKey(): Promise<void>;
  received: ReceivedCheckToken[];
  jwksFetches(): number;
  close(): Promise<void>;
}

const SCOPES_BY_CLIENT = new Map<string, readonly string[]>(
  DATA_PROVIDERS.map((provider) => [provider.clientId, provider.scopes.map(({ scope }) => scope)]),
);

async function newSigningKey(kid: string): Promise<{ privateKey: CryptoKey; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

export async function startTestConsentService(registrations: TestDataProviderRegistration[]): Promise<TestConsentService> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const checkTokenUrl = `${url}/api/checktoken`;

  let generation = 1;
  let signing = await newSigningKey(`consent-${generation}`);
  const published: JWK[] = [signing.publicJwk];
  const unpublished = await newSigningKey('consent-unpublished');
  const tokens = new Map<string, TestAccessToken>();
  const usedJtis = new Set<string>();
  const received: ReceivedCheckToken[] = [];
  let tampering: AnswerTampering = {};
  let jwksFetches = 0;
  let tokenCounter = 0;

  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  /** The FD behind the request, or undefined when its credentials are wrong (as the real service: 401 invalid_client). */
  async function authenticate(req: IncomingMessage, form: URLSearchParams): Promise<Omit<ReceivedCheckToken, 'token'> | undefined> {
    const authorization = req.headers.authorization;
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
      const separator = decoded.indexOf(':');
      const clientId = formDecode(decoded.slice(0, separator));
      const clientSecret = formDecode(decoded.slice(separator + 1));
      const registration = registrations.find((candidate) => candidate.clientId === clientId);
      if (registration?.method !== 'client_secret_basic' || registration.clientSecret !== clientSecret) return undefined;
      return { clientId, method: 'client_secret_basic' };
    }
    if (form.has('client_assertion')) {
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return undefined;
      const assertion = form.get('client_assertion') as string;
      const claimedId = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}').iss as string;
      const registration = registrations.find((candidate) => candidate.clientId === claimedId);
      if (registration?.method !== 'private_key_jwt') return undefined;
      try {
        const { payload } = await jwtVerify(assertion, await importJWK(registration.signingKey, 'ES256'), {
          algorithms: ['ES256'],
          issuer: registration.clientId,
          subject: registration.clientId,
          audience: checkTokenUrl,
          requiredClaims: ['jti', 'exp'],
        });
        const lifetime = (payload.exp as number) - (payload.iat ?? Math.floor(Date.now() / 1000));
        if (lifetime > 60 || usedJtis.has(payload.jti as string)) return undefined;
        usedJtis.add(payload.jti as string);
        return { clientId: registration.clientId, method: 'private_key_jwt', assertion: payload };
      } catch {
        return undefined;
      }
    }
    const clientId = form.get('client_id') ?? '';
    const registration = registrations.find((candidate) => candidate.clientId === clientId);
    if (registration?.method !== 'client_secret_post' || registration.clientSecret !== form.get('client_secret')) return undefined;
    return { clientId, method: 'client_secret_post' };
  }

  async function answer(clientId: string, token: string): Promise<string> {
    const registration = registrations.find((candidate) => candidate.clientId === clientId) as TestDataProviderRegistration;
    const known = tokens.get(token);
    const ownScopes = SCOPES_BY_CLIENT.get(clientId) ?? [];
    const granted = known && !known.revoked ? known.scopes.filter((scope) => ownScopes.includes(scope)) : [];
    const now = Math.floor(Date.now() / 1000);
    const introspection =
      granted.length === 0 || !known
        ? { active: false }
        : {
            active: true,
            scope: granted.join(' '),
            client_id: 'demo-service-a',
            client_name: 'Démarche en ligne A — démo',
            acr: 'eidas1',
            iat: now,
            exp: now + 60,
            sub: `${clientId}-sub-0123456789abcdef`,
            identity: known.identity ?? TEST_IDENTITY,
          };
    const key = tampering.signWithUnpublishedKey ? unpublished : signing;
    const jws = await new SignJWT({ token_introspection: introspection })
      .setProtectedHeader({ alg: 'ES256', kid: key.publicJwk.kid, typ: tampering.typ ?? 'token-introspection+jwt' })
      .setIssuer(tampering.iss ?? url)
      .setAudience(tampering.aud ?? clientId)
      .setIssuedAt(now)
      .sign(key.privateKey);
    const encryptionKey = tampering.encryptTo ?? registration.encryptionKey;
    if (!encryptionKey || tampering.skipEncryption) return jws;
    return new CompactEncrypt(new TextEncoder().encode(jws))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', cty: 'JWT', kid: encryptionKey.kid })
      .encrypt(await importJWK(encryptionKey, 'ECDH-ES'));
  }

  server.on('request', (req, res) => {
    void (async () => {
      if (req.method === 'GET' && req.url === '/api/jwks') {
        jwksFetches += 1;
        json(res, 200, { keys: published });
        return;
      }
      if (req.method !== 'POST' || req.url !== '/api/checktoken') {
        json(res, 404, { error: 'not_found' });
        return;
      }
      const form = new URLSearchParams(await readBody(req));
      if (tampering.status) {
        json(res, tampering.status, { error: tampering.status >= 500 ? 'server_error' : 'invalid_request' });
        return;
      }
      const client = await authenticate(req, form);
      if (!client) {
        json(res, 401, { error: 'invalid_client' });
        return;
      }
      const token = form.get('token');
      if (!token) {
        json(res, 400, { error: 'invalid_request' });
        return;
      }
      received.push({ ...client, token });
      res
        .writeHead(200, { 'content-type': tampering.contentType ?? 'application/token-introspection+jwt' })
        .end(await answer(client.clientId, token));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });

  return {
    url,
    checkTokenUrl,
    received,
    issueToken: (token) => {
      tokenCounter += 1;
      const value = `test-access-token-${tokenCounter}-${Math.random().toString(36).slice(2)}`;
      tokens.set(value, token);
      return value;
    },
    revoke: (token) => {
      const known = tokens.get(token);
      if (known) known.revoked = true;
    },
    tamper: (value) => {
      tampering = value;
    },
    rotateSigningKey: async () => {
      generation += 1;
      signing = await newSigningKey(`consent-${generation}`);
      published.push(signing.publicJwk);
    },
    jwksFetches: () => jwksFetches,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A private EC P-256 JWK with its kid, as an FD holds it (and its public half, as the consent service registers it). */
export async function generateFdKey(kid: string, use: 'sig' | 'enc'): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const alg = use === 'sig' ? 'ES256' : 'ECDH-ES';
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, crv: 'P-256' });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg, use },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use },
  };
}
