import {
  acrSatisfies,
  isEidasLevel,
  type EidasLevel,
} from '@federation/identity';
import * as client from 'openid-client';

/**
 * A relying party of the federation that checks everything a careful service provider checks,
 * built on openid-client v6. The demo services use it, and so do the integration tests and the
 * benchmark of the federation: any deviation of the core from the contract makes a call throw.
 */
export interface StrictRelyingPartyOptions {
  /** Issuer of the core, e.g. http://localhost:4000/api/v2 (discovery under `/.well-known`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How the secret is sent to the token endpoint: client_secret_basic (the core's default) or client_secret_post. */
  authMethod?: 'client_secret_basic' | 'client_secret_post';
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** The algorithm registered for the client's ID tokens; by default, any the issuer advertises. */
  idTokenSignedResponseAlg?: string;
  /** Timeout of each call to the issuer, in seconds (default 10). */
  timeoutSeconds?: number;
}

export interface AuthorizationRequestParameters {
  /** Requested eIDAS level, sent as `acr_values`. */
  acr: EidasLevel;
  /** Space-separated scopes, `openid` included. */
  scope: string;
  /** Generated with openid-client's randomState() when omitted. */
  state?: string;
  /** Generated with openid-client's randomNonce() (43 characters) when omitted. */
  nonce?: string;
  /** PKCE with S256 (default true). */
  pkce?: boolean;
  /** Further parameters, e.g. `prompt`, or a wrong value to test the core's refusal. */
  extraParameters?: Record<string, string>;
}

export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  /** undefined when the request was made without PKCE. */
  codeVerifier?: string;
}

export interface ExpectedAuthorizationResponse {
  state: string;
  nonce: string;
  codeVerifier?: string;
  /** The requested level: the ID token's `acr` must be an eIDAS level at least as high. */
  acr?: EidasLevel;
}

export type TokenSet = client.TokenEndpointResponse &
  client.TokenEndpointResponseHelpers;

export interface CompletedAuthorization {
  tokens: TokenSet;
  /** Claims of the verified ID token. */
  claims: client.IDToken;
  /** Claims from the userinfo endpoint, whose `sub` is the ID token's. */
  userinfo: client.UserInfoResponse;
}

export interface StrictRelyingParty {
  readonly options: Readonly<StrictRelyingPartyOptions>;
  /** The discovered configuration; discovery runs on first use and again after a failure. */
  configuration(): Promise<client.Configuration>;
  authorizationRequest(
    parameters: AuthorizationRequestParameters,
  ): Promise<AuthorizationRequest>;
  /**
   * Completes the code flow from the URL the browser was sent back to: checks state, `iss`,
   * PKCE, the ID token (signature against the issuer's JWKS, `iss`, `aud`, expiry, nonce), the
   * level, then fetches userinfo for the same `sub`.
   */
  complete(
    callbackUrl: URL,
    expected: ExpectedAuthorizationResponse,
  ): Promise<CompletedAuthorization>;
  /** RP-initiated logout URL at the issuer's end_session_endpoint. */
  endSessionUrl(parameters: {
    idTokenHint: string;
    state: string;
  }): Promise<URL>;
}

/** A violation found by this relying party itself (openid-client raises its own errors). */
export class RelyingPartyError extends Error {
  constructor(
    /** Stable, machine-readable reason. */
    readonly code:
      | 'issuer_unreachable'
      | 'id_token_missing'
      | 'acr_not_satisfied',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RelyingPartyError';
  }
}

const DEFAULT_TIMEOUT_SECONDS = 10;

export function createStrictRelyingParty(
  options: StrictRelyingPartyOptions,
): StrictRelyingParty {
  const frozen = Object.freeze({ ...options });
  const timeout = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  // Plain HTTP is only for a local federation (developer machine, tests, compose network).
  const insecure = new URL(options.issuer).protocol === 'http:';
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        new URL(options.issuer),
        options.clientId,
        {
          redirect_uris: [options.redirectUri],
          post_logout_redirect_uris: [options.postLogoutRedirectUri],
          response_types: ['code'],
          ...(options.idTokenSignedResponseAlg
            ? { id_token_signed_response_alg: options.idTokenSignedResponseAlg }
            : {}),
        },
        options.authMethod === 'client_secret_post'
          ? client.ClientSecretPost(options.clientSecret)
          : client.ClientSecretBasic(options.clientSecret),
        { execute: insecure ? [client.allowInsecureRequests] : [], timeout },
      )
      .catch((error: unknown) => {
        // Not cached: the issuer may simply not be up yet, the next call tries again.
        discovered = undefined;
        throw new RelyingPartyError(
          'issuer_unreachable',
          `discovery of ${options.issuer} failed: ${describeError(error)}`,
          { cause: error },
        );
      });
    return discovered;
  };

  return {
    options: frozen,
    configuration,

    async authorizationRequest(parameters) {
      const config = await configuration();
      const state = parameters.state ?? client.randomState();
      const nonce = parameters.nonce ?? client.randomNonce();
      const codeVerifier =
        parameters.pkce === false ? undefined : client.randomPKCECodeVerifier();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: options.redirectUri,
        response_type: 'code',
        scope: parameters.scope,
        state,
        nonce,
        acr_values: parameters.acr,
        ...(codeVerifier
          ? {
              code_challenge:
                await client.calculatePKCECodeChallenge(codeVerifier),
              code_challenge_method: 'S256',
            }
          : {}),
        ...parameters.extraParameters,
      });
      return { url, state, nonce, codeVerifier };
    },

    async complete(callbackUrl, expected) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        pkceCodeVerifier: expected.codeVerifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) {
        throw new RelyingPartyError(
          'id_token_missing',
          'the token response has no ID token',
        );
      }
      const acr = claims['acr'];
      if (
        expected.acr &&
        !acrSatisfies(typeof acr === 'string' ? acr : undefined, expected.acr)
      ) {
        throw new RelyingPartyError(
          'acr_not_satisfied',
          `the ID token's acr (${isEidasLevel(acr) ? acr : 'none or unknown'}) does not satisfy the requested ${expected.acr}`,
        );
      }
      const userinfo = await client.fetchUserInfo(
        config,
        tokens.access_token,
        claims.sub,
      );
      return { tokens, claims, userinfo };
    },

    async endSessionUrl({ idTokenHint, state }) {
      const config = await configuration();
      return client.buildEndSessionUrl(config, {
        id_token_hint: idTokenHint,
        post_logout_redirect_uri: options.postLogoutRedirectUri,
        state,
      });
    },
  };
}

/** The error's code and message, never its cause (which may hold a response body with personal data). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? `${code}: ${error.message}`
      : error.message;
  }
  return String(error);
}
