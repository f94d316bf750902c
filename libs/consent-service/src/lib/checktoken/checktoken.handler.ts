import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { CheckTokenService } from './checktoken.service';
import { DataProviderAuthentication, InvalidClientError } from './data-provider-authentication';

export const CHECKTOKEN_PATH = '/api/checktoken';
export const INTROSPECTION_JWT_CONTENT_TYPE = 'application/token-introspection+jwt';

/**
 * `POST /api/checktoken` as a plain Express handler (it is the hot path: no Nest pipes or
 * interceptors). Errors follow RFC 6749 / 7662: 401 `invalid_client`, 400 `invalid_request`.
 */
export function createCheckTokenHandler(authentication: DataProviderAuthentication, service: CheckTokenService) {
  const logger = new Logger('CheckToken');
  const error = (res: Response, status: number, code: string, description: string) => {
    res.status(status).setHeader('cache-control', 'no-store');
    if (status === 401) res.setHeader('www-authenticate', 'Basic realm="checktoken"');
    res.json({ error: code, error_description: description });
  };

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      error(res, 405, 'invalid_request', 'checktoken accepts POST only');
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!req.is('application/x-www-form-urlencoded') && !req.is('application/json')) {
      error(res, 400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
      return;
    }
    try {
      const provider = await authentication.authenticate(req.headers.authorization, body);
      const token = body['token'];
      if (typeof token !== 'string' || token.length === 0 || token.length > 512) {
        error(res, 400, 'invalid_request', 'token is required');
        return;
      }
      const result = await service.check(provider, token);
      if (!result.active) logger.log({ dataProvider: provider.row.slug, reason: result.reason }, 'token inactive');
      // end(), not send(): the media type goes out exactly as RFC 9701 names it (no charset).
      res.statusCode = 200;
      res.setHeader('cache-control', 'no-store');
      res.setHeader('content-type', INTROSPECTION_JWT_CONTENT_TYPE);
      res.end(result.body);
    } catch (failure) {
      if (failure instanceof InvalidClientError) {
        logger.warn({ reason: failure.reason }, 'data provider authentication refused');
        error(res, 401, 'invalid_client', 'client authentication failed');
        return;
      }
      next(failure);
    }
  };
}
