import { DynamicModule, Module } from '@nestjs/common';
import { MockFdModule, mockFdOptionsFromConfig } from '@federation/mock-fd';
import { HealthModule, MetricsModule, createLoggerModule } from '@federation/server';
import type { MockDataProviderConfig } from './config/mock-data-provider.config';

/** Mock data provider: the APIs of three demo FDs (DGFiP, CNAF, MESR), checking tokens at the consent service. */
@Module({})
export class AppModule {
  static register(config: MockDataProviderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('mock-data-provider', config),
        MockFdModule.register(mockFdOptionsFromConfig(config)),
        // No dependency is reported: the mock starts, and answers 503, while the consent service is down.
        HealthModule.forRoot([]),
        MetricsModule.forRoot({ service: 'mock-data-provider', token: config.METRICS_TOKEN }),
      ],
    };
  }
}
