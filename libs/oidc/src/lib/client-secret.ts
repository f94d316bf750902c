import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes: 256 bits, written as 43 base64url characters. */
export const CLIENT_SECRET_BYTES = 32;

/** A service provider's secret and the only forms of it that may be stored. */
export interface IssuedClientSecret {
  /** Shown once to the technical contact, then forgotten. */
  secret: string;
  /** SHA-256 (hex): what the partners side and the core keep. */
  sha256: string;
  /** For the technical contact to recognise it ("…Xy9Q"). */
  last4: string;
}

/**
 * A client secret is 256 bits of randomness, so a fast hash is enough to store it: there is no
 * dictionary to try, and a slow KDF would only cost CPU at every token request.
 */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function issueClientSecret(): IssuedClientSecret {
  const secret = randomBytes(CLIENT_SECRET_BYTES).toString('base64url');
  return { secret, sha256: hashClientSecret(secret), last4: secret.slice(-4) };
}

/** A public, stable client_id: 32 random bytes in hex (the format FranceConnect hands out). */
export function newClientId(): string {
  return randomBytes(32).toString('hex');
}

/** A hash the secret may be checked against, and until when (null: no end). */
export interface ClientSecretHash {
  sha256: string;
  notAfter: string | null;
}

/** True when `presented` matches one of the hashes still valid at `now`; constant time per hash. */
export function matchesClientSecret(
  presented: unknown,
  hashes: readonly ClientSecretHash[],
  now: number = Date.now(),
): boolean {
  if (typeof presented !== 'string' || presented.length === 0 || presented.length > 512) return false;
  const candidate = Buffer.from(hashClientSecret(presented), 'hex');
  let matched = false;
  for (const hash of hashes) {
    if (hash.notAfter !== null && Date.parse(hash.notAfter) <= now) continue;
    const stored = Buffer.from(hash.sha256, 'hex');
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate)) matched = true;
  }
  return matched;
}
