import { CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, UseGuards, applyDecorators } from '@nestjs/common';
import { ApiCookieAuth, ApiSecurity } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Repository } from 'typeorm';
import { AccountEntity } from '@federation/partners-data';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { CsrfTokenError, NotAuthenticatedError, PlatformAdminOnlyError } from './partners.errors';
import { SessionStore, type OpenSession } from './session.store';

/** What an authenticated request carries once the guard let it through. */
export interface AuthenticatedContext {
  session: OpenSession;
  account: AccountEntity;
}

type RequestWithAuth = Request & { partnersAuth?: AuthenticatedContext };

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

/**
 * A signed-in account with a verified e-mail address, and on state-changing calls the session's
 * CSRF token in the `X-CSRF-Token` header (a cross-site form can neither read nor send it).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionStore,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithAuth>();
    const session = await this.sessions.find(readCookie(request, this.options.session.cookieName));
    if (!session || session.stage !== 'authenticated') throw new NotAuthenticatedError();
    if (!SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], session.csrfToken)) throw new CsrfTokenError();
    const account = await this.accounts.findOneBy({ id: session.accountId });
    if (!account || !account.emailVerifiedAt) {
      await this.sessions.destroy(session.token, session.accountId);
      throw new NotAuthenticatedError();
    }
    request.partnersAuth = { session, account };
    return true;
  }
}

@Injectable()
export class PlatformAdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const auth = context.switchToHttp().getRequest<RequestWithAuth>().partnersAuth;
    if (!auth?.account.isPlatformAdmin) throw new PlatformAdminOnlyError();
    return true;
  }
}

function sameToken(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** Endpoint for signed-in members (any organisation; the services check which). */
export function Authenticated() {
  return applyDecorators(UseGuards(SessionGuard), ApiCookieAuth('session'), ApiSecurity('csrf'));
}

/** Endpoint for platform admins (instruction, moderation, vendors, audit log). */
export function PlatformAdmin() {
  return applyDecorators(UseGuards(SessionGuard, PlatformAdminGuard), ApiCookieAuth('session'), ApiSecurity('csrf'));
}

export const CurrentAuth = createParamDecorator((_: unknown, context: ExecutionContext): AuthenticatedContext => {
  const auth = context.switchToHttp().getRequest<RequestWithAuth>().partnersAuth;
  if (!auth) throw new NotAuthenticatedError();
  return auth;
});

/** The caller's IP (behind a proxy: Express' `trust proxy` decides). */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<Request>();
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
});
