import { DynamicModule, Module } from '@nestjs/common';
import type { MockServiceProviderConfig } from './config/mock-service-provider.config';
import { HealthModule, createLoggerModule } from '@federation/server';

/** Mock service provider (demo FS). */
@Module({})
export class AppModule {
  static register(config: MockServiceProviderConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('mock-service-provider', config),
        HealthModule.forRoot([]),
      ],
    };
  }
}
