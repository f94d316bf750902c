import { DynamicModule, Module } from '@nestjs/common';
import type { MockDataProviderConfig } from './config/mock-data-provider.config';
import { HealthModule, MetricsModule, createLoggerModule } from '@federation/server';

/** Mock data provider (demo FD). */
@Module({})
export class AppModule {
  static register(config: MockDataProviderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('mock-data-provider', config),
        HealthModule.forRoot([]),
        MetricsModule.forRoot({ service: 'mock-data-provider', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
