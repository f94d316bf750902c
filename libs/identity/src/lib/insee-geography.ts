import { INSEE_COUNTRIES } from './data/countries';

/** The fields we read from `@etalab/decoupage-administratif/data/communes.json`. */
interface DecoupageCommune {
  code: string;
  nom: string;
  type:
    | 'commune-actuelle'
    | 'commune-deleguee'
    | 'commune-associee'
    | 'arrondissement-municipal';
  anciensCodes?: string[];
}

// Which name wins when several entries share a code: the current commune, then its own sub-division
// (a delegated commune often reuses its parent's code), then the commune an old code was merged into.
const NAME_PRIORITY: Record<DecoupageCommune['type'] | 'ancien-code', number> =
  {
    'commune-actuelle': 0,
    'arrondissement-municipal': 1,
    'commune-deleguee': 2,
    'commune-associee': 2,
    'ancien-code': 3,
  };

let communeNames: Map<string, string> | undefined;

/** Code → name of every commune code a citizen may have been born in; built once, on first use. */
function communes(): Map<string, string> {
  if (communeNames) return communeNames;
  // Lazy `require` rather than `import`: the file is 8 MB and most processes (mocks, CLI) never need it.
  const entries =
    require('@etalab/decoupage-administratif/data/communes.json') as DecoupageCommune[];
  const names = new Map<string, string>();
  const priorities = new Map<string, number>();
  const add = (code: string, name: string, priority: number) => {
    const current = priorities.get(code);
    if (current !== undefined && current <= priority) return;
    names.set(code, name);
    priorities.set(code, priority);
  };
  for (const entry of entries) {
    add(entry.code, entry.nom, NAME_PRIORITY[entry.type]);
    // A commune that has merged or been renumbered keeps its old code on birth certificates.
    for (const oldCode of entry.anciensCodes ?? [])
      add(oldCode, entry.nom, NAME_PRIORITY['ancien-code']);
  }
  communeNames = names;
  return names;
}

/**
 * true for a code of the INSEE COG a French birthplace may carry: current communes, delegated and
 * associated communes, municipal arrondissements (Paris, Lyon, Marseille) and old codes of communes
 * that have since merged or been renumbered.
 */
export function isKnownCommuneCode(code: string): boolean {
  return communes().has(code);
}

/**
 * The commune's name. A delegated or associated commune keeps its own name (the one on the birth
 * certificate); an old code of a commune that no longer exists gives the name of the commune it joined.
 */
export function communeName(code: string): string | undefined {
  return communes().get(code);
}

const countryNames = new Map(
  INSEE_COUNTRIES.map((country) => [country.code, country.name]),
);

export function isKnownCountryCode(code: string): boolean {
  return countryNames.has(code);
}

export function countryName(code: string): string | undefined {
  return countryNames.get(code);
}
