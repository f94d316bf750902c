import {
  BadRequestException,
  Body,
  CanActivate,
  Controller,
  ExecutionContext,
  HttpCode,
  Inject,
  Injectable,
  Post,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from '@federation/config';
import type { Request } from 'express';
import { CitizenRecordsService } from '../records/citizen-records.service';
import { LoginRecordsService } from '../records/login-records.service';
import { CONSENT_SERVICE_OPTIONS, type ConsentServiceOptions } from '../consent-service.options';

/** Only the core calls /internal (shared bearer token, compared in constant time). */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(CONSENT_SERVICE_OPTIONS) options: ConsentServiceOptions) {
    this.expected = createHash('sha256').update(options.internalToken).digest();
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const presented = createHash('sha256').update(header.startsWith('Bearer ') ? header.slice(7) : '').digest();
    if (!timingSafeEqual(presented, this.expected)) throw new UnauthorizedException();
    return true;
  }
}

const citizenKey = z.string().regex(/^[A-Za-z0-9_-]{16,80}$/);
const slug = z.string().regex(/^[a-z0-9-]{1,64}$/);

const loginSchema = z.object({
  grantId: z.string().min(1).max(128),
  citizenKey,
  clientId: z.string().min(1).max(128),
  clientName: z.string().min(1).max(200),
  identityProviderSlug: slug,
  identityProviderName: z.string().min(1).max(200),
  acr: z.enum(['eidas1', 'eidas2', 'eidas3']),
  scopes: z.array(z.string().max(64)).max(100),
  consentTtlSeconds: z.number().int().min(60).max(90 * 24 * 3600),
});

const blockCheckSchema = z.object({ citizenKey, identityProviderSlug: slug });

function parse<T extends z.ZodTypeAny>(schema: T, body: unknown): z.output<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new BadRequestException({
      error: 'invalid_request',
      fields: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    });
  return parsed.data;
}

/** What the core tells (and asks) the consent service during a citizen's login. */
@Controller('internal')
@UseGuards(InternalTokenGuard)
export class InternalController {
  constructor(
    @Inject(LoginRecordsService) private readonly logins: LoginRecordsService,
    @Inject(CitizenRecordsService) private readonly records: CitizenRecordsService,
  ) {}

  /** The citizen goes back to a service: their connection, and their consents to data provider scopes. */
  @Post('logins')
  @HttpCode(201)
  async recordLogin(@Body() body: unknown) {
    return { consents: await this.logins.record(parse(loginSchema, body)) };
  }

  /** Whether the citizen blocked this identity provider for their identity. */
  @Post('identity-provider-blocks/check')
  @HttpCode(200)
  async checkBlock(@Body() body: unknown) {
    const { citizenKey: key, identityProviderSlug } = parse(blockCheckSchema, body);
    return { blocked: await this.records.isBlocked(key, identityProviderSlug) };
  }
}
