import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import type { OidcAdapter } from './in-memory-oidc.adapter';

/*
 * oidc-provider ships no type declarations (and no @types package covers v9). This file is the one
 * place that loads it, typed with the part of its API the mock identity providers use.
 */

/** The Koa context oidc-provider hands to the rendering hooks. */
export interface OidcContext {
  status: number;
  type: string;
  body: unknown;
  oidc?: { route?: string; client?: { clientId: string } };
}

export interface OidcInteraction {
  uid: string;
  prompt: {
    name: string;
    reasons: string[];
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
  };
  params: Record<string, unknown> & {
    client_id?: string;
    scope?: string;
    acr_values?: string;
  };
  session?: { accountId?: string; uid?: string };
  grantId?: string;
}

export interface OidcGrant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<string>;
}

export interface OidcAccount {
  accountId: string;
  claims(
    use: 'id_token' | 'userinfo',
    scope: string,
  ): Promise<Record<string, unknown>>;
}

export interface InteractionResult {
  login?: {
    accountId: string;
    acr?: string;
    amr?: string[];
    remember?: boolean;
  };
  consent?: { grantId?: string };
  error?: string;
  error_description?: string;
}

export interface OidcClientMetadata {
  client_id: string;
  client_secret: string;
  client_name?: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  response_types: string[];
  grant_types: string[];
  token_endpoint_auth_method: 'client_secret_post' | 'client_secret_basic';
  id_token_signed_response_alg: string;
}

type TtlValue = number;

/** The subset of the Provider configuration used here (see oidc-provider's docs/README.md). */
export interface OidcProviderConfiguration {
  adapter: (model: string) => OidcAdapter;
  clients: OidcClientMetadata[];
  jwks: { keys: JWK[] };
  findAccount(ctx: OidcContext, sub: string): Promise<OidcAccount | undefined>;
  interactions: { url(ctx: OidcContext, interaction: OidcInteraction): string };
  acrValues: string[];
  claims: Record<string, string[] | null>;
  conformIdTokenClaims: boolean;
  responseTypes: string[];
  pkce: { required(ctx: OidcContext, client: unknown): boolean };
  cookies: {
    keys: string[];
    names: { session: string; interaction: string; resume: string };
  };
  ttl: Record<
    | 'AccessToken'
    | 'AuthorizationCode'
    | 'IdToken'
    | 'Interaction'
    | 'Session'
    | 'Grant',
    TtlValue
  >;
  features: {
    devInteractions: { enabled: boolean };
    userinfo: { enabled: boolean };
    rpInitiatedLogout: {
      enabled: boolean;
      logoutSource(ctx: OidcContext, form: string): Promise<void> | void;
      postLogoutSuccessSource(ctx: OidcContext): Promise<void> | void;
    };
  };
  clientBasedCORS(ctx: OidcContext, origin: string, client: unknown): boolean;
  renderError(
    ctx: OidcContext,
    out: { error: string; error_description?: string },
    error: Error,
  ): Promise<void> | void;
}

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface OidcProvider {
  readonly issuer: string;
  callback(): HttpHandler;
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<OidcInteraction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: InteractionResult,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (properties: { accountId: string; clientId: string }): OidcGrant;
    find(id: string): Promise<OidcGrant | undefined>;
  };
  on(event: string, listener: (...args: unknown[]) => void): this;
}

interface OidcProviderModule {
  Provider: new (
    issuer: string,
    configuration: OidcProviderConfiguration,
  ) => OidcProvider;
  errors: { SessionNotFound: new (...args: unknown[]) => Error };
}

const oidcProvider = require('oidc-provider') as OidcProviderModule;

export const OidcProviderClass = oidcProvider.Provider;

/** oidc-provider's error when the interaction cookie or record is missing or expired. */
export function isSessionNotFound(error: unknown): boolean {
  return error instanceof oidcProvider.errors.SessionNotFound;
}
