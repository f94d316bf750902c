import type { EidasLevel, PivotIdentity } from '@federation/identity';

/**
 * The contracts between the core and the FI gateway. Both sides share Redis (same REDIS_PREFIX);
 * the browser only ever carries the random reference of a record, never its content.
 */

/** Core → gateway: the citizen chose an identity provider during interaction `interactionUid`. */
export interface FiLoginRequest {
  interactionUid: string;
  fiSlug: string;
  /** The eIDAS level the service provider asked for. */
  acr: EidasLevel;
  /** Identity claims the gateway must obtain from the FI (scope names of the catalogue). */
  scope: string[];
}

/** Gateway → core: the outcome of the FI login, bound to the interaction that asked for it. */
export type IdentityHandoff =
  | {
      outcome: 'success';
      interactionUid: string;
      fiSlug: string;
      acr: string;
      amr: string[];
      identity: PivotIdentity;
      /** Reference of the FI session kept by the gateway (FI id_token, for the logout chain). */
      fiSessionRef: string;
    }
  | {
      outcome: 'failure';
      interactionUid: string;
      fiSlug: string;
      /** A code of the core's error catalogue, e.g. "identity_invalid"; never personal data. */
      error: string;
    };

/** What the gateway remembers of an FI session, for the logout chain. */
export interface FiSession {
  fiSlug: string;
  idToken: string;
}

/** Core → gateway: log the citizen out of the FI, then come back to `returnTo`. */
export interface FiLogoutRequest {
  fiSessionRef: string;
  returnTo: string;
}

export const FEDERATION_RECORDS = {
  fiLoginRequest: { kind: 'fed:fi-login-request', ttlSeconds: 15 * 60 },
  identityHandoff: { kind: 'fed:identity-handoff', ttlSeconds: 60 },
  fiSession: { kind: 'fed:fi-session', ttlSeconds: 12 * 3600 },
  fiLogoutRequest: { kind: 'fed:fi-logout-request', ttlSeconds: 5 * 60 },
} as const;
