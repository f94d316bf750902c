/** An establishment of the Sirene directory, as the partners portal needs it. */
export interface Establishment {
  siret: string;
  siren: string;
  /** Name of the legal unit (raison sociale / dénomination). */
  name: string;
  address: string;
  postalCode: string;
  city: string;
  headOffice: boolean;
  /** false when the establishment is closed (état administratif « F »): it cannot be joined. */
  active: boolean;
}

/** Looks an establishment up by SIRET: the public API in production, fixtures offline. */
export interface EstablishmentDirectory {
  find(siret: string): Promise<Establishment | undefined>;
}

/** The directory could not be reached or answered nonsense: not the applicant's fault. */
export class DirectoryUnavailableError extends Error {
  constructor(reason: string) {
    super(`establishment directory unavailable: ${reason}`);
    this.name = 'DirectoryUnavailableError';
  }
}
