import { Logger } from '@nestjs/common';
import { IDENTITY_CLAIMS, type EidasLevel } from '@federation/identity';
import { AuthorizationResponseError, ClientError, randomState, ResponseBodyError, type UserInfoResponse } from 'openid-client';
import {
  AuthorizationErrorException,
  IdentityFederationUnavailableException,
  LoginVerificationFailedException,
} from './exceptions/mock-fs.exception';
import type { MockFsOptions } from './mock-fs.config';
import {
  mockServicePaths,
  mockServiceUrls,
  type MockServiceDefinition,
  type MockServicePaths,
  type MockServiceUrls,
} from './mock-services';
import { callDataProvider, type DataProviderOutcome } from './data/data-provider.client';
import { CookieSealer } from './session/cookie-sealer';
import { DemoSessionCookie, type PendingLogin, type PendingLogout, type SignedIn } from './session/demo-session';
import { createStrictRelyingParty, describeError, RelyingPartyError, type StrictRelyingParty } from '@federation/relying-party';

/**
 * One demo service at run time: its URLs, its client at the core and its session cookie.
 * Each step returns what to store and where to send the browser; the controller does the HTTP.
 */
export class DemoService {
  /** Absolute URLs, as registered at the core. */
  readonly urls: MockServiceUrls;
  /** Paths on this origin, for the links of the pages. */
  readonly paths: MockServicePaths;
  readonly session: DemoSessionCookie;
  private readonly relyingParty: StrictRelyingParty;
  private readonly logger: Logger;

  constructor(
    readonly definition: MockServiceDefinition,
    private readonly options: MockFsOptions,
    sealer: CookieSealer,
  ) {
    this.urls = mockServiceUrls(definition, options.publicUrl);
    this.paths = mockServicePaths(definition);
    const client = options.clients[definition.id as keyof MockFsOptions['clients']];
    this.relyingParty = createStrictRelyingParty({
      issuer: options.issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: this.urls.redirectUri,
      postLogoutRedirectUri: this.urls.postLogoutRedirectUri,
      timeoutSeconds: options.timeoutSeconds,
    });
    this.session = new DemoSessionCookie(
      sealer,
      definition.cookieName,
      this.paths.home,
      new URL(options.publicUrl).protocol === 'https:',
    );
    this.logger = new Logger(`MockFs:${definition.id}`);
  }

  get scope(): string {
    return this.options.scope;
  }

  get dataScope(): string {
    return this.options.dataScope;
  }

  get dataProviderEndpoint(): string {
    return this.options.dataProviderEndpoint;
  }

  /**
   * Builds the authorization request (state, nonce, PKCE S256, acr_values) for the core: a login,
   * or « Récupérer mes données », which asks for the data scopes and keeps the access token.
   */
  async startLogin(acr: EidasLevel, purpose: PendingLogin['purpose'] = 'login'): Promise<{ redirectTo: string; pending: PendingLogin }> {
    const scope = purpose === 'data' ? this.options.dataScope : this.options.scope;
    try {
      const request = await this.relyingParty.authorizationRequest({ acr, scope });
      return {
        redirectTo: request.url.href,
        pending: {
          step: 'login',
          state: request.state,
          nonce: request.nonce,
          codeVerifier: request.codeVerifier as string,
          acr,
          purpose,
        },
      };
    } catch (error) {
      throw this.failure(purpose, error);
    }
  }

  /** Calls the data provider with the access token of the session, as « Mes données » shows it. */
  async fetchData(session: SignedIn & { accessToken: string }): Promise<DataProviderOutcome> {
    const outcome = await callDataProvider(this.options.dataProviderEndpoint, session.accessToken, this.options.timeoutSeconds ?? 10);
    this.logger.log(`data provider call: ${outcome.kind === 'failed' ? `failed with ${outcome.status}` : outcome.kind}`);
    return outcome;
  }

  /**
   * Completes the login from the callback's query: every check of the strict relying party, then
   * userinfo. Only the identity claims the home page shows are kept.
   */
  async completeLogin(callbackQuery: URLSearchParams, pending: PendingLogin): Promise<SignedIn> {
    // The redirect_uri sent to the token endpoint is this URL without its query: the registered one.
    const callbackUrl = new URL(this.urls.redirectUri);
    callbackUrl.search = callbackQuery.toString();
    try {
      const { tokens, claims, userinfo } = await this.relyingParty.complete(callbackUrl, {
        state: pending.state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
        acr: pending.acr,
      });
      const acr = String(claims['acr']);
      this.logger.log(`signed in at ${acr}${pending.purpose === 'data' ? ' with an access token for the data provider' : ''}`);
      return {
        step: 'signed-in',
        sub: claims.sub,
        acr,
        idToken: tokens.id_token as string,
        claims: identityClaimsOf(userinfo),
        ...(pending.purpose === 'data' ? { accessToken: tokens.access_token } : {}),
      };
    } catch (error) {
      throw this.failure('callback', error);
    }
  }

  /** The core's end_session URL for this session, and the state to check on the way back. */
  async startLogout(session: SignedIn): Promise<{ redirectTo: string; pending: PendingLogout }> {
    const state = randomState();
    try {
      const url = await this.relyingParty.endSessionUrl({ idTokenHint: session.idToken, state });
      return { redirectTo: url.href, pending: { step: 'logout', state } };
    } catch (error) {
      throw this.failure('logout', error);
    }
  }

  /** Maps an error of openid-client or of the relying party to the page the citizen sees, and logs it without personal data. */
  private failure(step: string, error: unknown): unknown {
    const description = describeError(error);
    if (isUnreachable(error)) {
      this.logger.warn(`${step}: the core is unreachable (${description})`);
      return new IdentityFederationUnavailableException();
    }
    if (error instanceof AuthorizationResponseError) {
      this.logger.warn(`${step}: authorization error ${error.error}`);
      return new AuthorizationErrorException(error.error, error.error_description);
    }
    if (error instanceof ResponseBodyError) {
      this.logger.warn(`${step}: the core answered ${error.status} ${error.error}`);
      return new LoginVerificationFailedException(error.error);
    }
    if (error instanceof RelyingPartyError || error instanceof ClientError) {
      this.logger.warn(`${step}: verification failed (${description})`);
      return new LoginVerificationFailedException(error.code ?? 'verification_failed');
    }
    return error;
  }
}

/** The identity claims of a userinfo response (known claims, string values). */
function identityClaimsOf(userinfo: UserInfoResponse): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const claim of IDENTITY_CLAIMS) {
    const value = userinfo[claim];
    if (typeof value === 'string') claims[claim] = value;
  }
  return claims;
}

/** Network failures, timeouts and 5xx answers: the core is down or starting, not wrong. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof RelyingPartyError) return error.code === 'issuer_unreachable';
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) return true;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  return typeof Response !== 'undefined' && cause instanceof Response && cause.status >= 500;
}
