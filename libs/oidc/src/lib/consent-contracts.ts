/**
 * The contracts between the core and the consent service (its `/internal` routes, authenticated by
 * a shared bearer token): what the core tells it of a login, and what it asks about a citizen.
 */

/** Core → consent, `POST /internal/logins`: a citizen goes back to a service provider. */
export interface ConsentLoginRecord {
  /** oidc-provider's grant: the access tokens issued under it carry its id. */
  grantId: string;
  /** The citizen's `sub` in the dashboard's sector (computed by the core). */
  citizenKey: string;
  clientId: string;
  clientName: string;
  identityProviderSlug: string;
  identityProviderName: string;
  acr: string;
  /** Every scope of the grant; those of data providers become consents. */
  scopes: string[];
  /** How long the consent lasts (the grant's lifetime at the core). */
  consentTtlSeconds: number;
}

/** Core → consent, `POST /internal/identity-provider-blocks/check`; answered `{ blocked: boolean }`. */
export interface IdentityProviderBlockQuery {
  citizenKey: string;
  identityProviderSlug: string;
}
