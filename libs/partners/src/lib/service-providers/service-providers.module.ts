import { Module } from '@nestjs/common';
import { IntegrationReports } from './integration-report';
import { ClientPublications } from './client-publications';
import { HabilitationClients } from './habilitation-clients';
import { ProductionRequestsService } from './production-requests.service';
import { ServiceProviderAccess } from './service-provider-access';
import { ServiceProviderViews } from './service-provider-views';
import { ServiceProvidersAdminController } from './service-providers-admin.controller';
import { ServiceProvidersController } from './service-providers.controller';
import { ServiceProvidersService } from './service-providers.service';

/**
 * Service providers' clients issued from habilitations (sandbox, production), their secrets and
 * production requests, and the outbox publishing every configuration to the core. The habilitation
 * workflow uses `HabilitationClients` and `ClientPublications` in its decisions' transactions.
 */
@Module({
  controllers: [ServiceProvidersController, ServiceProvidersAdminController],
  providers: [ClientPublications, HabilitationClients, ServiceProviderAccess, ServiceProviderViews, ServiceProvidersService, ProductionRequestsService, IntegrationReports],
  exports: [ClientPublications, HabilitationClients, ServiceProviderAccess],
})
export class ServiceProvidersModule {}
