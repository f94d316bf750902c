import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  type JWK,
} from 'jose';

/**
 * A fresh ES256 and RS256 private key pair for one FI, generated at boot: the mock keeps no key
 * material, and relying parties fetch the public half from the FI's `jwks_uri`.
 */
export async function generateSigningKeys(): Promise<JWK[]> {
  return Promise.all(
    (['ES256', 'RS256'] as const).map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true });
      const jwk = await exportJWK(privateKey);
      return {
        ...jwk,
        alg,
        use: 'sig',
        kid: await calculateJwkThumbprint(jwk),
      };
    }),
  );
}
