import type { Request } from 'express';
import type { FiLoginRequest, OneTimeStore } from '@federation/oidc';

/** What the gateway remembers between the redirect to the FI and its callback. */
export interface AuthorizationState {
  fiSlug: string;
  nonce?: string;
  codeVerifier: string;
  loginRequest: FiLoginRequest;
}

export type FederatedRequest = Request & {
  authorizationState?: AuthorizationState;
};

interface StoreContext {
  nonce?: string;
}

/**
 * passport-openidconnect's state store, in Redis instead of an express session: the `state` sent
 * to the FI is the random reference of a one-time record; the callback consumes it, so a replayed
 * or forged state is refused, and a state issued for one FI is refused on another FI's callback.
 */
export class RedisStateStore {
  constructor(
    private readonly records: OneTimeStore<AuthorizationState>,
    private readonly fiSlug: string,
    private readonly issuer: string,
  ) {}

  store(
    _req: Request,
    ctx: StoreContext,
    appState: { codeVerifier: string; loginRequest: FiLoginRequest },
    _meta: unknown,
    callback: (error: Error | null, handle?: string) => void,
  ): void {
    this.records
      .put({
        fiSlug: this.fiSlug,
        nonce: ctx.nonce,
        codeVerifier: appState.codeVerifier,
        loginRequest: appState.loginRequest,
      })
      .then(
        (handle) => callback(null, handle),
        (error: Error) => callback(error),
      );
  }

  verify(
    req: FederatedRequest,
    handle: string,
    callback: (
      error: Error | null,
      ctx?: StoreContext | false,
      state?: unknown,
    ) => void,
  ): void {
    this.records.take(handle).then(
      (record) => {
        if (!record || record.fiSlug !== this.fiSlug) {
          callback(null, false, { message: 'state_mismatch' });
          return;
        }
        req.authorizationState = record;
        // RFC 9207: the answer must come from the FI the state was issued for, before the code
        // is sent anywhere (mix-up attack between FIs).
        if (req.query['iss'] !== this.issuer) {
          callback(null, false, { message: 'issuer_mismatch' });
          return;
        }
        callback(null, { nonce: record.nonce }, record);
      },
      (error: Error) => callback(error),
    );
  }
}
