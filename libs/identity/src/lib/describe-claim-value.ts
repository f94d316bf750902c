import type { IdentityClaim } from './claims';
import { communeName, countryName } from './insee-geography';
import type { PivotIdentity } from './pivot-identity';

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const GENDER_LABELS: Record<PivotIdentity['gender'], string> = {
  male: 'Masculin',
  female: 'Féminin',
};

/** How a claim's value reads on the consent page, in French; '' when the identity has no such value. */
export function describeClaimValue(
  claim: IdentityClaim,
  identity: PivotIdentity,
): string {
  switch (claim) {
    case 'birthdate':
      return describeBirthdate(identity.birthdate);
    case 'gender':
      return GENDER_LABELS[identity.gender] ?? identity.gender;
    case 'birthplace':
      return identity.birthplace
        ? withCode(communeName(identity.birthplace), identity.birthplace)
        : '';
    case 'birthcountry':
      return countryName(identity.birthcountry) ?? identity.birthcountry;
    default:
      return identity[claim] ?? '';
  }
}

/** '1962-08-24' → '24/08/1962'; presumed dates say which part is known. */
function describeBirthdate(birthdate: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthdate);
  if (!parts) return birthdate;
  const [, year, month, day] = parts as unknown as [
    string,
    string,
    string,
    string,
  ];
  if (month === '00') return `${year} (date présumée)`;
  if (day === '00')
    return `${MONTHS[Number(month) - 1] ?? month} ${year} (date présumée)`;
  return `${day}/${month}/${year}`;
}

function withCode(name: string | undefined, code: string): string {
  return name ? `${name} (${code})` : code;
}
