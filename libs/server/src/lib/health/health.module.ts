import {
  Controller,
  DynamicModule,
  Get,
  Inject,
  Module,
  type Provider,
  type Type,
} from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  TerminusModule,
} from '@nestjs/terminus';
import type { DependencyHealthIndicator } from './health-indicators';

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');

@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(HEALTH_INDICATORS)
    private readonly indicators: DependencyHealthIndicator[],
  ) {}

  /** 200 with the state of each dependency, or 503 naming the one that is down. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check(
      this.indicators.map((indicator) => () => indicator.check()),
    );
  }
}

/**
 * `GET /health` for a service, reporting the dependencies it really uses
 * (e.g. `[DatabaseHealthIndicator, RedisHealthIndicator]`).
 */
@Module({})
export class HealthModule {
  static forRoot(
    indicators: Type<DependencyHealthIndicator>[],
    extraProviders: Provider[] = [],
  ): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        ...indicators,
        ...extraProviders,
        {
          provide: HEALTH_INDICATORS,
          useFactory: (...instances: DependencyHealthIndicator[]) => instances,
          inject: indicators,
        },
      ],
    };
  }
}
