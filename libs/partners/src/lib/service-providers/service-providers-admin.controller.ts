import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Page, ProductionRequestView, ServiceProviderView } from '@federation/partners-contracts';
import { CurrentAuth, PlatformAdmin, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { ReasonedDecisionDto, ValidationDecisionDto } from '../habilitations/dto/thread.dto';
import { AdminProductionRequestsQueryDto, ProductionRequestPageResponse, ProductionRequestResponse } from './dto/production-request.dto';
import { RevokeServiceProviderDto, ServiceProviderResponse } from './dto/service-provider.dto';
import { ProductionRequestsService } from './production-requests.service';
import { ServiceProvidersService } from './service-providers.service';

/** Production requests to review and clients to stop: platform admins only (403 otherwise). */
@ApiTags('Fournisseurs de service (administration)')
@PlatformAdmin()
@ApiForbiddenResponse({ description: 'Réservé aux administrateurs de la plateforme (P000005).' })
@ApiNotFoundResponse({ description: 'Inconnu (P000006).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@Controller('admin')
export class ServiceProvidersAdminController {
  constructor(
    private readonly serviceProviders: ServiceProvidersService,
    private readonly productionRequests: ProductionRequestsService,
  ) {}

  @Get('production-requests')
  @ApiOperation({ summary: 'Les demandes de passage en production, la plus récente d’abord', description: 'Filtre par statut ; recherche dans le service, l’organisation et le SIRET.' })
  @ApiOkResponse({ type: ProductionRequestPageResponse })
  @ApiBadRequestResponse({ description: 'Filtre invalide (P000001).' })
  search(@Query() query: AdminProductionRequestsQueryDto): Promise<Page<ProductionRequestView>> {
    return this.productionRequests.search(query);
  }

  @Get('production-requests/:id')
  @ApiOperation({ summary: 'Une demande de passage en production' })
  @ApiOkResponse({ type: ProductionRequestResponse })
  get(@UuidParam('id') id: string): Promise<ProductionRequestView> {
    return this.productionRequests.getForAdmin(id);
  }

  @Post('production-requests/:id/validate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Valide la demande : le client de production est délivré et publié au cœur ; le demandeur est prévenu' })
  @ApiOkResponse({ type: ProductionRequestResponse })
  @ApiConflictResponse({ description: 'Demande déjà traitée (P050006) ou habilitation qui n’est plus en vigueur (P050004).' })
  validate(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ValidationDecisionDto): Promise<ProductionRequestView> {
    return this.productionRequests.validate(account, id, body.message || null);
  }

  @Post('production-requests/:id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse la demande (motif obligatoire, envoyé au demandeur)' })
  @ApiOkResponse({ type: ProductionRequestResponse })
  @ApiBadRequestResponse({ description: 'Motif absent ou trop court (P000001).' })
  @ApiConflictResponse({ description: 'Demande déjà traitée (P050006).' })
  refuse(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ReasonedDecisionDto): Promise<ProductionRequestView> {
    return this.productionRequests.refuse(account, id, body.message);
  }

  @Get('habilitations/:id/service-providers')
  @ApiOperation({ summary: 'Les clients d’une habilitation (bac à sable puis production)' })
  @ApiOkResponse({ type: [ServiceProviderResponse] })
  listServiceProviders(@UuidParam('id') id: string): Promise<ServiceProviderView[]> {
    return this.serviceProviders.listForAdmin(id);
  }

  @Post('service-providers/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Révoque un client : le cœur le refuse dès la publication appliquée (quelques secondes)' })
  @ApiOkResponse({ type: ServiceProviderResponse })
  @ApiBadRequestResponse({ description: 'Motif absent ou trop court (P000001).' })
  @ApiConflictResponse({ description: 'Client déjà révoqué (P050002).' })
  revoke(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: RevokeServiceProviderDto): Promise<ServiceProviderView> {
    return this.serviceProviders.revoke(account, id, body.reason);
  }
}
