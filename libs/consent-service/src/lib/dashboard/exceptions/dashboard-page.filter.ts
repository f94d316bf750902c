import {
  ArgumentsHost,
  Catch,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { renderDashboardError } from '../pages/layout';
import {
  DashboardException,
  UnexpectedDashboardException,
} from './dashboard.exceptions';

/**
 * Renders every failure of the dashboard's routes as a French DSFR page with its code. Unexpected
 * errors are logged by name and code only: a database error message may quote the citizen's key.
 */
@Catch()
export class DashboardPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Dashboard');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const failure =
      exception instanceof DashboardException
        ? exception
        : new UnexpectedDashboardException();
    if (failure instanceof UnexpectedDashboardException) {
      this.logger.error(
        `unexpected error on a dashboard page: ${describe(exception)}`,
      );
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    res
      .status(failure.status)
      .set('Cache-Control', 'no-store')
      .type('html')
      .send(renderDashboardError(failure));
  }
}

function describe(exception: unknown): string {
  if (!(exception instanceof Error)) return typeof exception;
  const code = (exception as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number'
    ? `${exception.name} (${code})`
    : exception.name;
}
