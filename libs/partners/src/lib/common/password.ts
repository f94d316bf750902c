import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function scryptOptions(logN: number, r: number, p: number): ScryptOptions {
  // 128·N·r bytes of memory; raise Node's 32 MiB default just enough.
  return { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
}

/** `scrypt$logN$r$p$salt$hash` — the parameters travel with the hash, so the cost can grow later. */
export async function hashPassword(password: string, logN = 15): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, scryptOptions(logN, 8, 1));
  return ['scrypt', logN, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), scryptOptions(Number(logN), Number(r), Number(p)));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Hash of a random password: unknown accounts cost the same time as known ones (no enumeration by timing). */
export async function dummyPasswordHash(logN: number): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'), logN);
}

const COMMON_PASSWORDS = new Set([
  'motdepasse', 'motdepasse123', 'azerty', 'azertyuiop', 'azertyuiop123', 'qwerty', 'qwertyuiop', 'password', 'password123',
  'passw0rd', 'motdepasse1234', 'soleil', 'bonjour', 'doudou', 'marseille', 'loulou', 'iloveyou', 'admin', 'administrateur',
  'franceconnect', 'espacepartenaire', 'changeme', 'welcome', 'bienvenue', 'jetaime', 'chocolat', 'football', 'princesse',
  'motdepassesecurise', 'monmotdepasse', 'secret', 'letmein', 'abc123', 'abcdef', 'abcdefghijkl', 'aaaaaaaaaaaa',
]);
const KEYBOARD_RUNS = ['azertyuiop', 'qsdfghjklm', 'wxcvbn', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '0123456789', 'abcdefghijklmnopqrstuvwxyz'];

/** At least this long, or a passphrase of several words. */
export const PASSWORD_MIN_LENGTH = 12;

/**
 * Why a password is refused, in French (empty when accepted). Accepted: ≥ 12 characters mixing at
 * least three kinds (lower case, upper case, digits, symbols), or a passphrase of ≥ 4 words and
 * ≥ 20 characters. Always refused: containing the e-mail address or its local part, a common
 * password (ignoring case, digits and symbols around it), a keyboard or alphabet run, too few
 * distinct characters.
 */
export function passwordProblems(password: string, email: string): string[] {
  const problems: string[] = [];
  const lower = password.toLowerCase();
  const words = password.trim().split(/[\s\-_.,;]+/).filter((word) => word.length >= 2);
  const isPassphrase = words.length >= 4 && password.length >= 20;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(password)).length;
  if (password.length > 128) problems.push('Le mot de passe ne doit pas dépasser 128 caractères.');
  if (!isPassphrase && password.length < PASSWORD_MIN_LENGTH)
    problems.push('Le mot de passe doit contenir au moins 12 caractères, ou être une phrase de passe d’au moins 4 mots (20 caractères).');
  else if (!isPassphrase && kinds < 3)
    problems.push('Mélangez au moins trois types de caractères (minuscules, majuscules, chiffres, symboles), ou choisissez une phrase de passe d’au moins 4 mots.');
  const [localPart = ''] = email.toLowerCase().split('@');
  if (email && (lower.includes(email.toLowerCase()) || (localPart.length >= 3 && lower.includes(localPart))))
    problems.push('Le mot de passe ne doit pas contenir votre adresse électronique.');
  const core = lower.replace(/[^a-zà-ÿ]/g, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(core) || KEYBOARD_RUNS.some((run) => run.length >= 6 && lower.includes(run.slice(0, 8))) || new Set(lower).size < 5)
    problems.push('Ce mot de passe est trop courant ou trop prévisible : choisissez-en un autre.');
  return problems;
}
