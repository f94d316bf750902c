/**
 * The queues of the platform and the payload of their jobs: the contract between the services that
 * produce work and the worker that consumes it. Adding a queue starts here.
 */
export const QUEUES = {
  /** E-mails to send (worker → SMTP). */
  mail: 'mail',
  /** What happens during citizen logins (core → statistics). Never personal data. */
  businessEvents: 'business-events',
  /** Client configurations to apply to the core's registry (partners-api → worker → core). */
  clientPublications: 'client-publications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Data each mail template needs; rendering lives in @federation/mail. */
export interface MailTemplateData {
  'email-verification': { code: string; verificationUrl: string };
  /** Someone signed up with an address that already has an account (no account enumeration). */
  'account-exists': { loginUrl: string; resetUrl: string };
  'password-reset': { resetUrl: string; validityMinutes: number };
  /** To the existing members: a colleague of the same domain joined (join case 2). */
  'member-joined': { organisationName: string; memberName: string; memberEmail: string; membersUrl: string };
  /** To the user: the membership waits for moderation (join case 3). */
  'membership-pending': { organisationName: string; supportEmail: string };
  'membership-accepted': { organisationName: string; portalUrl: string };
  'membership-rejected': { organisationName: string; reason: string; supportEmail: string };
  /** Acknowledgment to the applicant; silence until `implicitRejectionDate` means rejection. */
  'habilitation-submitted': { projectName: string; organisationName: string; requestUrl: string; implicitRejectionDate: string };
  /** To the instructors. */
  'habilitation-to-instruct': { projectName: string; organisationName: string; siret: string; reviewUrl: string; isUpdate: boolean };
  'habilitation-changes-requested': { projectName: string; message: string; requestUrl: string };
  'habilitation-refused': { projectName: string; reason: string; requestUrl: string; isUpdate: boolean };
  'habilitation-validated': { projectName: string; organisationName: string; message: string | null; requestUrl: string };
  /** To the data controller and the DPO named in the request. */
  'habilitation-designated': { projectName: string; organisationName: string; designation: 'data_controller' | 'dpo' };
  'habilitation-technical-contact': { projectName: string; organisationName: string; portalUrl: string };
  'habilitation-revoked': { projectName: string; reason: string; requestUrl: string };
  /** A new message in the thread of a request. */
  'habilitation-message': { projectName: string; requestUrl: string; fromInstructor: boolean };
  /** To the instructors: a production request to review. */
  'production-request-to-instruct': { serviceName: string; projectName: string; organisationName: string; siret: string; reviewUrl: string };
  /** To the requester: the production client is issued (its secret is revealed in the portal). */
  'production-request-validated': { serviceName: string; projectName: string; message: string | null; portalUrl: string; withoutReview: boolean };
  /** To the applicant and the technical contact: an admin revoked one client (sandbox or production). */
  'service-provider-revoked': { serviceName: string; environment: 'sandbox' | 'production'; clientId: string; reason: string; portalUrl: string };
  'production-request-refused': { serviceName: string; projectName: string; reason: string; portalUrl: string };
}

export type MailTemplateName = keyof MailTemplateData;

/** Context a job carries for the logs: the id of the HTTP request that produced it, if any. */
export interface JobContext {
  /** `x-request-id` of the request the job was produced in (logged by the worker). */
  requestId?: string;
}

export type MailJob = {
  [T in MailTemplateName]: {
    template: T;
    to: string;
    data: MailTemplateData[T];
  } & JobContext;
}[MailTemplateName];

export const BUSINESS_EVENT_TYPES = [
  'authorize',
  'fi_chosen',
  'fi_returned',
  'identity_verified',
  'consent_shown',
  'redirected_to_fs',
  'token',
  'userinfo',
  /** The FS sent the citizen to end_session (the core's logout page follows). */
  'logout_requested',
  'logout',
] as const;
export type BusinessEventType = (typeof BUSINESS_EVENT_TYPES)[number];

/** One step of a login, as statistics need it: who (FS, FI), how strong (acr), how it went, when. */
export interface BusinessEvent {
  eventId: string;
  type: BusinessEventType;
  outcome: 'success' | 'failure';
  /** The FS client id. */
  clientId?: string;
  /** The identity provider's slug. */
  fiSlug?: string;
  acr?: string;
  /** Error code of the catalogue (or the OpenID error, e.g. `invalid_request`) when outcome is failure. */
  errorCode?: string;
  /**
   * How the FS made its request, for its integration checklist (never a value, only its shape):
   * length of `state` and `nonce` and PKCE at authorize, `id_token_hint` at end_session.
   */
  checks?: { stateLength?: number; nonceLength?: number; pkce?: boolean; idTokenHint?: boolean };
  /** ISO 8601 time of the step. */
  at: string;
}

/**
 * A service provider's client as the core must know it, complete (not a diff): the core applies
 * the highest version it has seen, so a replayed or late publication changes nothing. Secrets
 * travel only as SHA-256 hashes.
 */
export interface PublishedClientConfiguration {
  clientId: string;
  /** Increases with every change of the client at the partners side. */
  version: number;
  environment: 'sandbox' | 'production';
  name: string;
  /** The FS the client belongs to: the sector of its pairwise `sub`. */
  entityId: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  scopes: string[];
  maxEidasLevel: 'eidas1' | 'eidas2' | 'eidas3';
  tokenEndpointAuthMethod: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  idTokenSignedResponseAlg: 'ES256' | 'RS256';
  jwksUri: string | null;
  /** False once revoked: the core refuses the client. */
  active: boolean;
  /** The secrets the core accepts, each until `notAfter` (ISO 8601; null: until the next rotation). */
  secretHashes: { sha256: string; notAfter: string | null }[];
}

export interface ClientPublicationJob extends JobContext {
  /** The publication row at the partners side, acknowledged once applied. */
  publicationId: string;
  configuration: PublishedClientConfiguration;
}

export interface JobPayloads {
  mail: MailJob;
  'business-events': BusinessEvent;
  'client-publications': ClientPublicationJob;
}

/**
 * Redis pub/sub channel on which the worker announces a client it just changed in the core's
 * registry (message: the client_id), so that every core instance drops its cached copy at once
 * instead of waiting for the cache to expire. A lost message only delays the change to the TTL.
 */
export const clientRegistryChannel = (redisPrefix: string) => `${redisPrefix}:client-registry:changed`;
