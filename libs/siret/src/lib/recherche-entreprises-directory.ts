import {
  DirectoryUnavailableError,
  type Establishment,
  type EstablishmentDirectory,
} from './establishment';
import { normaliseSiret } from './siret';

interface ApiEstablishment {
  siret?: string;
  adresse?: string;
  code_postal?: string;
  commune?: string;
  libelle_commune?: string;
  est_siege?: boolean;
  etat_administratif?: string;
}

interface ApiResult {
  siren?: string;
  nom_complet?: string;
  nom_raison_sociale?: string;
  siege?: ApiEstablishment;
  matching_etablissements?: ApiEstablishment[];
}

/**
 * The public "API Recherche d'entreprises" (`GET <base>/search?q=<siret>`), the reference the
 * partners portal uses for SIRET look-ups. Configurable base URL; bounded by a timeout.
 */
export class RechercheEntreprisesDirectory implements EstablishmentDirectory {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5_000,
  ) {}

  async find(input: string): Promise<Establishment | undefined> {
    const siret = normaliseSiret(input);
    const url = new URL(
      'search',
      this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`,
    );
    url.searchParams.set('q', siret);
    url.searchParams.set('per_page', '1');
    let body: { results?: ApiResult[] };
    try {
      const response = await fetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok)
        throw new DirectoryUnavailableError(`status ${response.status}`);
      body = (await response.json()) as { results?: ApiResult[] };
    } catch (error) {
      if (error instanceof DirectoryUnavailableError) throw error;
      throw new DirectoryUnavailableError(
        error instanceof Error ? error.message : String(error),
      );
    }
    for (const result of body.results ?? []) {
      const candidates = [
        ...(result.matching_etablissements ?? []),
        ...(result.siege ? [result.siege] : []),
      ];
      const match = candidates.find((candidate) => candidate.siret === siret);
      if (match && result.siren) {
        return {
          siret,
          siren: result.siren,
          name: result.nom_raison_sociale ?? result.nom_complet ?? '',
          address: match.adresse ?? '',
          postalCode: match.code_postal ?? '',
          city: match.libelle_commune ?? match.commune ?? '',
          headOffice: match.est_siege === true,
          active: match.etat_administratif !== 'F',
        };
      }
    }
    return undefined;
  }
}
