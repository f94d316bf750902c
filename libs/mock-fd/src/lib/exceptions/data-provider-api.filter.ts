import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { MockFdException, UnexpectedMockFdException } from './mock-fd.exception';

/** Every failure of the data endpoints leaves as French JSON, with the RFC 6750 challenge for 401 and 403. */
@Catch()
export class DataProviderApiFilter implements ExceptionFilter {
  private readonly logger = new Logger('MockFd');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const failure = exception instanceof MockFdException ? exception : new UnexpectedMockFdException();
    if (failure instanceof UnexpectedMockFdException) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const challenge = failure.wwwAuthenticate();
    if (challenge) res.set('WWW-Authenticate', challenge);
    res.status(failure.status).set('Cache-Control', 'no-store').json(failure.toBody());
  }
}
