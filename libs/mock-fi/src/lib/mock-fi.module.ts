import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DynamicModule,
  Inject,
  Module,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { serveDsfrAssets } from '@federation/dsfr-pages';
import { setMetricsRoute } from '@federation/server';
import { urlencoded, type Express } from 'express';
import { HomeController } from './controllers/home.controller';
import { InteractionController } from './controllers/interaction.controller';
import { InteractionFormToken } from './interaction-form-token';
import type { MockFiOptions } from './mock-fi.config';
import { MOCK_FI_OPTIONS } from './mock-fi.tokens';
import { MockIdentityProviderRegistry } from './mock-identity-provider.registry';

/**
 * The mock identity providers: one oidc-provider per FI, mounted at `/<slug>`, their login pages
 * at `/interaction/<slug>/<uid>`, a home page at `/` and the DSFR assets at `/dsfr`.
 *
 * Create the Nest application with `bodyParser: false`: oidc-provider reads the request bodies
 * itself; only the login form gets a parser here.
 */
@Module({})
export class MockFiModule implements NestModule, OnModuleInit {
  static register(options: MockFiOptions): DynamicModule {
    return {
      module: MockFiModule,
      controllers: [HomeController, InteractionController],
      providers: [
        { provide: MOCK_FI_OPTIONS, useValue: options },
        {
          provide: MockIdentityProviderRegistry,
          useFactory: () => MockIdentityProviderRegistry.create(options),
        },
        {
          provide: InteractionFormToken,
          useFactory: () =>
            new InteractionFormToken(options.cookieKeys[0] as string),
        },
      ],
      exports: [MockIdentityProviderRegistry],
    };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(MockIdentityProviderRegistry)
    private readonly registry: MockIdentityProviderRegistry,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }))
      .forRoutes(InteractionController);
  }

  /**
   * Runs after Nest registered its middleware (request logging) and routes, before its 404
   * handler: the providers see every request under their own path.
   */
  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use('/dsfr', serveDsfrAssets());
    for (const { definition, provider } of this.registry.all()) {
      const callback = provider.callback();
      // Counted on /metrics under the FI's mount, never under the raw URL.
      app.use(`/${definition.slug}`, (req: IncomingMessage, res: ServerResponse) => {
        setMetricsRoute(req, `/${definition.slug}/*`);
        callback(req, res);
      });
    }
  }
}
