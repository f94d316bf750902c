import { Logger } from '@nestjs/common';
import {
  isEidasLevel,
  PIVOT_CLAIMS,
  validatePivotIdentity,
  type PivotIdentity,
} from '@federation/identity';
import type { OneTimeStore } from '@federation/oidc';
import type { Request, Response } from 'express';
import { Authenticator } from 'passport';
import {
  FederatedOidcStrategy,
  type FiAuthenticateOptions,
} from './federated-oidc.strategy';
import type { FiDefinition, FiRegistry } from './fi-registry';
import { FiAnswerRejected, type IdTokenVerifier } from './id-token.verifier';
import {
  RedisStateStore,
  type AuthorizationState,
  type FederatedRequest,
} from './redis-state.store';

export interface VerifiedFiLogin {
  identity: PivotIdentity;
  acr: string;
  amr: string[];
  idToken: string;
}

export type CallbackOutcome =
  | { kind: 'success'; state: AuthorizationState; login: VerifiedFiLogin }
  | { kind: 'failure'; state?: AuthorizationState; code: string };

/** Scopes asked of every FI: the identity the core needs, whatever the FS asked (the core filters). */
const FI_SCOPES = [
  'openid',
  'given_name',
  'family_name',
  'birthdate',
  'gender',
  'birthplace',
  'birthcountry',
  'email',
  'preferred_username',
];

/**
 * One passport-openidconnect strategy per FI of the registry, in a passport instance of our own,
 * plus the checks the library leaves out (id_token signature, nonce, iss of the authorization
 * response, acr, userinfo subject, pivot identity validation).
 */
export class FiAuthenticator {
  private readonly logger = new Logger('FiAuthenticator');
  private readonly passport = new Authenticator();
  /** The registry definition each strategy was built from (the registry caches them: same object until it changes). */
  private readonly registered = new Map<string, FiDefinition>();

  constructor(
    private readonly registry: FiRegistry,
    private readonly verifier: IdTokenVerifier,
    private readonly states: OneTimeStore<AuthorizationState>,
    private readonly publicUrl: string,
  ) {}

  async definition(slug: string): Promise<FiDefinition | undefined> {
    return this.registry.find(slug);
  }

  private async ensureStrategy(fi: FiDefinition): Promise<void> {
    if (this.registered.get(fi.slug) === fi) return;
    const store = new RedisStateStore(this.states, fi.slug, fi.issuer);
    const strategy = new FederatedOidcStrategy(
      {
        slug: fi.slug,
        issuer: fi.issuer,
        authorizationUrl: fi.authorizationUrl,
        tokenUrl: fi.tokenUrl,
        userinfoUrl: fi.userinfoUrl,
        clientId: fi.clientId,
        clientSecret: fi.clientSecret,
        callbackUrl: `${this.publicUrl}/fi/${fi.slug}/callback`,
        scope: FI_SCOPES.filter((scope) => scope !== 'openid'),
      },
      store,
      // passport-openidconnect picks its arguments by the arity of this function: keep all ten.
      (
        req,
        _issuer,
        userinfoProfile,
        _idProfile,
        _context,
        idToken,
        _accessToken,
        _refreshToken,
        _params,
        done,
      ) => {
        this.completeLogin(
          fi,
          req as FederatedRequest,
          userinfoProfile as { _json?: Record<string, unknown> },
          String(idToken),
        ).then(
          (login) => done(null, login),
          (error: unknown) =>
            error instanceof FiAnswerRejected
              ? done(null, false, { message: error.code })
              : done(error as Error),
        );
      },
    );
    this.passport.use(fi.slug, strategy as never);
    this.registered.set(fi.slug, fi);
  }

  /** Sends the browser to the FI's authorization endpoint (PKCE, nonce, state, acr). */
  async redirectToFi(
    fi: FiDefinition,
    req: Request,
    res: Response,
    options: FiAuthenticateOptions,
  ): Promise<void> {
    await this.ensureStrategy(fi);
    await new Promise<void>((resolve, reject) => {
      res.once('finish', () => resolve());
      this.passport.authenticate(
        fi.slug,
        options as never,
        (error: Error | null) => (error ? reject(error) : resolve()),
      )(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
    });
  }

  /** Handles the FI's callback: state, token exchange, id_token and userinfo checks, identity. */
  async handleCallback(
    fi: FiDefinition,
    req: FederatedRequest,
    res: Response,
  ): Promise<CallbackOutcome> {
    await this.ensureStrategy(fi);
    // An error answer (citizen cancelled at the FI…) skips passport's state check: consume the state here.
    if (typeof req.query['error'] === 'string') {
      const state =
        typeof req.query['state'] === 'string'
          ? await this.states.take(req.query['state'])
          : undefined;
      return {
        kind: 'failure',
        state: state?.fiSlug === fi.slug ? state : undefined,
        code: 'fi_error',
      };
    }
    return new Promise<CallbackOutcome>((resolve) => {
      this.passport.authenticate(
        fi.slug,
        { session: false },
        (
          error: Error | null,
          login: VerifiedFiLogin | false,
          info?: { message?: string },
        ) => {
          const state = req.authorizationState;
          if (error) {
            this.logger.warn(
              { fi: fi.slug, reason: error.message },
              'FI login failed',
            );
            resolve({ kind: 'failure', state, code: 'fi_error' });
          } else if (!login) {
            this.logger.warn(
              { fi: fi.slug, reason: info?.message ?? 'refused' },
              'FI answer refused',
            );
            resolve({
              kind: 'failure',
              state,
              code:
                info?.message === 'identity_invalid'
                  ? 'identity_invalid'
                  : info?.message === 'state_mismatch'
                    ? 'state_mismatch'
                    : 'fi_error',
            });
          } else if (!state) {
            resolve({ kind: 'failure', code: 'state_mismatch' });
          } else {
            resolve({ kind: 'success', state, login });
          }
        },
      )(req, res, () =>
        resolve({
          kind: 'failure',
          state: req.authorizationState,
          code: 'fi_error',
        }),
      );
    });
  }

  private async completeLogin(
    fi: FiDefinition,
    req: FederatedRequest,
    userinfoProfile: { _json?: Record<string, unknown> },
    idToken: string,
  ): Promise<VerifiedFiLogin> {
    const claims = await this.verifier.verify(
      fi,
      idToken,
      req.authorizationState?.nonce,
    );
    const acr = claims['acr'];
    if (typeof acr !== 'string' || !isEidasLevel(acr))
      throw new FiAnswerRejected('acr_missing', 'no eIDAS acr in the id_token');
    if (!fi.eidasLevels.includes(acr))
      throw new FiAnswerRejected(
        'acr_too_low',
        `the FI is not registered for ${acr}`,
      );
    const userinfo = userinfoProfile._json ?? {};
    if (userinfo['sub'] !== claims.sub)
      throw new FiAnswerRejected(
        'userinfo_mismatch',
        'userinfo sub differs from the id_token sub',
      );
    const candidate = Object.fromEntries(
      [...PIVOT_CLAIMS, 'email', 'preferred_username']
        .filter((claim) => userinfo[claim] !== undefined)
        .map((claim) => [claim, userinfo[claim]]),
    );
    const validation = validatePivotIdentity(candidate);
    if (!validation.valid) {
      // Codes only: the values are personal data.
      this.logger.warn(
        { fi: fi.slug, errors: validation.errors.map((error) => error.code) },
        'identity refused',
      );
      throw new FiAnswerRejected('identity_invalid', 'pivot identity invalid');
    }
    const amr = Array.isArray(claims['amr'])
      ? (claims['amr'] as unknown[]).filter(
          (value): value is string => typeof value === 'string',
        )
      : [];
    return { identity: validation.identity, acr, amr, idToken };
  }
}
