import { createHmac } from 'node:crypto';
import { FRANCE_COUNTRY_CODE, type PivotIdentity } from '@federation/identity';

/** Every test citizen logs in with this password, at every FI. */
export const TEST_CITIZEN_PASSWORD = '123';

/**
 * The "identité pivot" and contact claims an FI returns, as FranceConnect names them: `birthplace`
 * is absent when born abroad, `birthdate` may be presumed (`YYYY-MM-00`, `YYYY-00-00`).
 */
export type TestCitizenClaims = PivotIdentity & { email: string };

export interface TestCitizen {
  login: string;
  /** What this citizen exercises (French, shown on the login page and in the README). */
  description: string;
  claims: TestCitizenClaims;
}

/**
 * Citizens known to every mock FI. The INSEE codes are real (checked against
 * @etalab/decoupage-administratif by the tests), except for `lieu-invalide`.
 */
export const TEST_CITIZENS: readonly TestCitizen[] = [
  {
    login: 'test',
    description: 'Cas standard : née à Paris 7e (75107).',
    claims: {
      given_name: 'Angela Claire Louise',
      family_name: 'Dubois',
      birthdate: '1962-08-24',
      gender: 'female',
      birthplace: '75107',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'angela.dubois@example.com',
    },
  },
  {
    login: 'ne-etranger',
    description: 'Née à l’étranger : Espagne (99134), sans lieu de naissance.',
    claims: {
      given_name: 'Carmen',
      family_name: 'Garcia Lopez',
      birthdate: '1988-03-14',
      gender: 'female',
      birthcountry: '99134',
      email: 'carmen.garcia-lopez@example.com',
    },
  },
  {
    login: 'date-presumee',
    description:
      'Date de naissance présumée (jour et mois inconnus : 1950-00-00), né au Maroc (99350).',
    claims: {
      given_name: 'Youssef',
      family_name: 'El Amrani',
      birthdate: '1950-00-00',
      gender: 'male',
      birthcountry: '99350',
      email: 'youssef.el-amrani@example.com',
    },
  },
  {
    login: 'mois-presume',
    description:
      'Jour de naissance inconnu (1941-06-00), né à Bordeaux (33063).',
    claims: {
      given_name: 'Marcel',
      family_name: 'Fontaine',
      birthdate: '1941-06-00',
      gender: 'male',
      birthplace: '33063',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'marcel.fontaine@example.com',
    },
  },
  {
    login: 'prenoms-composes',
    description:
      'Prénoms composés avec accents et traits d’union, née à Strasbourg (67482).',
    claims: {
      given_name: 'Jean-Éloïse Marie-Françoise',
      family_name: 'Lefèvre',
      birthdate: '1979-11-30',
      gender: 'female',
      birthplace: '67482',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'jean-eloise.lefevre@example.com',
    },
  },
  {
    login: 'commune-fusionnee',
    description:
      'Né dans une commune fusionnée : Annecy-le-Vieux (74011), commune déléguée d’Annecy (74010) depuis 2017.',
    claims: {
      given_name: 'Thomas',
      family_name: 'Girard',
      birthdate: '1985-05-12',
      gender: 'male',
      birthplace: '74011',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'thomas.girard@example.com',
    },
  },
  {
    login: 'ne-en-corse',
    description: 'Né en Corse : Ajaccio (2A004).',
    claims: {
      given_name: 'Paul',
      family_name: 'Santoni',
      birthdate: '1970-09-05',
      gender: 'male',
      birthplace: '2A004',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'paul.santoni@example.com',
    },
  },
  {
    login: 'arrondissement-lyon',
    description:
      'Née dans un arrondissement de Lyon (69383, Lyon 3e), un 29 février.',
    claims: {
      given_name: 'Sophie',
      family_name: 'Morel',
      birthdate: '1992-02-29',
      gender: 'female',
      birthplace: '69383',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'sophie.morel@example.com',
    },
  },
  {
    login: 'arrondissement-marseille',
    description:
      'Né dans un arrondissement de Marseille (13208, Marseille 8e).',
    claims: {
      given_name: 'Karim',
      family_name: 'Benali',
      birthdate: '1983-07-14',
      gender: 'male',
      birthplace: '13208',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'karim.benali@example.com',
    },
  },
  {
    login: 'nom-usage',
    description:
      'Nom d’usage (Durand) différent du nom de naissance (Martin), née à Nantes (44109).',
    claims: {
      given_name: 'Isabelle',
      family_name: 'Martin',
      birthdate: '1968-04-02',
      gender: 'female',
      birthplace: '44109',
      birthcountry: FRANCE_COUNTRY_CODE,
      preferred_username: 'Durand',
      email: 'isabelle.durand@example.com',
    },
  },
  {
    login: 'apostrophe',
    description:
      'Nom de famille avec une apostrophe (D’Almeida), né à Nice (06088).',
    claims: {
      given_name: 'Aurélien',
      family_name: "D'Almeida",
      birthdate: '1990-12-01',
      gender: 'male',
      birthplace: '06088',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'aurelien.dalmeida@example.com',
    },
  },
  {
    login: 'lieu-invalide',
    description:
      'Lieu de naissance invalide : 75000 (un code postal, pas un code INSEE) pour une naissance en France. Doit être rejeté en aval.',
    claims: {
      given_name: 'Lucas',
      family_name: 'Petit',
      birthdate: '1995-01-20',
      gender: 'male',
      birthplace: '75000',
      birthcountry: FRANCE_COUNTRY_CODE,
      email: 'lucas.petit@example.com',
    },
  },
];

export function findTestCitizen(login: string): TestCitizen | undefined {
  return TEST_CITIZENS.find((citizen) => citizen.login === login);
}

/**
 * The `sub` an FI gives a citizen: stable across restarts, different at each FI (like real FIs,
 * which never share their identifiers). 64 hexadecimal characters.
 */
export function subjectFor(slug: string, login: string): string {
  return createHmac('sha256', `mock-fi:${slug}`).update(login).digest('hex');
}

/**
 * Claims as an FI returns them from userinfo. Like FranceConnect, `birthplace` is an empty string
 * for a citizen born abroad.
 */
export function userinfoClaimsOf(citizen: TestCitizen): Record<string, string> {
  const { birthplace, preferred_username, ...claims } = citizen.claims;
  return {
    ...claims,
    birthplace: birthplace ?? '',
    ...(preferred_username ? { preferred_username } : {}),
  };
}
