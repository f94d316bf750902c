import {
  Body,
  Controller,
  Get,
  Inject,
  Logger,
  type OnModuleInit,
  Optional,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  acrSatisfies,
  claimsForScopes,
  identityKey,
  pairwiseSubject,
  validatePivotIdentity,
} from '@federation/identity';
import type {
  FiLoginRequest,
  FiSession,
  IdentityHandoff,
  OneTimeStore,
} from '@federation/oidc';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { AccountStore } from '../accounts/account-store';
import {
  CORE_PROVIDER_OPTIONS,
  type CoreProviderOptions,
} from '../core-provider.options';
import {
  AcrTooLowError,
  CoreError,
  CsrfError,
  errorFromGatewayCode,
  HandoffInvalidError,
  IdentityProviderBlockedError,
  IdentityProviderNotAllowedError,
  InteractionExpiredError,
  InvalidIdentityError,
  ServiceUnavailableError,
} from '../errors/core-errors';
import { BusinessEvents } from '../events/business-events';
import { FI_SESSION_COOKIE } from '../logout/logout-chain';
import {
  renderConsentPage,
  renderCoreError,
  renderIdentityProviderChoicePage,
} from '../pages/core-pages';
import {
  clientMetadata,
  requestedAcr,
} from '../provider/oidc-provider.factory';
import { IdentityProviderRegistry } from '../registry/identity-provider-registry';
import { CsrfTokens } from './csrf-tokens';
import { ConsentClient, ConsentServiceError } from '../consent/consent-client';
import { DataProviderScopes } from '../consent/data-provider-scopes';
import {
  FI_LOGIN_REQUESTS,
  FI_SESSIONS,
  IDENTITY_HANDOFFS,
  OIDC_PROVIDER,
} from './tokens';

type Interaction = Awaited<ReturnType<Provider['interactionDetails']>>;

/**
 * The citizen's pages between the FS's authorize request and the code: choice of the identity
 * provider, return from the FI gateway, information/consent page. Server-rendered, no JavaScript.
 */
@Controller('interaction')
export class InteractionController implements OnModuleInit {
  private readonly logger = new Logger('Interactions');

  constructor(
    @Inject(OIDC_PROVIDER) private readonly provider: Provider,
    @Inject(CORE_PROVIDER_OPTIONS)
    private readonly options: CoreProviderOptions,
    @Inject(FI_LOGIN_REQUESTS)
    private readonly loginRequests: OneTimeStore<FiLoginRequest>,
    @Inject(IDENTITY_HANDOFFS)
    private readonly handoffs: OneTimeStore<IdentityHandoff>,
    @Inject(FI_SESSIONS) private readonly fiSessions: OneTimeStore<FiSession>,
    private readonly identityProviders: IdentityProviderRegistry,
    private readonly accounts: AccountStore,
    private readonly csrf: CsrfTokens,
    private readonly events: BusinessEvents,
    private readonly dataScopes: DataProviderScopes,
    @Optional() @Inject(ConsentClient) private readonly consentService: ConsentClient | null,
  ) {}

  /**
   * A login that reaches the FS without our consent page (SSO with a grant already given) is a
   * connection too: it is recorded for the citizen's dashboard after the code is issued.
   */
  onModuleInit(): void {
    if (!this.consentService) return;
    this.provider.on('authorization.success', (ctx: KoaContextWithOIDC) => {
      const result = ctx.oidc.result as { consent?: unknown } | undefined;
      const accountId = ctx.oidc.session?.accountId;
      if (result?.consent || !accountId || !ctx.oidc.client) return;
      const client = clientMetadata(ctx.oidc.client);
      const reference = ctx.cookies.get(FI_SESSION_COOKIE, { signed: false });
      void (async () => {
        const fiSlug = reference ? (await this.fiSessions.peek(reference))?.fiSlug : undefined;
        await this.recordLogin({
          grantId: String(ctx.oidc.session?.grantIdFor(client.client_id) ?? ''),
          accountId,
          client,
          fiSlug: fiSlug ?? '',
          acr: String(ctx.oidc.session?.acr ?? 'eidas1'),
          scopes: String(ctx.oidc.params?.['scope'] ?? 'openid').split(' '),
          needsConsentRecord: false,
        });
      })().catch((error: unknown) =>
        this.logger.error({ reason: (error as Error).message }, 'silent login could not be recorded'),
      );
    });
  }

  @Get(':uid')
  async show(
    @Param('uid') uid: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.guard(res, uid, async () => {
      const interaction = await this.details(req, res, uid);
      const client = await this.client(interaction);
      const acr = requestedAcr(interaction.params['acr_values']);
      const csrf = this.csrf.issue(uid);
      const sessionAcr = interaction.session?.['acr'] as string | undefined;

      // SSO: a session whose level satisfies the request skips the FI; otherwise the citizen chooses one.
      if (
        interaction.prompt.name === 'login' ||
        !acrSatisfies(sessionAcr, acr)
      ) {
        const choices = await this.identityProviders.choicesFor(client, acr);
        this.send(
          res,
          200,
          renderIdentityProviderChoicePage({
            uid,
            csrf,
            serviceName: String(client['client_name']),
            acr,
            choices,
          }),
        );
        return;
      }

      const fiSlug = (await this.fiSlugOf(req)) ?? '';
      this.events.emit({
        type: 'consent_shown',
        outcome: 'success',
        clientId: client.client_id,
        fiSlug,
        acr: sessionAcr,
      });
      await this.sendConsentPage(res, uid, interaction, client, fiSlug, false);
    });
  }

  /** The information/consent page (again with an error when the data consent box was not ticked). */
  private async sendConsentPage(
    res: Response,
    uid: string,
    interaction: Interaction,
    client: Awaited<ReturnType<InteractionController['client']>>,
    fiSlug: string,
    dataConsentMissing: boolean,
  ): Promise<void> {
    const accountId = interaction.session?.accountId as string;
    const identity = await this.accounts.find(accountId);
    if (!identity) throw new InteractionExpiredError();
    const scopes = String(interaction.params['scope'] ?? '').split(' ');
    const identityProviderName =
      (await this.identityProviders.nameOf(fiSlug)) ?? 'votre compte';
    this.send(
      res,
      dataConsentMissing ? 400 : 200,
      renderConsentPage({
        uid,
        csrf: this.csrf.issue(uid),
        serviceName: String(client['client_name']),
        identityProviderName,
        claims: claimsForScopes(scopes),
        identity,
        dataScopes: await this.dataScopes.describe(scopes),
        dataConsentMissing,
      }),
    );
  }

  @Post(':uid/identity-provider')
  async chooseIdentityProvider(
    @Param('uid') uid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.guard(res, uid, async () => {
      await this.checkCsrf(uid, body['csrf']);
      const interaction = await this.details(req, res, uid);
      const client = await this.client(interaction);
      const acr = requestedAcr(interaction.params['acr_values']);
      const fiSlug = typeof body['fi'] === 'string' ? body['fi'] : '';
      if (!(await this.identityProviders.isAllowed(client, acr, fiSlug))) {
        this.events.emit({
          type: 'fi_chosen',
          outcome: 'failure',
          clientId: client.client_id,
          fiSlug: fiSlug.slice(0, 64),
          acr,
          errorCode: 'Y000003',
        });
        throw new IdentityProviderNotAllowedError();
      }
      const scope = String(interaction.params['scope'] ?? '').split(' ');
      const reference = await this.loginRequests.put({
        interactionUid: uid,
        fiSlug,
        acr,
        scope,
      });
      this.events.emit({
        type: 'fi_chosen',
        outcome: 'success',
        clientId: client.client_id,
        fiSlug,
        acr,
      });
      res.redirect(
        303,
        `${this.options.gatewayPublicUrl}/fi/${encodeURIComponent(fiSlug)}/login?request=${reference}`,
      );
    });
  }

  /** Back from the FI gateway with the reference of a one-time identity hand-off. */
  @Get(':uid/identity')
  async identityReturned(
    @Param('uid') uid: string,
    @Query('handoff') reference: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.guard(res, uid, async () => {
      const interaction = await this.details(req, res, uid);
      const client = await this.client(interaction);
      const acr = requestedAcr(interaction.params['acr_values']);
      const handoff =
        typeof reference === 'string'
          ? await this.handoffs.take(reference)
          : undefined;
      // Bound to this interaction: a hand-off replayed or carried into another browser is refused.
      if (!handoff || handoff.interactionUid !== uid)
        throw new HandoffInvalidError();
      if (handoff.outcome === 'failure') {
        this.events.emit({
          type: 'fi_returned',
          outcome: 'failure',
          clientId: client.client_id,
          fiSlug: handoff.fiSlug,
          acr,
          errorCode: handoff.error,
        });
        throw errorFromGatewayCode(handoff.error);
      }
      this.events.emit({
        type: 'fi_returned',
        outcome: 'success',
        clientId: client.client_id,
        fiSlug: handoff.fiSlug,
        acr: handoff.acr,
      });
      if (!acrSatisfies(handoff.acr, acr)) {
        this.events.emit({
          type: 'identity_verified',
          outcome: 'failure',
          clientId: client.client_id,
          fiSlug: handoff.fiSlug,
          acr: handoff.acr,
          errorCode: 'Y000004',
        });
        throw new AcrTooLowError();
      }
      const validation = validatePivotIdentity(handoff.identity);
      if (!validation.valid) {
        this.events.emit({
          type: 'identity_verified',
          outcome: 'failure',
          clientId: client.client_id,
          fiSlug: handoff.fiSlug,
          acr: handoff.acr,
          errorCode: 'Y000005',
        });
        throw new InvalidIdentityError();
      }
      const accountId = identityKey(
        validation.identity,
        this.options.identityHashSecret,
      );
      if (await this.isBlockedByCitizen(accountId, handoff.fiSlug)) {
        this.events.emit({
          type: 'identity_verified',
          outcome: 'failure',
          clientId: client.client_id,
          fiSlug: handoff.fiSlug,
          acr: handoff.acr,
          errorCode: 'Y000011',
        });
        throw new IdentityProviderBlockedError(this.consentService?.dashboardUrl ?? '');
      }
      await this.accounts.save(accountId, validation.identity);
      this.events.emit({
        type: 'identity_verified',
        outcome: 'success',
        clientId: client.client_id,
        fiSlug: handoff.fiSlug,
        acr: handoff.acr,
      });
      res.cookie(FI_SESSION_COOKIE, handoff.fiSessionRef, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.options.publicUrl.startsWith('https:'),
        path: '/',
        maxAge: this.options.sessionTtlSeconds * 1000,
      });
      await this.provider.interactionFinished(
        req,
        res,
        {
          login: {
            accountId,
            acr: handoff.acr,
            amr: handoff.amr,
            remember: true,
          },
        },
        { mergeWithLastSubmission: false },
      );
    });
  }

  @Post(':uid/consent')
  async consent(
    @Param('uid') uid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.guard(res, uid, async () => {
      await this.checkCsrf(uid, body['csrf']);
      const interaction = await this.details(req, res, uid);
      if (
        interaction.prompt.name !== 'consent' ||
        !interaction.session?.accountId
      )
        throw new InteractionExpiredError();
      const client = await this.client(interaction);
      const scopes = String(interaction.params['scope'] ?? 'openid').split(' ');
      const dataScopes = scopes.filter((scope) => this.dataScopes.isDataScope(scope));
      // Data provider scopes need an explicit action: the box ticked on this very page.
      if (dataScopes.length > 0 && body['data_consent'] !== 'yes') {
        await this.sendConsentPage(res, uid, interaction, client, (await this.fiSlugOf(req)) ?? '', true);
        return;
      }
      const grant = interaction.grantId
        ? await this.provider.Grant.find(interaction.grantId)
        : new this.provider.Grant({
            accountId: interaction.session.accountId,
            clientId: client.client_id,
          });
      if (!grant) throw new InteractionExpiredError();
      grant.addOIDCScope(String(interaction.params['scope'] ?? 'openid'));
      const grantId = await grant.save();
      const fiSlug = await this.fiSlugOf(req);
      await this.recordLogin({
        grantId,
        accountId: interaction.session.accountId,
        client,
        fiSlug: fiSlug ?? '',
        acr: String(interaction.session['acr'] ?? 'eidas1'),
        scopes,
        needsConsentRecord: dataScopes.length > 0,
      });
      this.events.emit({
        type: 'redirected_to_fs',
        outcome: 'success',
        clientId: client.client_id,
        fiSlug,
        acr: interaction.session['acr'],
      });
      await this.provider.interactionFinished(
        req,
        res,
        { consent: { grantId }, dataConsent: { scopes: dataScopes } },
        { mergeWithLastSubmission: true },
      );
    });
  }

  /** The citizen gives up (or cannot go on): the FS gets a standard `access_denied`. */
  @Post(':uid/abort')
  async abort(
    @Param('uid') uid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.guard(res, uid, async () => {
      await this.checkCsrf(uid, body['csrf']);
      await this.details(req, res, uid);
      await this.provider.interactionFinished(
        req,
        res,
        {
          error: 'access_denied',
          error_description:
            typeof body['reason'] === 'string' &&
            /^Y\d{6}$/.test(body['reason'])
              ? `citizen did not complete the login (${body['reason']})`
              : 'citizen cancelled the login',
        },
        { mergeWithLastSubmission: false },
      );
    });
  }

  /** The citizen's key at the consent service: their `sub` in the dashboard's sector. */
  private citizenKey(accountId: string): string {
    return pairwiseSubject(
      accountId,
      (this.consentService as ConsentClient).dashboardEntityId,
      this.options.identityHashSecret,
    );
  }

  /** Fails closed: if the consent service cannot say, the login does not go on. */
  private async isBlockedByCitizen(accountId: string, fiSlug: string): Promise<boolean> {
    if (!this.consentService) return false;
    try {
      return await this.consentService.isBlocked(this.citizenKey(accountId), fiSlug);
    } catch (error) {
      if (!(error instanceof ConsentServiceError)) throw error;
      this.logger.error({ reason: error.message }, 'identity provider block check failed');
      throw new ServiceUnavailableError();
    }
  }

  /**
   * Records the connection for the citizen's dashboard, and the consents to data provider scopes.
   * Without a recorded consent no data provider would answer, so that failure stops the login;
   * a connection that could not be recorded only leaves a gap in the history.
   */
  private async recordLogin(input: {
    grantId: string;
    accountId: string;
    client: Awaited<ReturnType<InteractionController['client']>>;
    fiSlug: string;
    acr: string;
    scopes: string[];
    needsConsentRecord: boolean;
  }): Promise<void> {
    if (!this.consentService) return;
    try {
      await this.consentService.recordLogin({
        grantId: input.grantId,
        citizenKey: this.citizenKey(input.accountId),
        clientId: input.client.client_id,
        clientName: String(input.client['client_name']),
        identityProviderSlug: input.fiSlug || 'inconnu',
        identityProviderName: (await this.identityProviders.nameOf(input.fiSlug)) ?? 'Compte inconnu',
        acr: input.acr,
        scopes: input.scopes,
        consentTtlSeconds: this.options.sessionTtlSeconds,
      });
    } catch (error) {
      if (!(error instanceof ConsentServiceError)) throw error;
      this.logger.error({ reason: error.message }, 'login could not be recorded at the consent service');
      if (input.needsConsentRecord) throw new ServiceUnavailableError();
    }
  }

  private async details(
    req: Request,
    res: Response,
    uid: string,
  ): Promise<Interaction> {
    try {
      const interaction = await this.provider.interactionDetails(req, res);
      if (interaction.uid !== uid) throw new InteractionExpiredError();
      return interaction;
    } catch (error) {
      if (error instanceof CoreError) throw error;
      if (isRedisFailure(error)) throw new ServiceUnavailableError();
      throw new InteractionExpiredError();
    }
  }

  private async client(interaction: Interaction) {
    const client = await this.provider.Client.find(
      String(interaction.params['client_id']),
    );
    if (!client) throw new InteractionExpiredError();
    return clientMetadata(client);
  }

  /** The FI of the citizen's session, from the gateway's FI session our cookie points to. */
  private async fiSlugOf(req: Request): Promise<string | undefined> {
    const reference = readCookie(req, FI_SESSION_COOKIE);
    return reference
      ? (await this.fiSessions.peek(reference))?.fiSlug
      : undefined;
  }

  private async checkCsrf(uid: string, token: unknown): Promise<void> {
    if (!this.csrf.verify(uid, token)) throw new CsrfError();
  }

  private send(res: Response, status: number, body: string): void {
    res
      .status(status)
      .type('html')
      .setHeader('cache-control', 'no-store')
      .send(body);
  }

  /** Every failure becomes a French page with its catalogue code; a citizen never sees a stack trace. */
  private async guard(
    res: Response,
    uid: string,
    action: () => Promise<void>,
  ): Promise<void> {
    try {
      await action();
    } catch (error) {
      const coreError =
        error instanceof CoreError
          ? error
          : isRedisFailure(error)
            ? new ServiceUnavailableError()
            : undefined;
      if (!coreError) throw error;
      const csrf = coreError.returnToServiceProvider
        ? this.csrf.issue(uid)
        : undefined;
      if (res.headersSent) return;
      this.send(
        res,
        coreError.status,
        renderCoreError(coreError, csrf ? { uid, csrf } : undefined),
      );
    }
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function isRedisFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /Stream isn't writeable|enableOfflineQueue|Connection is closed|ECONNREFUSED|MaxRetriesPerRequest|Redis/i.test(
    message,
  );
}

