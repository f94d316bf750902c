import { Controller, Get, Inject, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  DASHBOARD_OPTIONS,
  dashboardUrls,
  type DashboardOptions,
} from '../dashboard.options';
import { DashboardPageFilter } from '../exceptions/dashboard-page.filter';
import {
  AuthorizationErrorException,
  LoginRequestNotFoundException,
} from '../exceptions/dashboard.exceptions';
import { CitizenLoginService } from '../services/citizen-login.service';
import { DashboardSessionCookie } from '../session/dashboard-session';

/** `GET /connexion` and its callback: the citizen logs in to the dashboard through the core. */
@Controller()
@UseFilters(DashboardPageFilter)
export class CitizenLoginController {
  private readonly redirectUri: string;

  constructor(
    private readonly login: CitizenLoginService,
    private readonly session: DashboardSessionCookie,
    @Inject(DASHBOARD_OPTIONS) options: DashboardOptions,
  ) {
    this.redirectUri = dashboardUrls(options.publicUrl).redirectUri;
  }

  /** Sends the browser to the core's authorization endpoint (a signed-in citizen goes straight to the dashboard). */
  @Get('connexion')
  async startLogin(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (this.session.read(req)?.step === 'signed-in') {
      res.redirect(302, '/tableau-de-bord');
      return;
    }
    const { redirectTo, pending } = await this.login.startLogin();
    this.session.write(res, pending);
    res.redirect(302, redirectTo);
  }

  /** Where the core sends the browser back, with a code or an error. */
  @Get('connexion/retour')
  async completeLogin(
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    const session = this.session.read(req);
    const pending =
      session?.step === 'login' && session.state === query.get('state')
        ? session
        : undefined;

    const error = query.get('error');
    if (error) {
      if (pending) this.session.clear(res);
      throw new AuthorizationErrorException(error);
    }
    if (!pending) throw new LoginRequestNotFoundException();

    // The redirect_uri sent to the token endpoint is the registered one: this URL without its query.
    const callbackUrl = new URL(this.redirectUri);
    callbackUrl.search = query.toString();
    try {
      this.session.write(
        res,
        await this.login.completeLogin(callbackUrl, pending),
      );
    } catch (failure) {
      // A state and a code are single-use: a failed attempt starts again from the beginning.
      this.session.clear(res);
      throw failure;
    }
    res.redirect(302, '/tableau-de-bord');
  }
}
