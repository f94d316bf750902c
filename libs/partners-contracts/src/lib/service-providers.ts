import type { Contact } from './habilitation-content';

export type ServiceProviderEnvironment = 'sandbox' | 'production';
export type PublicationStatus = 'pending' | 'published' | 'failed';
export type ProductionRequestStatus = 'submitted' | 'validated' | 'refused';
export type IdTokenSigningAlg = 'ES256' | 'RS256';
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

export const ID_TOKEN_SIGNING_ALGS: readonly IdTokenSigningAlg[] = ['ES256', 'RS256'];
export const CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'];

export const ENVIRONMENT_LABELS: Record<ServiceProviderEnvironment, string> = {
  sandbox: 'Bac à sable',
  production: 'Production',
};

export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  pending: 'Publication en cours',
  published: 'Publiée',
  failed: 'Échec de la publication',
};

export const PRODUCTION_REQUEST_STATUS_LABELS: Record<ProductionRequestStatus, string> = {
  submitted: 'En cours d’examen',
  validated: 'Validée',
  refused: 'Refusée',
};

/** A secret as the portal may show it after it was issued: never the secret, only its end. */
export interface ClientSecretView {
  id: string;
  last4: string;
  createdAt: string;
  /** null: the current secret; otherwise it stops working at that date (rotation overlap, revocation). */
  notAfter: string | null;
}

/** Where the latest configuration stands at the core. */
export interface PublicationView {
  version: number;
  status: PublicationStatus;
  failureReason: string | null;
  createdAt: string;
  publishedAt: string | null;
}

export interface ServiceProviderView {
  id: string;
  habilitationId: string;
  organisationId: string;
  environment: ServiceProviderEnvironment;
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  connectPageUrl: string | null;
  idTokenSignedResponseAlg: IdTokenSigningAlg;
  tokenEndpointAuthMethod: ClientAuthMethod;
  jwksUri: string | null;
  scopes: string[];
  maxEidasLevel: 'eidas1' | 'eidas2' | 'eidas3';
  status: 'active' | 'revoked';
  revocationReason: string | null;
  revokedAt: string | null;
  configVersion: number;
  secrets: ClientSecretView[];
  /** The publication of the current `configVersion` (null only before the first one). */
  publication: PublicationView | null;
  /** Members may edit the configuration themselves (sandbox only; production goes through a request). */
  editable: boolean;
  /** After a rotation, how long the previous secret keeps working (the platform's setting). */
  secretOverlapHours: number;
  createdAt: string;
  updatedAt: string;
}

/** The answer of a secret issue or rotation: the only time the secret is ever shown. */
export interface IssuedSecretView {
  clientId: string;
  clientSecret: string;
  last4: string;
  /** When the previous secret stops working (rotation), or null for a first secret. */
  previousSecretNotAfter: string | null;
  serviceProvider: ServiceProviderView;
}

export interface ProductionRequestView {
  id: string;
  habilitationId: string;
  habilitationProjectName: string | null;
  organisation: { id: string; siret: string; name: string };
  status: ProductionRequestStatus;
  serviceName: string;
  connectPageUrl: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  technicalContact: Contact;
  /** Set when the habilitation relies on a qualified vendor: issued without technical review. */
  vendor: { id: string; name: string } | null;
  decisionMessage: string | null;
  decidedAt: string | null;
  serviceProviderId: string | null;
  createdAt: string;
}

/** Where the portal relays partners-api's read-only queue dashboard (Bull Board) to platform admins. */
export const QUEUE_DASHBOARD_PORTAL_PATH = '/admin/files-d-attente';
