import { Controller, Get, Header, Query, Req, Res, UseFilters, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { DemoService } from '../demo-service';
import { loginQuerySchema } from '../dto/login-query.dto';
import { DemoServicePageFilter } from '../exceptions/demo-service-page.filter';
import {
  AuthorizationErrorException,
  InvalidLoginRequestException,
  LoginRequestNotFoundException,
  LogoutNotConfirmedException,
} from '../exceptions/mock-fs.exception';
import { renderDataPage } from '../pages/data.page';
import { renderHomePage } from '../pages/home.page';
import { renderLoggedOutPage } from '../pages/logged-out.page';

/**
 * The routes of one demo service under its path (`/` or `/autre-service`): home, login and its
 * callback, logout and its callback, « Récupérer mes données » and « Mes données ». Both services
 * share this code; each gets its own class, bound to its own client and cookie, so that Nest can
 * mount it under its own prefix.
 */
export function createDemoServiceController(service: DemoService, otherService: DemoService): Type<unknown> {
  const { definition, paths } = service;

  @Controller(paths.home.slice(1))
  @UseFilters(new DemoServicePageFilter(service))
  class DemoServiceController {
    /** The login form, or what the federation sent about the signed-in citizen. */
    @Get()
    @Header('Content-Type', 'text/html; charset=utf-8')
    @Header('Cache-Control', 'no-store')
    home(@Req() req: Request): string {
      const session = service.session.read(req);
      return renderHomePage({
        service: definition,
        paths,
        otherService: { name: otherService.definition.name, home: otherService.paths.home },
        scope: service.scope,
        dataScope: service.dataScope,
        session: session?.step === 'signed-in' ? session : undefined,
      });
    }

    /** Sends the browser to the core's authorization endpoint. */
    @Get('login')
    async login(@Query() query: unknown, @Res() res: Response): Promise<void> {
      const parsed = loginQuerySchema.safeParse(query ?? {});
      if (!parsed.success) throw new InvalidLoginRequestException();
      const { redirectTo, pending } = await service.startLogin(parsed.data.acr);
      service.session.write(res, pending);
      res.set('Cache-Control', 'no-store').redirect(302, redirectTo);
    }

    /** « Récupérer mes données »: an authorization asking for the data scopes, back to the same callback. */
    @Get('data/authorize')
    async dataRequest(@Res() res: Response): Promise<void> {
      const { redirectTo, pending } = await service.startLogin('eidas1', 'data');
      service.session.write(res, pending);
      res.set('Cache-Control', 'no-store').redirect(302, redirectTo);
    }

    /** « Mes données »: calls the data provider with the stored access token, each time the page is opened. */
    @Get('data')
    @Header('Content-Type', 'text/html; charset=utf-8')
    @Header('Cache-Control', 'no-store')
    async data(@Req() req: Request): Promise<string> {
      const session = service.session.read(req);
      const accessToken = session?.step === 'signed-in' ? session.accessToken : undefined;
      const outcome = session?.step === 'signed-in' && accessToken ? await service.fetchData({ ...session, accessToken }) : undefined;
      return renderDataPage({ service: definition, paths, endpoint: service.dataProviderEndpoint, outcome });
    }

    /** Where the core sends the browser back, with a code or an error. */
    @Get('login-callback')
    async loginCallback(@Req() req: Request, @Res() res: Response): Promise<void> {
      const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
      const session = service.session.read(req);
      const pending = session?.step === 'login' && session.state === query.get('state') ? session : undefined;

      const error = query.get('error');
      if (error) {
        if (pending) service.session.clear(res);
        throw new AuthorizationErrorException(error, query.get('error_description') ?? undefined);
      }
      if (!pending) throw new LoginRequestNotFoundException();

      try {
        service.session.write(res, await service.completeLogin(query, pending));
      } catch (failure) {
        // A state and a code are single-use: a failed attempt starts again from the home page.
        service.session.clear(res);
        throw failure;
      }
      res.set('Cache-Control', 'no-store').redirect(302, pending.purpose === 'data' ? paths.data : paths.home);
    }

    /** Sends the browser to the core's end_session endpoint (RP-initiated logout). */
    @Get('logout')
    async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
      const session = service.session.read(req);
      if (session?.step !== 'signed-in') {
        res.redirect(302, paths.home);
        return;
      }
      const { redirectTo, pending } = await service.startLogout(session);
      service.session.write(res, pending);
      res.set('Cache-Control', 'no-store').redirect(302, redirectTo);
    }

    /** Where the core sends the browser back once the federation session has ended. */
    @Get('logout-callback')
    logoutCallback(@Req() req: Request, @Res() res: Response): void {
      const session = service.session.read(req);
      service.session.clear(res);
      if (session?.step !== 'logout' || session.state !== req.query['state']) throw new LogoutNotConfirmedException();
      res.status(200).set('Cache-Control', 'no-store').type('html').send(renderLoggedOutPage(definition, paths));
    }
  }

  Object.defineProperty(DemoServiceController, 'name', { value: `DemoServiceController(${definition.id})` });
  return DemoServiceController;
}
