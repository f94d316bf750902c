import { DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { serveDsfrAssets } from '@federation/dsfr-pages';
import type { Express } from 'express';
import { createDemoServiceController } from './controllers/demo-service.controller';
import { DemoServices } from './demo-services';
import type { MockFsOptions } from './mock-fs.config';
import { MOCK_FS_OPTIONS } from './mock-fs.tokens';
import { MOCK_SERVICES } from './mock-services';

/**
 * The demo service providers: service A at `/`, service B at `/autre-service`, each a relying
 * party of the core with its own client and session cookie; the DSFR assets at `/dsfr`.
 * Nothing contacts the core before the first login: the mock starts whether the core is up or not.
 */
@Module({})
export class MockFsModule implements OnModuleInit {
  static register(options: MockFsOptions): DynamicModule {
    const services = new DemoServices(options);
    return {
      module: MockFsModule,
      controllers: MOCK_SERVICES.map(({ id }) => createDemoServiceController(services.get(id), services.otherThan(id))),
      providers: [
        { provide: MOCK_FS_OPTIONS, useValue: options },
        { provide: DemoServices, useValue: services },
      ],
      exports: [DemoServices],
    };
  }

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.getInstance<Express>().use('/dsfr', serveDsfrAssets());
  }
}
