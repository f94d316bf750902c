import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  consentIdSchema,
  dashboardFormSchema,
  identityProviderSlugSchema,
} from '../dto/dashboard-form.dto';
import { DashboardPageFilter } from '../exceptions/dashboard-page.filter';
import {
  ConsentNotFoundException,
  FormExpiredException,
  IdentityProviderNotFoundException,
} from '../exceptions/dashboard.exceptions';
import { renderDashboardPage } from '../pages/dashboard.page';
import { renderHomePage } from '../pages/home.page';
import { CitizenLoginService } from '../services/citizen-login.service';
import { DashboardService } from '../services/dashboard.service';
import {
  csrfMatches,
  DashboardSessionCookie,
  type DashboardNotice,
  type SignedIn,
} from '../session/dashboard-session';

const DASHBOARD_PATH = '/tableau-de-bord';

/**
 * The citizen's pages: presentation, dashboard, and its forms. Each form is a POST carrying the
 * session's CSRF token, answered by a 303 to the dashboard with a notice shown once.
 */
@Controller()
@UseFilters(DashboardPageFilter)
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly login: CitizenLoginService,
    private readonly session: DashboardSessionCookie,
  ) {}

  /** Presentation and the way in; also where the core sends the browser back after logout. */
  @Get()
  home(@Req() req: Request, @Res() res: Response): void {
    const session = this.session.read(req);
    let loggedOut = false;
    if (session?.step === 'logout') {
      loggedOut = req.query['state'] === session.state;
      this.session.clear(res);
    }
    res
      .type('html')
      .send(
        renderHomePage({ signedIn: session?.step === 'signed-in', loggedOut }),
      );
  }

  @Get('tableau-de-bord')
  async showDashboard(
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = this.signedIn(req);
    if (!session) {
      res.redirect(302, '/');
      return;
    }
    const now = new Date();
    const overview = await this.dashboard.overview(session.citizenKey, now);
    if (session.notice)
      this.session.update(req, res, { ...session, notice: undefined });
    res.type('html').send(
      renderDashboardPage({
        givenName: session.givenName,
        csrf: session.csrf,
        notice: session.notice,
        overview,
        now,
      }),
    );
  }

  @Post('autorisations/:id/retrait')
  async revokeConsent(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.handleForm(req, res, body, (session) => {
      const consentId = consentIdSchema.safeParse(id);
      if (!consentId.success) throw new ConsentNotFoundException();
      return this.dashboard.revokeConsent(session.citizenKey, consentId.data);
    });
  }

  @Post('comptes/:slug/blocage')
  async blockIdentityProvider(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.handleForm(req, res, body, (session) =>
      this.dashboard.blockIdentityProvider(
        session.citizenKey,
        this.knownSlugFormat(slug),
      ),
    );
  }

  @Post('comptes/:slug/deblocage')
  async unblockIdentityProvider(
    @Param('slug') slug: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.handleForm(req, res, body, (session) =>
      this.dashboard.unblockIdentityProvider(
        session.citizenKey,
        this.knownSlugFormat(slug),
      ),
    );
  }

  /** Ends the dashboard session here, then at the core (which sends the browser back to `/`). */
  @Post('deconnexion')
  async logout(
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const session = this.signedIn(req);
    if (!session) {
      res.redirect(303, '/');
      return;
    }
    this.checkCsrf(session, body);
    try {
      const { redirectTo, pending } = await this.login.startLogout(session);
      this.session.write(res, pending);
      res.redirect(303, redirectTo);
    } catch (failure) {
      this.session.clear(res);
      throw failure;
    }
  }

  /** Without a session, nothing is changed and the citizen goes back to the presentation. */
  private async handleForm(
    req: Request,
    res: Response,
    body: unknown,
    action: (session: SignedIn) => Promise<DashboardNotice>,
  ): Promise<void> {
    const session = this.signedIn(req);
    if (!session) {
      res.redirect(303, '/');
      return;
    }
    this.checkCsrf(session, body);
    const notice = await action(session);
    this.session.update(req, res, { ...session, notice });
    res.redirect(303, DASHBOARD_PATH);
  }

  private checkCsrf(session: SignedIn, body: unknown): void {
    const form = dashboardFormSchema.safeParse(body ?? {});
    if (!form.success || !csrfMatches(session, form.data.csrf))
      throw new FormExpiredException();
  }

  private knownSlugFormat(slug: string): string {
    const parsed = identityProviderSlugSchema.safeParse(slug);
    if (!parsed.success) throw new IdentityProviderNotFoundException();
    return parsed.data;
  }

  private signedIn(req: Request): SignedIn | undefined {
    const session = this.session.read(req);
    return session?.step === 'signed-in' ? session : undefined;
  }
}
