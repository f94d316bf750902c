import { DynamicModule, Module } from '@nestjs/common';
import type { MockIdentityProviderConfig } from './config/mock-identity-provider.config';
import { HealthModule, MetricsModule, createLoggerModule } from '@federation/server';
import { MockFiModule, mockFiOptionsFromConfig } from '@federation/mock-fi';

/** Mock identity providers (test FIs). */
@Module({})
export class AppModule {
  static register(config: MockIdentityProviderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('mock-identity-provider', config),
        HealthModule.forRoot([]),
        MetricsModule.forRoot({ service: 'mock-identity-provider', token: config.METRICS_TOKEN }),
        MockFiModule.register(mockFiOptionsFromConfig(config)),
      ],
    };
  }
}
