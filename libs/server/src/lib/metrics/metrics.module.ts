import { timingSafeEqual } from 'node:crypto';
import {
  Controller,
  DynamicModule,
  Get,
  Headers,
  Inject,
  Module,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { HttpMetrics } from './http-metrics';

export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');

export interface MetricsModuleOptions {
  service: string;
  /** Bearer token GET /metrics requires; unset: open (development). */
  token?: string;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

@Controller('metrics')
class MetricsController {
  constructor(
    private readonly metrics: HttpMetrics,
    @Inject(METRICS_OPTIONS) private readonly options: MetricsModuleOptions,
  ) {}

  /** Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (this.options.token) {
      const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, this.options.token)) {
        // Answered here, not through the app's exception filters (the core renders HTML error pages).
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        res.status(401).type('text/plain').send('Unauthorized');
        return;
      }
    }
    const body = await this.metrics.metrics();
    res.setHeader('Cache-Control', 'no-store');
    // res.end: Express's send would rewrite the exposition content type.
    res.status(200).setHeader('Content-Type', this.metrics.contentType);
    res.end(body);
  }
}

/**
 * `GET /metrics` of a service (same port, outside any global prefix like /health) and its
 * `HttpMetrics` registry, global so that other modules add their metrics to it. The HTTP
 * middleware is installed by `bootstrapService` (or `useHttpMetrics` in tests), before any mount.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: METRICS_OPTIONS, useValue: options },
        {
          provide: HttpMetrics,
          useFactory: () => new HttpMetrics(),
        },
      ],
      exports: [HttpMetrics],
    };
  }
}
