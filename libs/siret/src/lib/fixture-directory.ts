import fixtures from './data/establishments.fixture.json';
import type { Establishment, EstablishmentDirectory } from './establishment';
import { normaliseSiret } from './siret';

/** Offline directory for development and tests: 31 fictitious establishments (see the JSON file). */
export class FixtureEstablishmentDirectory implements EstablishmentDirectory {
  private readonly bySiret: Map<string, Establishment>;

  constructor(establishments: Establishment[] = fixtures as Establishment[]) {
    this.bySiret = new Map(
      establishments.map((establishment) => [
        establishment.siret,
        establishment,
      ]),
    );
  }

  async find(siret: string): Promise<Establishment | undefined> {
    return this.bySiret.get(normaliseSiret(siret));
  }

  all(): Establishment[] {
    return [...this.bySiret.values()];
  }
}
