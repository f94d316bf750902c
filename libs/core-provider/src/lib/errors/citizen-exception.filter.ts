import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { NotFoundPageError, ServiceUnavailableError } from './core-errors';
import { renderCoreError } from '../pages/core-pages';

/**
 * Last line of defence of the citizen pages: an unknown URL gets the French 404 page, anything
 * unexpected the French "service unavailable" page with its code, never a stack trace.
 */
@Catch()
export class CitizenExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('CitizenExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const status =
      exception instanceof HttpException ? exception.getStatus() : 500;
    if (status === 404) {
      const error = new NotFoundPageError();
      res.status(404).type('html').send(renderCoreError(error));
      return;
    }
    if (status < 500 && exception instanceof HttpException) {
      res.status(status).json(exception.getResponse());
      return;
    }
    this.logger.error(
      {
        reason:
          exception instanceof Error ? exception.message : String(exception),
      },
      'unexpected error on a citizen page',
    );
    const error = new ServiceUnavailableError();
    res.status(error.status).type('html').send(renderCoreError(error));
  }
}
