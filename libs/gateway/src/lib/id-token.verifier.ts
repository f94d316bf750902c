import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { FiDefinition } from './fi-registry';

/** Why an FI's answer was refused; mapped to the core's error catalogue by code. */
export class FiAnswerRejected extends Error {
  constructor(
    readonly code:
      | 'id_token_invalid'
      | 'nonce_mismatch'
      | 'acr_missing'
      | 'acr_too_low'
      | 'userinfo_mismatch'
      | 'identity_invalid'
      | 'issuer_mismatch',
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/**
 * What passport-openidconnect does not check: the id_token's signature against the FI's JWKS,
 * with issuer, audience, expiry and nonce, using jose.
 */
export class IdTokenVerifier {
  private readonly keySets = new Map<
    string,
    ReturnType<typeof createRemoteJWKSet>
  >();

  async verify(
    fi: FiDefinition,
    idToken: string,
    expectedNonce: string | undefined,
  ): Promise<JWTPayload> {
    let keySet = this.keySets.get(fi.jwksUrl);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(fi.jwksUrl), {
        timeoutDuration: 5_000,
        cooldownDuration: 30_000,
      });
      this.keySets.set(fi.jwksUrl, keySet);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(idToken, keySet, {
        issuer: fi.issuer,
        audience: fi.clientId,
        algorithms: ['ES256', 'RS256', 'PS256'],
        clockTolerance: 5,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw new FiAnswerRejected(
        'id_token_invalid',
        error instanceof Error ? error.message : 'verification failed',
      );
    }
    if (!expectedNonce || payload['nonce'] !== expectedNonce)
      throw new FiAnswerRejected(
        'nonce_mismatch',
        'the id_token nonce is not the one sent',
      );
    if (payload['azp'] !== undefined && payload['azp'] !== fi.clientId)
      throw new FiAnswerRejected('id_token_invalid', 'azp is not our client');
    return payload;
  }
}
