import { DynamicModule, Module } from '@nestjs/common';
import { DataProviderController } from './controllers/data-provider.controller';
import { DataAccessService } from './data-access.service';
import type { MockFdOptions } from './mock-fd.config';
import { MOCK_FD_OPTIONS } from './mock-fd.tokens';

/**
 * The demo data providers (DGFiP, CNAF, MESR): their APIs, each checking the bearer token at the
 * consent service. Nothing contacts the consent service before the first call.
 */
@Module({})
export class MockFdModule {
  static register(options: MockFdOptions): DynamicModule {
    return {
      module: MockFdModule,
      controllers: [DataProviderController],
      providers: [
        { provide: MOCK_FD_OPTIONS, useValue: options },
        { provide: DataAccessService, useValue: new DataAccessService(options) },
      ],
    };
  }
}
