import {
  urlencoded,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { InvalidFormException } from '../exceptions/dashboard.exceptions';
import { renderDashboardError } from '../pages/layout';

/**
 * Every dashboard response holds personal data or a session step: never stored by a cache, never
 * framed (the forms are one click), no script, no referrer.
 */
export function dashboardPageHeaders(
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  res.set({
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy':
      "default-src 'self'; img-src 'self' data:; font-src 'self' data:; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  });
  next();
}

const parseUrlencoded = urlencoded({
  extended: false,
  limit: '16kb',
  parameterLimit: 10,
});

/**
 * Reads the dashboard's form bodies whatever the app's own body parsers (a body already read is
 * left alone). A malformed or oversized body gets the French page, not Nest's 500.
 */
export function readDashboardForm(
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (req.method !== 'POST') {
    next();
    return;
  }
  parseUrlencoded(req, res, (error?: unknown) => {
    if (error) {
      const failure = new InvalidFormException();
      res
        .status(failure.status)
        .type('html')
        .send(renderDashboardError(failure));
      return;
    }
    next();
  });
}
