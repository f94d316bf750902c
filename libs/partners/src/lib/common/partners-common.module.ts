import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecretBox } from '@federation/oidc';
import { PARTNERS_ENTITIES } from '@federation/partners-data';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { ApiExceptionFilter } from './api-exception.filter';
import { AuditLog } from './audit-log';
import { JsonBodyGuard } from './json-body.guard';
import { MailOutbox } from './mail-outbox';
import { RateLimiter } from './rate-limiter';
import { PlatformAdminGuard, SessionGuard } from './session.guard';
import { SessionStore } from './session.store';
import { createValidationPipe } from './validation';

/** What every partners feature shares: options, repositories, sessions, rate limits, outbox, audit log, error format. */
@Global()
@Module({})
export class PartnersCommonModule {
  static register(options: PartnersOptions): DynamicModule {
    return {
      module: PartnersCommonModule,
      imports: [TypeOrmModule.forFeature(PARTNERS_ENTITIES)],
      providers: [
        { provide: PARTNERS_OPTIONS, useValue: options },
        { provide: SecretBox, useFactory: () => new SecretBox(options.secretsEncryptionKey) },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Bodies are JSON only, everywhere: a cross-site HTML form cannot reach any endpoint.
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        SessionStore,
        SessionGuard,
        PlatformAdminGuard,
        RateLimiter,
        MailOutbox,
        AuditLog,
      ],
      exports: [TypeOrmModule, PARTNERS_OPTIONS, SecretBox, SessionStore, SessionGuard, PlatformAdminGuard, RateLimiter, MailOutbox, AuditLog],
    };
  }
}
