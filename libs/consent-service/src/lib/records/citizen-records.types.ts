/**
 * What the citizen's dashboard shows and changes, keyed by `citizenKey`: the citizen's `sub` at the
 * dashboard client of the core (the core computes the same key when it records a consent or a
 * connection, see the core's consent step).
 */
export interface ConnectionView {
  connectedAt: Date;
  clientName: string;
  identityProviderName: string;
  acr: string;
}

export interface DataAccessView {
  /** The latest check of the group. */
  lastAccessedAt: Date;
  /** How many checks on that day for that service, data provider and scopes. */
  count: number;
  clientName: string;
  dataProviderName: string;
  /** French labels of the scopes obtained (e.g. « Revenu fiscal de référence »). */
  scopeLabels: string[];
}

export interface ConsentView {
  id: string;
  clientName: string;
  dataProviderName: string;
  scopeLabels: string[];
  acr: string;
  grantedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  /** Neither revoked nor expired: tokens under it are active at checktoken. */
  active: boolean;
}

export interface IdentityProviderView {
  slug: string;
  name: string;
  blocked: boolean;
  blockedAt: Date | null;
}

export interface CitizenRecords {
  /** Connections since `since`, newest first (at most `limit`). */
  connections(citizenKey: string, since: Date, limit?: number): Promise<ConnectionView[]>;
  /** Data obtained by services since `since`, grouped per day, newest first. */
  dataAccesses(citizenKey: string, since: Date, limit?: number): Promise<DataAccessView[]>;
  /** Consents granted since `since`, newest first. */
  consents(citizenKey: string, since: Date): Promise<ConsentView[]>;
  /** Revokes one of the citizen's consents; false when it is not theirs or already revoked. Immediate at checktoken. */
  revokeConsent(citizenKey: string, consentId: string): Promise<boolean>;
  /** Every active identity provider of the federation, with whether the citizen blocked it. */
  identityProviders(citizenKey: string): Promise<IdentityProviderView[]>;
  /** false when the slug is not a known identity provider. Idempotent. */
  blockIdentityProvider(citizenKey: string, slug: string): Promise<boolean>;
  unblockIdentityProvider(citizenKey: string, slug: string): Promise<boolean>;
}

/** Nest injection token of the CitizenRecords implementation. */
export const CITIZEN_RECORDS = Symbol('CITIZEN_RECORDS');
