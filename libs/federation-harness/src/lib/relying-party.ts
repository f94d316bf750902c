import * as oidc from 'openid-client';

export interface RelyingPartyOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  authMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface PendingAuthorization {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * A strict relying party built on openid-client (a certified RP library): it validates
 * everything it can (state, nonce, PKCE, iss, id_token signature and claims, userinfo sub).
 */
export class StrictRelyingParty {
  private constructor(
    readonly config: oidc.Configuration,
    private readonly options: RelyingPartyOptions,
  ) {}

  static async discover(
    options: RelyingPartyOptions,
  ): Promise<StrictRelyingParty> {
    const auth =
      options.authMethod === 'client_secret_post'
        ? oidc.ClientSecretPost(options.clientSecret)
        : oidc.ClientSecretBasic(options.clientSecret);
    const config = await oidc.discovery(
      new URL(options.issuer),
      options.clientId,
      { client_secret: options.clientSecret },
      auth,
      {
        execute: [oidc.allowInsecureRequests],
      },
    );
    return new StrictRelyingParty(config, options);
  }

  async authorizationRequest(
    params: {
      acr?: string;
      scope?: string;
      extra?: Record<string, string>;
    } = {},
  ): Promise<PendingAuthorization> {
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const url = oidc.buildAuthorizationUrl(this.config, {
      redirect_uri: this.options.redirectUri,
      scope: params.scope ?? 'openid identite_pivot email',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      acr_values: params.acr ?? 'eidas1',
      ...params.extra,
    });
    return { url, state, nonce, codeVerifier };
  }

  async complete(callbackUrl: string, pending: PendingAuthorization) {
    const tokens = await oidc.authorizationCodeGrant(
      this.config,
      new URL(callbackUrl),
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
    );
    const claims = tokens.claims();
    if (!claims) throw new Error('no id_token');
    const userinfo = await oidc.fetchUserInfo(
      this.config,
      tokens.access_token,
      claims.sub,
    );
    return { tokens, claims, userinfo };
  }

  endSessionUrl(idTokenHint: string, state: string): URL {
    return oidc.buildEndSessionUrl(this.config, {
      id_token_hint: idTokenHint,
      post_logout_redirect_uri: this.options.postLogoutRedirectUri,
      state,
    });
  }
}
