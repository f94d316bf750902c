import { Transform } from 'class-transformer';
import { normaliseFrenchPhone } from './french-phone';

/** Surrounding spaces are typing accidents; anything that is not a string is left for the validators to refuse. */
export const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export const TrimmedLowerCase = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Stored in E.164 whatever the typing; an invalid number is kept as typed so the validator names the problem. */
export const NormalisedPhone = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (normaliseFrenchPhone(value) ?? value) : value));
