import { z } from 'zod';

/** A secret given in configuration: long enough to resist guessing. */
export const secret = (minLength = 32) => z.string().min(minLength, `must be at least ${minLength} characters long`);

/** A 256-bit key given in base64 (AES-256-GCM). */
export const base64Key32 = () =>
  z.string().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes encoded in base64 (openssl rand -base64 32)');

/** A comma-separated list of secrets (key rotation: the first signs, all verify). */
export const secretList = (minLength = 32) =>
  z
    .string()
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean))
    .pipe(z.array(secret(minLength)).min(1));

/** A JSON document given in one variable. */
export const jsonText = () =>
  z.string().refine((value) => {
    try {
      JSON.parse(value);
      return true;
    } catch {
      return false;
    }
  }, 'must be valid JSON');

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');
