import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DynamicModule,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { ServiceConfig } from '@federation/config';
import { assignRequestId, requestContextMiddleware } from './request-id';

/** Makes the request id available to `currentRequestId()` in every route (jobs produced in a request). */
@Module({})
class RequestContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestContextMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}

/**
 * JSON logs (pino) with a request id carried across services in `x-request-id`.
 * URLs are logged without their query string and credentials are redacted: query strings of an
 * OpenID flow carry codes and tokens, and no personal data or secret may reach the logs.
 */
export function createLoggerModule(
  service: string,
  config: Pick<ServiceConfig, 'LOG_LEVEL'>,
): DynamicModule {
  return {
    module: RequestContextModule,
    imports: [pinoLoggerModule(service, config)],
  };
}

function pinoLoggerModule(
  service: string,
  config: Pick<ServiceConfig, 'LOG_LEVEL'>,
): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      messageKey: 'msg',
      // Kept from an incoming `x-request-id` when sane (≤ 128 of [A-Za-z0-9._-]), else a UUID; echoed.
      genReqId: (req: IncomingMessage, res: ServerResponse) =>
        assignRequestId(req, res),
      autoLogging: {
        ignore: (req: IncomingMessage) =>
          req.url === '/health' || req.url === '/metrics',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.client_secret',
          '*.clientSecret',
        ],
        censor: '[redacted]',
      },
    },
  });
}
