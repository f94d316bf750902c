import { matchesClientSecret } from '@federation/oidc';
import type Redis from 'ioredis';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { DataProviderRegistry, RegisteredDataProvider } from '../registry/data-provider-registry';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Client authentication failed: the data provider gets a 401 `invalid_client`, and learns nothing. */
export class InvalidClientError extends Error {
  constructor(readonly reason: string) {
    super('invalid_client');
  }
}

/**
 * Authenticates a data provider at checktoken like an OAuth client at a token endpoint (RFC 6749
 * 2.3, RFC 7523): with the method it registered, `client_secret_basic`, `client_secret_post` or
 * `private_key_jwt` (single-use assertions, audience = the checktoken URL).
 */
export class DataProviderAuthentication {
  private readonly keySets = new Map<string, { source: unknown; keys: ReturnType<typeof createLocalJWKSet> }>();

  constructor(
    private readonly registry: DataProviderRegistry,
    private readonly redis: Redis,
    private readonly redisPrefix: string,
    /** Accepted `aud` of client assertions: the checktoken URL and the service's public URL. */
    private readonly audiences: string[],
  ) {}

  async authenticate(
    authorization: string | undefined,
    body: Record<string, unknown>,
  ): Promise<RegisteredDataProvider> {
    const basic = parseBasic(authorization);
    const assertion = body['client_assertion'];
    const methods = [basic, typeof body['client_secret'] === 'string', typeof assertion === 'string'].filter(Boolean);
    if (methods.length !== 1) throw new InvalidClientError('exactly one client authentication method is required');

    if (typeof assertion === 'string') return this.byAssertion(assertion, body);
    const clientId = basic ? basic.clientId : body['client_id'];
    const secret = basic ? basic.secret : body['client_secret'];
    if (typeof clientId !== 'string' || clientId.length > 128) throw new InvalidClientError('client_id is missing');
    if (!basic && body['client_id'] !== undefined && typeof body['client_id'] !== 'string')
      throw new InvalidClientError('client_id is malformed');
    const provider = await this.registry.byClientId(clientId);
    const expected = basic ? 'client_secret_basic' : 'client_secret_post';
    if (!provider || provider.row.tokenEndpointAuthMethod !== expected)
      throw new InvalidClientError('unknown client or other authentication method');
    if (!matchesClientSecret(secret, provider.row.secretHashes)) throw new InvalidClientError('wrong secret');
    return provider;
  }

  private async byAssertion(assertion: string, body: Record<string, unknown>): Promise<RegisteredDataProvider> {
    if (body['client_assertion_type'] !== CLIENT_ASSERTION_TYPE)
      throw new InvalidClientError('client_assertion_type is wrong');
    if (assertion.length > 8192) throw new InvalidClientError('client_assertion is too long');
    const claimedId = unverifiedIssuer(assertion);
    const provider = claimedId ? await this.registry.byClientId(claimedId) : undefined;
    if (!provider || provider.row.tokenEndpointAuthMethod !== 'private_key_jwt' || !provider.row.jwks)
      throw new InvalidClientError('unknown client or other authentication method');
    if (typeof body['client_id'] === 'string' && body['client_id'] !== claimedId)
      throw new InvalidClientError('client_id differs from the assertion');
    let payload;
    try {
      ({ payload } = await jwtVerify(assertion, this.keySet(provider), {
        issuer: claimedId,
        subject: claimedId,
        audience: this.audiences,
        algorithms: ['ES256', 'RS256', 'PS256'],
        requiredClaims: ['exp', 'jti'],
        clockTolerance: 5,
      }));
    } catch {
      throw new InvalidClientError('client_assertion is invalid');
    }
    const now = Math.floor(Date.now() / 1000);
    if ((payload.exp as number) - now > 300) throw new InvalidClientError('client_assertion lives too long');
    const jti = String(payload.jti).slice(0, 256);
    const fresh = await this.redis.set(
      `${this.redisPrefix}:consent:assertion:${claimedId}:${jti}`,
      '1',
      'EX',
      Math.max((payload.exp as number) - now + 10, 10),
      'NX',
    );
    if (fresh !== 'OK') throw new InvalidClientError('client_assertion was already used');
    return provider;
  }

  private keySet(provider: RegisteredDataProvider) {
    const cached = this.keySets.get(provider.row.id);
    if (cached && cached.source === provider.row.jwks) return cached.keys;
    const keys = createLocalJWKSet(provider.row.jwks as unknown as JSONWebKeySet);
    this.keySets.set(provider.row.id, { source: provider.row.jwks, keys });
    return keys;
  }
}

function parseBasic(header: string | undefined): { clientId: string; secret: string } | undefined {
  if (!header?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new InvalidClientError('malformed Basic credentials');
  try {
    // RFC 6749 2.3.1: both parts are form-urlencoded before being joined.
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new InvalidClientError('malformed Basic credentials');
  }
}

function unverifiedIssuer(jwt: string): string | undefined {
  const payload = jwt.split('.')[1];
  if (!payload) return undefined;
  try {
    const iss = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown }).iss;
    return typeof iss === 'string' && iss.length <= 128 ? iss : undefined;
  } catch {
    return undefined;
  }
}
