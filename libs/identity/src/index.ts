export * from './lib/eidas';
export * from './lib/claims';
export * from './lib/pivot-identity';
export * from './lib/identity-key';
export * from './lib/describe-claim-value';
export {
  communeName,
  countryName,
  isKnownCommuneCode,
  isKnownCountryCode,
} from './lib/insee-geography';
export {
  FRANCE_COUNTRY_CODE,
  INSEE_COUNTRIES,
  type InseeCountry,
} from './lib/data/countries';
