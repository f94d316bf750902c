import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { ApiHabilitationsModule } from './api-habilitations/api-habilitations.module';
import { AuditModule } from './audit/audit.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { PartnersCommonModule } from './common/partners-common.module';
import { HabilitationsModule } from './habilitations/habilitations.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ServiceProvidersModule } from './service-providers/service-providers.module';
import { StatisticsModule } from './statistics/statistics.module';
import type { PartnersOptions } from './partners.options';
import { VendorsModule } from './vendors/vendors.module';

/**
 * The partners API: accounts, organisations by SIRET, habilitation requests and their
 * instruction, « API FranceConnectée » requests, service providers' clients (sandbox, production)
 * published to the core, their statistics. The host
 * app provides TypeORM (partners schema), Redis and the queue publisher.
 */
@Module({})
export class PartnersModule {
  static register(options: PartnersOptions): DynamicModule {
    return {
      module: PartnersModule,
      imports: [
        PartnersCommonModule.register(options),
        AccountsModule,
        OrganisationsModule,
        HabilitationsModule,
        ServiceProvidersModule,
        ApiHabilitationsModule,
        VendorsModule,
        AuditModule,
        CatalogueModule,
        StatisticsModule,
      ],
    };
  }
}
