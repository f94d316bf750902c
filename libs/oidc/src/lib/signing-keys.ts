import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface PrivateJwks {
  keys: JWK[];
}

/** A fresh signing key set: one ES256 (default) and one RS256 key (for clients that need it). */
export async function generateSigningJwks(): Promise<PrivateJwks> {
  const keys: JWK[] = [];
  for (const [alg, options] of [
    ['ES256', {}],
    ['RS256', { modulusLength: 2048 }],
  ] as const) {
    const { privateKey } = await generateKeyPair(alg, {
      extractable: true,
      ...options,
    });
    const jwk = await exportJWK(privateKey);
    keys.push({
      ...jwk,
      alg,
      use: 'sig',
      kid: `${alg.toLowerCase()}-${Date.now().toString(36)}`,
    });
  }
  return { keys };
}

/** Parses and checks a private JWKS given in configuration (JSON). */
export function parsePrivateJwks(json: string): PrivateJwks {
  const parsed = JSON.parse(json) as PrivateJwks;
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0)
    throw new Error('a JWKS with at least one key is required');
  for (const key of parsed.keys) {
    if (!key.d) throw new Error(`key ${key.kid ?? '?'} is not a private key`);
    if (!key.alg || !key.kid)
      throw new Error('every key needs "alg" and "kid"');
  }
  return parsed;
}
