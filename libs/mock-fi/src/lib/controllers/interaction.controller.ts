import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { authenticateTestCitizen } from '../citizen-authentication';
import { loginFormSchema } from '../dto/login-form.dto';
import {
  InteractionNotFoundException,
  InvalidFormTokenException,
  MalformedLoginFormException,
  UnexpectedPromptException,
} from '../exceptions/mock-fi.exception';
import { MockFiPageExceptionFilter } from '../exceptions/mock-fi-page.filter';
import { preselectedAcr } from '../identity-providers';
import { InteractionFormToken } from '../interaction-form-token';
import { MockIdentityProviderRegistry } from '../mock-identity-provider.registry';
import {
  interactionPath,
  type MockIdentityProvider,
} from '../oidc/mock-identity-provider';
import { isSessionNotFound, type OidcInteraction } from '../oidc/oidc-provider';
import { renderLoginPage, type LoginPageModel } from '../pages/login.page';
import { subjectFor } from '../test-citizens';

/**
 * The interactions oidc-provider delegates to us: the login page of each FI, and the consent,
 * granted automatically (the gateway is the only client, and the citizen consents at the core).
 */
@Controller('interaction/:slug/:uid')
@UseFilters(MockFiPageExceptionFilter)
export class InteractionController {
  constructor(
    private readonly registry: MockIdentityProviderRegistry,
    @Inject(InteractionFormToken)
    private readonly formToken: InteractionFormToken,
  ) {}

  @Get()
  async show(
    @Param('slug') slug: string,
    @Param('uid') uid: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fi = this.registry.get(slug);
    const interaction = await this.loadInteraction(fi, uid, req, res);

    switch (interaction.prompt.name) {
      case 'login':
        this.sendLoginPage(res, this.loginPageModel(fi, interaction));
        return;
      case 'consent':
        await this.grantRequestedScopes(fi, interaction, req, res);
        return;
      default:
        throw new UnexpectedPromptException();
    }
  }

  @Post()
  async login(
    @Param('slug') slug: string,
    @Param('uid') uid: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fi = this.registry.get(slug);
    const interaction = await this.loadInteraction(fi, uid, req, res);
    if (interaction.prompt.name !== 'login')
      throw new UnexpectedPromptException();

    const form = loginFormSchema.safeParse(body ?? {});
    if (!form.success) throw new MalformedLoginFormException();
    if (!this.formToken.verify(slug, interaction.uid, form.data.csrf)) {
      throw new InvalidFormTokenException();
    }

    const result = authenticateTestCitizen(form.data, fi.definition.acrValues);
    if (!result.authenticated) {
      this.sendLoginPage(res, {
        ...this.loginPageModel(fi, interaction),
        login: form.data.login,
        selectedAcr: preselectedAcr(fi.definition.acrValues, form.data.acr),
        errors: result.errors,
      });
      return;
    }

    await fi.provider.interactionFinished(
      req,
      res,
      {
        login: {
          accountId: subjectFor(slug, result.citizen.login),
          acr: result.acr,
          amr: ['pwd'],
        },
      },
      { mergeWithLastSubmission: false },
    );
  }

  private async loadInteraction(
    fi: MockIdentityProvider,
    uid: string,
    req: Request,
    res: Response,
  ): Promise<OidcInteraction> {
    let interaction: OidcInteraction;
    try {
      interaction = await fi.provider.interactionDetails(req, res);
    } catch (error) {
      if (isSessionNotFound(error)) throw new InteractionNotFoundException();
      throw error;
    }
    // The cookie names the interaction of this browser; the URL must name the same one.
    if (interaction.uid !== uid) throw new InteractionNotFoundException();
    return interaction;
  }

  private loginPageModel(
    fi: MockIdentityProvider,
    interaction: OidcInteraction,
  ): LoginPageModel {
    const { slug, acrValues } = fi.definition;
    return {
      fi: fi.definition,
      action: interactionPath(slug, interaction.uid),
      csrfToken: this.formToken.issue(slug, interaction.uid),
      selectedAcr: preselectedAcr(acrValues, interaction.params.acr_values),
    };
  }

  private sendLoginPage(res: Response, model: LoginPageModel): void {
    res
      .status(200)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(renderLoginPage(model));
  }

  /** Grants what the gateway asked for (scopes and claims), as the consent prompt requires. */
  private async grantRequestedScopes(
    fi: MockIdentityProvider,
    interaction: OidcInteraction,
    req: Request,
    res: Response,
  ): Promise<void> {
    const { Grant } = fi.provider;
    const accountId = interaction.session?.accountId;
    const clientId = interaction.params.client_id;
    if (!accountId || !clientId) throw new InteractionNotFoundException();

    const grant =
      (interaction.grantId
        ? await Grant.find(interaction.grantId)
        : undefined) ?? new Grant({ accountId, clientId });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } =
      interaction.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(
      missingResourceScopes ?? {},
    )) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();

    await fi.provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }
}
