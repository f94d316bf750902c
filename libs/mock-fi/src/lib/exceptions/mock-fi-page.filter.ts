import {
  ArgumentsHost,
  Catch,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { renderMockFiErrorPage } from '../pages/layout';
import {
  MockFiException,
  UnexpectedMockFiException,
} from './mock-fi.exception';

/** Renders every failure of the mock FI pages as a French DSFR error page. */
@Catch()
export class MockFiPageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(MockFiPageExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const failure = this.toMockFiException(exception);
    if (failure instanceof UnexpectedMockFiException) {
      this.logger.error(
        exception instanceof Error
          ? (exception.stack ?? exception.message)
          : String(exception),
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response
      .status(failure.status)
      .type('html')
      .send(
        renderMockFiErrorPage({
          code: failure.code,
          title: failure.title,
          message: failure.userMessage,
        }),
      );
  }

  private toMockFiException(exception: unknown): MockFiException {
    return exception instanceof MockFiException
      ? exception
      : new UnexpectedMockFiException();
  }
}
