import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type ModuleMetadata,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { serveDsfrAssets } from '@federation/dsfr-pages';
import type { Express } from 'express';
import { CitizenLoginController } from './controllers/citizen-login.controller';
import { DashboardController } from './controllers/dashboard.controller';
import {
  DASHBOARD_OPTIONS,
  parseDashboardOptions,
  type DashboardOptions,
} from './dashboard.options';
import {
  dashboardPageHeaders,
  readDashboardForm,
} from './middleware/dashboard-http.middleware';
import { CitizenLoginService } from './services/citizen-login.service';
import { DashboardService } from './services/dashboard.service';
import { CookieSealer } from './session/cookie-sealer';
import { DashboardSessionCookie } from './session/dashboard-session';

export interface DashboardModuleExtras {
  /** Modules exporting `CITIZEN_RECORDS`, when it is not provided by a global module. */
  imports?: ModuleMetadata['imports'];
}

/**
 * The citizen's dashboard (« Tableau de bord usager »), server-rendered DSFR pages at the root of
 * the consent service: `/`, `/connexion`, `/connexion/retour`, `/tableau-de-bord`, its forms and
 * `/deconnexion`; the DSFR assets at `/dsfr`. Reads and changes data through `CITIZEN_RECORDS`.
 * Nothing contacts the core before the first login: the service starts whether the core is up or not.
 */
@Module({})
export class DashboardModule implements NestModule, OnModuleInit {
  static forRoot(
    options: DashboardOptions,
    extras: DashboardModuleExtras = {},
  ): DynamicModule {
    const validated = parseDashboardOptions(options);
    return {
      module: DashboardModule,
      imports: extras.imports ?? [],
      controllers: [CitizenLoginController, DashboardController],
      providers: [
        { provide: DASHBOARD_OPTIONS, useValue: validated },
        {
          provide: DashboardSessionCookie,
          useValue: new DashboardSessionCookie(
            new CookieSealer(validated.cookieSecret),
            validated.secureCookies,
          ),
        },
        CitizenLoginService,
        DashboardService,
      ],
    };
  }

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(dashboardPageHeaders, readDashboardForm)
      .forRoutes(CitizenLoginController, DashboardController);
  }

  onModuleInit(): void {
    this.adapterHost.httpAdapter
      .getInstance<Express>()
      .use('/dsfr', serveDsfrAssets());
  }
}
