import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import type { DataProviderEntity } from '@federation/consent-data';

export const INTROSPECTION_JWT_TYPE = 'token-introspection+jwt';

/**
 * Signs checktoken answers (ES256, RFC 9701 `token-introspection+jwt`) with the consent service's
 * key, and encrypts them to the data provider when it registered an encryption key.
 * Signing uses node:crypto directly: it is the hot path of checktoken.
 */
export class AnswerSigner {
  private readonly key: KeyObject;
  private readonly header: string;
  readonly publicJwks: { keys: JWK[] };
  private readonly encryptionKeys = new Map<string, { source: unknown; key: Awaited<ReturnType<typeof importJWK>> }>();

  constructor(privateJwks: { keys: JWK[] }) {
    const jwk = privateJwks.keys.find((key) => key.alg === 'ES256' && key.crv === 'P-256' && key.d);
    if (!jwk?.kid) throw new Error('CONSENT_SIGNING_JWKS needs an ES256 (P-256) private key with a kid');
    this.key = createPrivateKey({ key: jwk as never, format: 'jwk' });
    this.header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: jwk.kid, typ: INTROSPECTION_JWT_TYPE })).toString('base64url');
    const publicJwk = createPublicKey(this.key).export({ format: 'jwk' }) as JWK;
    this.publicJwks = { keys: [{ ...publicJwk, kid: jwk.kid, alg: 'ES256', use: 'sig' }] };
  }

  sign(payload: Record<string, unknown>): string {
    const input = `${this.header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    const signature = sign('sha256', Buffer.from(input), { key: this.key, dsaEncoding: 'ieee-p1363' });
    return `${input}.${signature.toString('base64url')}`;
  }

  /** The answer as the data provider receives it: the JWS, or a JWE of it. */
  async answer(provider: DataProviderEntity, payload: Record<string, unknown>): Promise<string> {
    const jws = this.sign(payload);
    if (!provider.encryptionJwk || !provider.encryptionAlg || !provider.encryptionEnc) return jws;
    const key = await this.encryptionKey(provider);
    return new CompactEncrypt(Buffer.from(jws))
      .setProtectedHeader({
        alg: provider.encryptionAlg,
        enc: provider.encryptionEnc,
        cty: 'JWT',
        ...(typeof provider.encryptionJwk['kid'] === 'string' ? { kid: provider.encryptionJwk['kid'] } : {}),
      })
      .encrypt(key);
  }

  private async encryptionKey(provider: DataProviderEntity) {
    const cached = this.encryptionKeys.get(provider.id);
    if (cached && cached.source === provider.encryptionJwk) return cached.key;
    const key = await importJWK(provider.encryptionJwk as JWK, provider.encryptionAlg as string);
    this.encryptionKeys.set(provider.id, { source: provider.encryptionJwk, key });
    return key;
  }
}
