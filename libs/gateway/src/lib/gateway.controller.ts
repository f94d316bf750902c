import {
  Controller,
  Get,
  Inject,
  Param,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { renderErrorPage } from '@federation/dsfr-pages';
import type {
  FiLoginRequest,
  FiLogoutRequest,
  FiSession,
  IdentityHandoff,
  OneTimeStore,
} from '@federation/oidc';
import type { Request, Response } from 'express';
import { newPkcePair } from './federated-oidc.strategy';
import { FiAuthenticator } from './fi-authenticator';
import {
  GATEWAY_OPTIONS,
  SERVICE_NAME,
  type GatewayOptions,
} from './gateway.options';
import type { FederatedRequest } from './redis-state.store';
import {
  FI_LOGIN_REQUESTS,
  FI_LOGOUT_REQUESTS,
  FI_LOGOUT_STATES,
  FI_SESSIONS,
  IDENTITY_HANDOFFS,
} from './tokens';

/** Errors shown by the gateway itself, when there is no interaction to go back to. */
const GATEWAY_ERRORS = {
  linkExpired: {
    code: 'G000001',
    status: 400,
    title: 'Ce lien de connexion n’est plus valable',
    message:
      'La connexion a expiré ou a déjà été utilisée. Retournez sur le site du service et cliquez à nouveau sur le bouton de connexion.',
  },
  stateMismatch: {
    code: 'G000002',
    status: 400,
    title: 'Connexion interrompue',
    message:
      'Le retour de votre fournisseur d’identité ne correspond à aucune connexion en cours dans ce navigateur. Retournez sur le site du service et recommencez.',
  },
  unavailable: {
    code: 'G000003',
    status: 503,
    title: 'Service momentanément indisponible',
    message:
      'Votre fournisseur d’identité ne répond pas. Réessayez dans quelques instants.',
  },
} as const;

/**
 * The OpenID Connect client side of the federation: sends the citizen to the chosen FI, checks
 * what comes back, hands the verified identity to the core through a one-time reference, and
 * runs the FI part of the logout chain.
 */
@Controller()
export class GatewayController {
  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(FI_LOGIN_REQUESTS)
    private readonly loginRequests: OneTimeStore<FiLoginRequest>,
    @Inject(IDENTITY_HANDOFFS)
    private readonly handoffs: OneTimeStore<IdentityHandoff>,
    @Inject(FI_SESSIONS) private readonly fiSessions: OneTimeStore<FiSession>,
    @Inject(FI_LOGOUT_REQUESTS)
    private readonly logoutRequests: OneTimeStore<FiLogoutRequest>,
    @Inject(FI_LOGOUT_STATES)
    private readonly logoutStates: OneTimeStore<{ returnTo: string }>,
    private readonly authenticator: FiAuthenticator,
  ) {}

  @Get('fi/:slug/login')
  async login(
    @Param('slug') slug: string,
    @Query('request') reference: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const loginRequest =
      typeof reference === 'string'
        ? await this.loginRequests.take(reference)
        : undefined;
    if (!loginRequest || loginRequest.fiSlug !== slug)
      return this.error(res, GATEWAY_ERRORS.linkExpired);
    const fi = await this.authenticator.definition(slug);
    if (!fi)
      return this.backToCore(res, {
        outcome: 'failure',
        interactionUid: loginRequest.interactionUid,
        fiSlug: slug,
        error: 'fi_unknown',
      });
    const pkce = newPkcePair();
    try {
      await this.authenticator.redirectToFi(fi, req, res, {
        session: false,
        acrValues: loginRequest.acr,
        codeChallenge: pkce.challenge,
        state: { codeVerifier: pkce.verifier, loginRequest },
      });
    } catch {
      if (!res.headersSent) this.error(res, GATEWAY_ERRORS.unavailable);
    }
  }

  @Get('fi/:slug/callback')
  async callback(
    @Param('slug') slug: string,
    @Req() req: FederatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const fi = await this.authenticator.definition(slug);
    if (!fi) return this.error(res, GATEWAY_ERRORS.stateMismatch);
    const outcome = await this.authenticator.handleCallback(fi, req, res);
    if (res.headersSent) return;
    if (!outcome.state) return this.error(res, GATEWAY_ERRORS.stateMismatch);
    const { interactionUid } = outcome.state.loginRequest;
    if (outcome.kind === 'failure') {
      return this.backToCore(res, {
        outcome: 'failure',
        interactionUid,
        fiSlug: slug,
        error: outcome.code,
      });
    }
    const fiSessionRef = await this.fiSessions.put({
      fiSlug: slug,
      idToken: outcome.login.idToken,
    });
    return this.backToCore(res, {
      outcome: 'success',
      interactionUid,
      fiSlug: slug,
      acr: outcome.login.acr,
      amr: outcome.login.amr,
      identity: outcome.login.identity,
      fiSessionRef,
    });
  }

  /** Core → here → the FI's end_session (with the FI id_token as hint) → back here → core. */
  @Get('logout')
  async logout(
    @Query('request') reference: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const request =
      typeof reference === 'string'
        ? await this.logoutRequests.take(reference)
        : undefined;
    if (
      !request ||
      !request.returnTo.startsWith(`${this.options.corePublicUrl}/`)
    )
      return this.error(res, GATEWAY_ERRORS.linkExpired);
    const session = await this.fiSessions.take(request.fiSessionRef);
    const fi = session
      ? await this.authenticator.definition(session.fiSlug)
      : undefined;
    if (!session || !fi?.endSessionUrl) {
      res.redirect(303, request.returnTo);
      return;
    }
    const state = await this.logoutStates.put({ returnTo: request.returnTo });
    const url = new URL(fi.endSessionUrl);
    url.searchParams.set('id_token_hint', session.idToken);
    url.searchParams.set(
      'post_logout_redirect_uri',
      `${this.options.publicUrl}/fi/${fi.slug}/logout/callback`,
    );
    url.searchParams.set('state', state);
    res.redirect(303, url.toString());
  }

  @Get('fi/:slug/logout/callback')
  async logoutCallback(
    @Query('state') reference: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const state =
      typeof reference === 'string'
        ? await this.logoutStates.take(reference)
        : undefined;
    if (!state) return this.error(res, GATEWAY_ERRORS.linkExpired);
    res.redirect(303, state.returnTo);
  }

  private async backToCore(
    res: Response,
    handoff: IdentityHandoff,
  ): Promise<void> {
    const reference = await this.handoffs.put(handoff);
    res.redirect(
      303,
      `${this.options.corePublicUrl}/interaction/${encodeURIComponent(handoff.interactionUid)}/identity?handoff=${reference}`,
    );
  }

  private error(
    res: Response,
    error: (typeof GATEWAY_ERRORS)[keyof typeof GATEWAY_ERRORS],
  ): void {
    res
      .status(error.status)
      .type('html')
      .setHeader('cache-control', 'no-store')
      .send(
        renderErrorPage({
          serviceName: SERVICE_NAME,
          code: error.code,
          title: error.title,
          message: error.message,
        }),
      );
  }
}
