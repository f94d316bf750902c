import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { isEidasLevel } from '@federation/identity';
import type { Request, Response } from 'express';
import type { DemoService } from '../demo-service';
import { renderErrorPage } from '../pages/error.page';
import { MockFsException, UnexpectedMockFsException } from './mock-fs.exception';

/** Renders every failure of a demo service's pages as a French DSFR page, with a way to try again. */
@Catch()
export class DemoServicePageFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(private readonly service: DemoService) {
    this.logger = new Logger(`MockFs:${service.definition.id}`);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const failure = exception instanceof MockFsException ? exception : new UnexpectedMockFsException();
    if (failure instanceof UnexpectedMockFsException) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res
      .status(failure.status)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(
        renderErrorPage({
          service: this.service.definition,
          paths: this.service.paths,
          code: failure.code,
          title: failure.title,
          message: failure.userMessage,
          detail: failure.detail,
          retryHref: failure.retryable ? this.retryHref(req) : undefined,
        }),
      );
  }

  /** Back to /login with the level the citizen had chosen, when it is known; back to « Récupérer mes données » for a data request. */
  private retryHref(req: Request): string {
    const fromQuery = req.query['acr'];
    const session = this.service.session.read(req);
    if (req.path === this.service.paths.dataRequest || (session?.step === 'login' && session.purpose === 'data')) {
      return this.service.paths.dataRequest;
    }
    const acr = isEidasLevel(fromQuery) ? fromQuery : session?.step === 'login' ? session.acr : undefined;
    return acr ? `${this.service.paths.login}?acr=${acr}` : this.service.paths.home;
  }
}
