import { Module } from '@nestjs/common';
import { ServiceProvidersModule } from '../service-providers/service-providers.module';
import { ApiHabilitationRequestsService } from './api-habilitation-requests.service';
import { ApiHabilitationsAdminController } from './api-habilitations-admin.controller';
import { ApiHabilitationsController } from './api-habilitations.controller';
import { DataProviderCatalogue } from './data-provider-catalogue';

/**
 * Requests of type « API FranceConnectée » and the data providers' catalogue they choose from. A
 * validation changes the habilitation's clients through `HabilitationClients`, in its transaction.
 */
@Module({
  imports: [ServiceProvidersModule],
  controllers: [ApiHabilitationsController, ApiHabilitationsAdminController],
  providers: [DataProviderCatalogue, ApiHabilitationRequestsService],
})
export class ApiHabilitationsModule {}
