import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  createStrictRelyingParty,
  describeError,
  RelyingPartyError,
  type StrictRelyingParty,
} from '@federation/relying-party';
import {
  AuthorizationResponseError,
  ClientError,
  randomState,
  ResponseBodyError,
} from 'openid-client';
import {
  DASHBOARD_OPTIONS,
  dashboardUrls,
  type DashboardOptions,
} from '../dashboard.options';
import {
  AuthorizationErrorException,
  IdentityFederationUnavailableException,
  LoginVerificationFailedException,
} from '../exceptions/dashboard.exceptions';
import {
  newCsrfToken,
  type PendingLogin,
  type PendingLogout,
  type SignedIn,
} from '../session/dashboard-session';

/** The dashboard only needs the citizen's key (`sub`) and a given name for the greeting. */
export const DASHBOARD_SCOPE = 'openid given_name family_name';
/** Reading one's own history is allowed at the lowest level of assurance. */
export const DASHBOARD_ACR = 'eidas1';

/**
 * The dashboard as a relying party of the core (openid-client through the strict relying party):
 * code flow with PKCE S256, state and nonce, every check on the way back. Each step returns what
 * to keep in the session and where to send the browser; the controller does the HTTP.
 */
@Injectable()
export class CitizenLoginService {
  private readonly relyingParty: StrictRelyingParty;
  private readonly logger = new Logger('Dashboard');

  constructor(@Inject(DASHBOARD_OPTIONS) options: DashboardOptions) {
    const urls = dashboardUrls(options.publicUrl);
    this.relyingParty = createStrictRelyingParty({
      issuer: options.coreIssuer,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      redirectUri: urls.redirectUri,
      postLogoutRedirectUri: urls.postLogoutRedirectUri,
    });
  }

  async startLogin(): Promise<{ redirectTo: string; pending: PendingLogin }> {
    try {
      const request = await this.relyingParty.authorizationRequest({
        acr: DASHBOARD_ACR,
        scope: DASHBOARD_SCOPE,
      });
      return {
        redirectTo: request.url.href,
        pending: {
          step: 'login',
          state: request.state,
          nonce: request.nonce,
          codeVerifier: request.codeVerifier as string,
        },
      };
    } catch (error) {
      throw this.failure('login', error);
    }
  }

  /** Completes the login from the callback URL (state, iss, PKCE, ID token, level, userinfo). */
  async completeLogin(
    callbackUrl: URL,
    pending: PendingLogin,
  ): Promise<SignedIn> {
    try {
      const { tokens, claims, userinfo } = await this.relyingParty.complete(
        callbackUrl,
        {
          state: pending.state,
          nonce: pending.nonce,
          codeVerifier: pending.codeVerifier,
          acr: DASHBOARD_ACR,
        },
      );
      const givenName = userinfo.given_name ?? claims['given_name'];
      this.logger.log('citizen signed in to the dashboard');
      return {
        step: 'signed-in',
        citizenKey: claims.sub,
        givenName:
          typeof givenName === 'string' && givenName ? givenName : undefined,
        idToken: tokens.id_token as string,
        csrf: newCsrfToken(),
      };
    } catch (error) {
      throw this.failure('callback', error);
    }
  }

  /** The core's end_session URL (id_token_hint, post_logout_redirect_uri = `{publicUrl}/`, state). */
  async startLogout(
    session: SignedIn,
  ): Promise<{ redirectTo: string; pending: PendingLogout }> {
    const state = randomState();
    try {
      const url = await this.relyingParty.endSessionUrl({
        idTokenHint: session.idToken,
        state,
      });
      return { redirectTo: url.href, pending: { step: 'logout', state } };
    } catch (error) {
      throw this.failure('logout', error);
    }
  }

  /** Maps an error of openid-client or of the relying party to the page the citizen sees; logs it without personal data. */
  private failure(step: string, error: unknown): unknown {
    if (isUnreachable(error)) {
      this.logger.warn(
        `${step}: the core is unreachable (${describeError(error)})`,
      );
      return new IdentityFederationUnavailableException();
    }
    if (error instanceof AuthorizationResponseError) {
      this.logger.warn(`${step}: authorization error ${error.error}`);
      return new AuthorizationErrorException(error.error);
    }
    if (error instanceof ResponseBodyError) {
      this.logger.warn(
        `${step}: the core answered ${error.status} ${error.error}`,
      );
      return new LoginVerificationFailedException();
    }
    if (error instanceof RelyingPartyError || error instanceof ClientError) {
      this.logger.warn(
        `${step}: verification failed (${error.code ?? 'verification_failed'})`,
      );
      return new LoginVerificationFailedException();
    }
    return error;
  }
}

/** Network failures, timeouts and 5xx answers: the core is down or starting, not wrong. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof RelyingPartyError)
    return error.code === 'issuer_unreachable';
  if (error instanceof TypeError && error.message === 'fetch failed')
    return true;
  const cause = error instanceof Error ? error.cause : undefined;
  if (
    cause instanceof Error &&
    (cause.name === 'TimeoutError' || cause.name === 'AbortError')
  )
    return true;
  if (
    error instanceof Error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  )
    return true;
  return (
    typeof Response !== 'undefined' &&
    cause instanceof Response &&
    cause.status >= 500
  );
}
