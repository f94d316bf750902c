import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import { UnsupportedMediaTypeError } from './partners.errors';

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Bodies are JSON only. Express also parses HTML forms, and a cross-site form needs no preflight:
 * without this check a third-party page could post a login or a signup in the user's browser.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (
      BODYLESS_METHODS.has(request.method) ||
      request.headers['content-type'] === undefined
    )
      return true;
    if (request.is('application/json') === false)
      throw new UnsupportedMediaTypeError();
    return true;
  }
}

/** Controllers whose request bodies, if any, are `application/json` (415 otherwise). */
export function JsonOnly() {
  return applyDecorators(
    UseGuards(JsonBodyGuard),
    ApiConsumes('application/json'),
  );
}
