// Secrets of a development stack, generated once and kept in .data/secrets.json (never committed),
// so that sessions and keys survive a restart of `npm start`.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './infra.mjs';

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function signingJwks() {
  const keys = [];
  for (const [alg, type, options] of [
    ['ES256', 'ec', { namedCurve: 'P-256' }],
    ['RS256', 'rsa', { modulusLength: 2048 }],
  ]) {
    const { privateKey } = generateKeyPairSync(type, options);
    keys.push({ ...privateKey.export({ format: 'jwk' }), alg, use: 'sig', kid: `${alg.toLowerCase()}-${random(6)}` });
  }
  return JSON.stringify({ keys });
}

/** Fresh secrets for a whole stack (also used by tests, which never reuse a developer's). */
export function generateStackSecrets() {
  return {
    CORE_SIGNING_JWKS: signingJwks(),
    CORE_COOKIE_KEYS: random(),
    IDENTITY_HASH_SECRET: random(),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MOCK_FI_CLIENT_SECRET: random(),
    MOCK_FI_COOKIE_KEYS: random(),
    MOCK_FS_COOKIE_SECRET: random(),
    CONSENT_SIGNING_JWKS: ecJwks('sig', 'ES256'),
    CONSENT_SUBJECT_SECRET: random(),
    CONSENT_INTERNAL_TOKEN: random(),
    DASHBOARD_CLIENT_SECRET: random(),
    DASHBOARD_COOKIE_SECRET: random(),
    MOCK_FD_DGFIP_CLIENT_SECRET: random(),
    MOCK_FD_MESR_CLIENT_SECRET: random(),
    MOCK_FD_CNAF_SIGNING_JWK: ecJwk('sig', 'ES256'),
    MOCK_FD_CNAF_ENCRYPTION_JWK: ecJwk('enc', 'ECDH-ES'),
  };
}

/** A private EC P-256 JWK (JSON) with its kid. */
export function ecJwk(use, alg) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return JSON.stringify({ ...privateKey.export({ format: 'jwk' }), alg, use, kid: `${use}-${random(6)}` });
}

function ecJwks(use, alg) {
  return JSON.stringify({ keys: [JSON.parse(ecJwk(use, alg))] });
}

/** Demo service providers' credentials: fixed and documented (README), development only. */
export const DEMO_CLIENTS = {
  MOCK_FS_CLIENT_ID: 'demo-service-a',
  MOCK_FS_CLIENT_SECRET: 'demo-service-a-secret-for-development-only-0001',
  MOCK_FS2_CLIENT_ID: 'demo-service-b',
  MOCK_FS2_CLIENT_SECRET: 'demo-service-b-secret-for-development-only-0002',
};

export function loadOrCreateDevSecrets(file = join(ROOT, '.data', 'secrets.json')) {
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  // Secrets added by a newer version are generated; the existing ones are kept.
  const secrets = { ...generateStackSecrets(), ...existing };
  if (Object.keys(secrets).length !== Object.keys(existing).length) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
