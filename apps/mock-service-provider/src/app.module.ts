import { DynamicModule, Module } from '@nestjs/common';
import { MockFsModule, mockFsOptionsFromConfig } from '@federation/mock-fs';
import { HealthModule, MetricsModule, createLoggerModule } from '@federation/server';
import type { MockServiceProviderConfig } from './config/mock-service-provider.config';

/** Mock service provider: two demo services (FS) signing citizens in through the core. */
@Module({})
export class AppModule {
  static register(config: MockServiceProviderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('mock-service-provider', config),
        MockFsModule.register(mockFsOptionsFromConfig(config)),
        // No dependency is reported: the mock works (and says so on its pages) while the core is down.
        HealthModule.forRoot([]),
        MetricsModule.forRoot({ service: 'mock-service-provider', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
