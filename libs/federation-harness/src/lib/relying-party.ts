import type { EidasLevel } from '@federation/identity';
import {
  createStrictRelyingParty,
  type StrictRelyingPartyOptions,
  type StrictRelyingParty as CoreRelyingParty,
} from '@federation/relying-party';

export type RelyingPartyOptions = Pick<
  StrictRelyingPartyOptions,
  | 'issuer'
  | 'clientId'
  | 'clientSecret'
  | 'redirectUri'
  | 'postLogoutRedirectUri'
  | 'authMethod'
>;

export interface PendingAuthorization {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The demo services' strict relying party (@federation/relying-party, built on openid-client),
 * with defaults convenient in tests: discovery done up front, acr eidas1, pivot identity scopes.
 */
export class StrictRelyingParty {
  private constructor(private readonly rp: CoreRelyingParty) {}

  static async discover(
    options: RelyingPartyOptions,
  ): Promise<StrictRelyingParty> {
    const rp = createStrictRelyingParty(options);
    await rp.configuration();
    return new StrictRelyingParty(rp);
  }

  async authorizationRequest(
    params: {
      acr?: EidasLevel;
      scope?: string;
      extra?: Record<string, string>;
    } = {},
  ): Promise<PendingAuthorization> {
    const request = await this.rp.authorizationRequest({
      acr: params.acr ?? 'eidas1',
      scope: params.scope ?? 'openid identite_pivot email',
      extraParameters: params.extra,
    });
    return {
      url: request.url,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier ?? '',
    };
  }

  /** Token, id_token and userinfo, every check of openid-client applied; throws on any violation. */
  complete(callbackUrl: string, pending: PendingAuthorization) {
    return this.rp.complete(new URL(callbackUrl), {
      state: pending.state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier || undefined,
    });
  }

  endSessionUrl(idTokenHint: string, state: string): Promise<URL> {
    return this.rp.endSessionUrl({ idTokenHint, state });
  }
}
