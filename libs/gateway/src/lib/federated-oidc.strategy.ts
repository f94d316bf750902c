import { createHash, randomBytes } from 'node:crypto';
import OpenIDConnectStrategy from 'passport-openidconnect';
import type { FederatedRequest, RedisStateStore } from './redis-state.store';

export interface FiEndpoints {
  slug: string;
  issuer: string;
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  scope: string[];
}

export interface FiAuthenticateOptions {
  session: false;
  acrValues?: string;
  codeChallenge?: string;
  state?: unknown;
}

/** The ten-argument verify callback (request, issuer, userinfo profile, id_token profile, context, id_token, …, done). */
export type FiVerifyCallback = (
  req: unknown,
  issuer: string,
  userinfoProfile: unknown,
  idTokenProfile: unknown,
  context: unknown,
  idToken: unknown,
  accessToken: unknown,
  refreshToken: unknown,
  params: unknown,
  done: (
    error: Error | null,
    user?: unknown,
    info?: { message: string },
  ) => void,
) => void;

export function newPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
  };
}

type OAuth2Like = {
  getOAuthAccessToken(
    code: string,
    params: Record<string, string>,
    callback: (...args: unknown[]) => void,
  ): void;
};

/**
 * passport-openidconnect with what it leaves out: PKCE (S256) towards the FI and the requested
 * acr. The id_token signature is checked in the verify callback (see FiAuthenticator).
 */
export class FederatedOidcStrategy extends OpenIDConnectStrategy {
  constructor(
    endpoints: FiEndpoints,
    store: RedisStateStore,
    verify: FiVerifyCallback,
  ) {
    super(
      {
        issuer: endpoints.issuer,
        authorizationURL: endpoints.authorizationUrl,
        tokenURL: endpoints.tokenUrl,
        userInfoURL: endpoints.userinfoUrl,
        clientID: endpoints.clientId,
        clientSecret: endpoints.clientSecret,
        callbackURL: endpoints.callbackUrl,
        scope: endpoints.scope,
        store: store as never,
        nonce: 'true',
        skipUserProfile: false,
        passReqToCallback: true,
      } as never,
      verify as never,
    );
    this.name = endpoints.slug;
  }

  override authorizationParams(options: FiAuthenticateOptions): object {
    return {
      ...(options.acrValues ? { acr_values: options.acrValues } : {}),
      ...(options.codeChallenge
        ? {
            code_challenge: options.codeChallenge,
            code_challenge_method: 'S256',
          }
        : {}),
    };
  }

  override authenticate(
    req: FederatedRequest,
    options?: OpenIDConnectStrategy.AuthenticateOptions,
  ): void {
    // Passport runs each request on its own object created from the strategy, so this override
    // is per request: the token request carries the verifier of the state being consumed.
    const shared = (this as unknown as { _oauth2: OAuth2Like })._oauth2;
    const perRequest = Object.create(shared) as OAuth2Like;
    perRequest.getOAuthAccessToken = (code, params, callback) =>
      shared.getOAuthAccessToken(
        code,
        {
          ...params,
          code_verifier: req.authorizationState?.codeVerifier ?? '',
        },
        callback,
      );
    (this as unknown as { _oauth2: OAuth2Like })._oauth2 = perRequest;
    super.authenticate(req, options as never);
  }
}
