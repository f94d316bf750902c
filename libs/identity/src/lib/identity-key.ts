import { createHmac } from 'node:crypto';
import type { PivotIdentity } from './pivot-identity';

// Version suffix of every `sub`: a future derivation scheme gets 'v2' and never collides with these.
const SUBJECT_VERSION = 'v1';
const IDENTITY_KEY_PATTERN = /^[0-9a-f]{64}$/;

/**
 * Canonical, stable serialisation of the six pivot claims (NFC, trimmed, given names single-spaced).
 * Citizens' account ids and every `sub` derive from it: changing it changes everyone's identity.
 */
export function canonicalPivotIdentity(identity: PivotIdentity): string {
  const clean = (value: string | undefined) =>
    (value ?? '').normalize('NFC').trim();
  // A JSON array: fixed order, and no value can forge a separator.
  return JSON.stringify([
    clean(identity.given_name).replace(/\s+/gu, ' '),
    clean(identity.family_name),
    clean(identity.birthdate),
    clean(identity.gender),
    clean(identity.birthplace),
    clean(identity.birthcountry),
  ]);
}

/** HMAC-SHA256(secret, canonical identity) as 64 hex chars: the citizen's account id in the core. Not reversible without the secret. */
export function identityKey(identity: PivotIdentity, secret: string): string {
  assertSecret(secret, 'identityKey');
  return hmacHex(secret, canonicalPivotIdentity(identity));
}

/**
 * The `sub` given to one service provider: HMAC-SHA256(secret, sector + '\u0000' + identityKey) hex + 'v1'.
 * Same person + same sector → same sub; another sector → another sub, so providers cannot link their users.
 */
export function pairwiseSubject(
  identityKeyValue: string,
  sector: string,
  secret: string,
): string {
  assertSecret(secret, 'pairwiseSubject');
  if (!IDENTITY_KEY_PATTERN.test(identityKeyValue)) {
    throw new TypeError(
      'pairwiseSubject: identityKeyValue must be an identityKey() result (64 lowercase hex characters)',
    );
  }
  if (sector === '')
    throw new TypeError('pairwiseSubject: sector must not be empty');
  return (
    hmacHex(secret, `${sector}\u0000${identityKeyValue}`) + SUBJECT_VERSION
  );
}

function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

// An empty secret would make every key computable by anyone: a configuration error, never a default.
function assertSecret(secret: string, caller: string): void {
  if (typeof secret !== 'string' || secret === '')
    throw new TypeError(`${caller}: secret must not be empty`);
}
