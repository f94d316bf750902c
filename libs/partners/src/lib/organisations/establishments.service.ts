import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  EstablishmentView,
  FieldError,
} from '@federation/partners-contracts';
import {
  normaliseSiret,
  siretProblem,
  SIRET_PROBLEM_MESSAGES,
  type Establishment,
} from '@federation/siret';
import { ValidationFailedError } from '../common/partners.errors';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import {
  DirectoryUnavailableApiError,
  EstablishmentClosedError,
  UnknownSiretError,
} from './organisations.errors';

/** The message next to a SIRET field that is not even a SIRET, or undefined when it is one. */
export function siretFieldError(
  input: string,
  field = 'siret',
): FieldError | undefined {
  const problem = siretProblem(input);
  return problem
    ? { field, messages: [SIRET_PROBLEM_MESSAGES[problem]] }
    : undefined;
}

export function toEstablishmentView(
  establishment: Establishment,
): EstablishmentView {
  return {
    siret: establishment.siret,
    siren: establishment.siren,
    name: establishment.name,
    address: formatAddress(establishment),
    isHeadOffice: establishment.headOffice,
    active: establishment.active,
  };
}

/** "address, postalCode city": how the organisation's address is stored and shown. */
export function formatAddress(establishment: Establishment): string {
  return `${establishment.address}, ${establishment.postalCode} ${establishment.city}`;
}

/** The Sirene directory as partners-api uses it: a failure of the directory is a 503, never the user's fault. */
@Injectable()
export class EstablishmentsService {
  private readonly logger = new Logger('EstablishmentsService');

  constructor(
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  /** The establishment of a well-formed SIRET, or undefined when the directory does not know it. */
  async find(siret: string): Promise<Establishment | undefined> {
    try {
      return await this.options.directory.find(normaliseSiret(siret));
    } catch (error) {
      this.logger.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'establishment directory failed',
      );
      throw new DirectoryUnavailableApiError();
    }
  }

  /** An establishment one may join: a valid SIRET, known to the directory, open. Otherwise a 400 on `siret`. */
  async joinable(input: string): Promise<Establishment> {
    const invalid = siretFieldError(input);
    if (invalid) throw new ValidationFailedError([invalid]);
    const establishment = await this.find(input);
    if (!establishment) throw new UnknownSiretError();
    if (!establishment.active) throw new EstablishmentClosedError();
    return establishment;
  }
}
