import { createHash } from 'node:crypto';
import type { CitizenIdentity } from '../checktoken/token-introspection';

/*
 * Deterministic fake data: the same citizen always gets the same figures, so that a demo or a
 * test can predict them, and nothing real is ever looked up.
 */

/** 32 bytes derived from the identity; the data are read from it. */
function identityDigest(identity: CitizenIdentity): Buffer {
  return createHash('sha256').update(`${identity.family_name}|${identity.given_name}|${identity.birthdate}`).digest();
}

const TAX_SHARES = [1, 1.5, 2, 2.5, 3, 3.5, 4] as const;

export interface TaxData {
  /** Revenu fiscal de référence, in euros. */
  referenceTaxIncome: number;
  /** Année des revenus (the tax notice of year N is about the income of N − 1). */
  incomeYear: number;
  /** Nombre de parts fiscales. */
  taxShares: number;
}

export function taxDataOf(identity: CitizenIdentity, now = new Date()): TaxData {
  const digest = identityDigest(identity);
  return {
    referenceTaxIncome: 4_000 + (digest.readUInt32BE(0) % 76_000),
    incomeYear: now.getUTCFullYear() - 1,
    taxShares: TAX_SHARES[digest.readUInt8(4) % TAX_SHARES.length] as number,
  };
}

export interface FamilyQuotientData {
  /** Quotient familial, in euros per month. */
  familyQuotient: number;
  /** The month it was computed for (1–12) and its year. */
  month: number;
  year: number;
}

export function familyQuotientOf(identity: CitizenIdentity, now = new Date()): FamilyQuotientData {
  const digest = identityDigest(identity);
  return {
    familyQuotient: 200 + (digest.readUInt16BE(8) % 1_800),
    month: now.getUTCMonth() + 1,
    year: now.getUTCFullYear(),
  };
}

const ESTABLISHMENTS = [
  { uai: '0751717J', name: 'Université Paris Cité' },
  { uai: '0593559Y', name: 'Université de Lille' },
  { uai: '0691774D', name: 'Université Claude Bernard Lyon 1' },
  { uai: '0331766R', name: 'Université de Bordeaux' },
  { uai: '0352498T', name: 'Université de Rennes' },
] as const;

const STUDY_LEVELS = ['Licence 1', 'Licence 2', 'Licence 3', 'Master 1', 'Master 2', 'Doctorat'] as const;

export interface StudentStatusData {
  isStudent: boolean;
  /** e.g. 2025-2026; the academic year starts in September. */
  academicYear: string;
  establishment?: { uai: string; name: string };
  studyLevel?: string;
}

export function studentStatusOf(identity: CitizenIdentity, now = new Date()): StudentStatusData {
  const digest = identityDigest(identity);
  const startYear = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  const academicYear = `${startYear}-${startYear + 1}`;
  // Three citizens out of four are enrolled: both answers show up in a demo.
  if (digest.readUInt8(12) % 4 === 0) return { isStudent: false, academicYear };
  return {
    isStudent: true,
    academicYear,
    establishment: { ...(ESTABLISHMENTS[digest.readUInt8(13) % ESTABLISHMENTS.length] as (typeof ESTABLISHMENTS)[number]) },
    studyLevel: STUDY_LEVELS[digest.readUInt8(14) % STUDY_LEVELS.length] as string,
  };
}
