import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  InternalError,
  MalformedRequestError,
  MethodNotAllowedError,
  NotFoundError,
  PartnersError,
  PayloadTooLargeError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
} from './partners.errors';

/**
 * Every error leaves partners-api as an `ApiErrorBody` in French: catalogue errors as they are,
 * framework errors (unknown route, malformed JSON, body too large) mapped to catalogue ones, and
 * anything unexpected as P000000 with the cause in the logs only.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    // Outside the API (/health), answers keep their own shape (terminus: 503 naming the dependency down).
    const path = host.switchToHttp().getRequest<Request>().path;
    if (exception instanceof HttpException && !path.startsWith('/api')) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const error = this.toCatalogueError(exception);
    if (error instanceof TooManyRequestsError) response.setHeader('Retry-After', String(error.retryAfterSeconds));
    response.status(error.getStatus()).json(error.toBody());
  }

  private toCatalogueError(exception: unknown): PartnersError {
    if (exception instanceof PartnersError) return exception;
    const status = exception instanceof HttpException ? exception.getStatus() : bodyParserStatus(exception);
    if (status === 404) return new NotFoundError();
    if (status === 405) return new MethodNotAllowedError();
    if (status === 413) return new PayloadTooLargeError();
    if (status === 415) return new UnsupportedMediaTypeError();
    if (status !== undefined && status >= 400 && status < 500) return new MalformedRequestError();
    this.logger.error(
      { reason: exception instanceof Error ? exception.message : String(exception), stack: exception instanceof Error ? exception.stack : undefined },
      'unexpected error',
    );
    return new InternalError();
  }
}

/** body-parser errors (malformed JSON, too large) carry their status but are not HttpExceptions. */
function bodyParserStatus(exception: unknown): number | undefined {
  if (typeof exception === 'object' && exception !== null && 'status' in exception) {
    const status = (exception as { status: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}
