import type { EstablishmentView } from '@federation/partners-contracts';

/** The answer of the SIRET look-up, as a form shows it. */
export type SiretLookupResult =
  | { status: 'found'; establishment: EstablishmentView }
  | { status: 'error'; message: string };

/** The SIRET without the spaces people type to group digits ('' when it has anything but digits and spaces). */
export function compactSiret(input: string): string {
  const compact = input.replace(/\s+/g, '');
  return /^\d*$/.test(compact) ? compact : '';
}

/** 14 digits (spaces tolerated): the look-up starts by itself. */
export function isCompleteSiret(input: string): boolean {
  return compactSiret(input).length === 14;
}

/** « 216 901 231 00011 »: SIREN in groups of three, then the establishment's NIC. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}
