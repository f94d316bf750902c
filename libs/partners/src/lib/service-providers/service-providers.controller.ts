import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { IntegrationReportView, IssuedSecretView, ProductionRequestView, ServiceProviderView } from '@federation/partners-contracts';
import { Authenticated, CurrentAuth, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { EmptyBody } from '../habilitations/dto/empty-body.pipe';
import { CreateProductionRequestDto, ProductionRequestResponse } from './dto/production-request.dto';
import { IssuedSecretResponse, ServiceProviderResponse, UpdateServiceProviderDto } from './dto/service-provider.dto';
import { IntegrationReports } from './integration-report';
import { ProductionRequestsService } from './production-requests.service';
import { ServiceProvidersService } from './service-providers.service';

const UNAUTHENTICATED = 'Non connecté (P000003), ou jeton anti-falsification absent sur un appel qui modifie (P000004, 403).';
const NOT_FOUND = 'Inconnu, ou d’une organisation dont vous n’êtes pas membre actif (P000006).';

/** The clients of a habilitation and its production requests, for the active members of its organisation (404 for anybody else). */
@ApiTags('Fournisseurs de service')
@Authenticated()
@ApiNotFoundResponse({ description: NOT_FOUND })
@ApiUnauthorizedResponse({ description: UNAUTHENTICATED })
@Controller()
export class ServiceProvidersController {
  constructor(
    private readonly serviceProviders: ServiceProvidersService,
    private readonly productionRequests: ProductionRequestsService,
    private readonly integrationReports: IntegrationReports,
  ) {}

  @Get('habilitations/:id/service-providers')
  @ApiOperation({ summary: 'Les clients de l’habilitation : le bac à sable d’abord, puis ceux de production du plus ancien au plus récent' })
  @ApiOkResponse({ type: [ServiceProviderResponse] })
  list(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<ServiceProviderView[]> {
    return this.serviceProviders.listForMember(account, id);
  }

  @Get('service-providers/:id')
  @ApiOperation({ summary: 'Un client : configuration, fin de chaque secret, état de la publication au cœur (jamais le secret)' })
  @ApiOkResponse({ type: ServiceProviderResponse })
  get(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<ServiceProviderView> {
    return this.serviceProviders.get(account, id);
  }

  @Get('service-providers/:id/integration')
  @ApiOperation({
    summary: 'La liste de vérification de l’intégration, calculée à partir du trafic réel du client au cœur',
    description: 'state et nonce, connexion complète, échange du code, userinfo, déconnexion avec id_token_hint ; et les erreurs rencontrées avec ce qu’il faut corriger.',
  })
  @ApiOkResponse({ description: 'IntegrationReportView' })
  integration(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<IntegrationReportView> {
    return this.integrationReports.forMember(account, id);
  }

  @Patch('service-providers/:id')
  @ApiOperation({
    summary: 'Modifie la configuration du bac à sable',
    description: 'Seuls les champs donnés changent (au moins un). Une nouvelle version est publiée au cœur ; refusée, la modification ne change rien.',
  })
  @ApiOkResponse({ type: ServiceProviderResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides, adresses nommées une à une : redirectUris.1 (P000001) ; aucun champ (P050003).' })
  @ApiConflictResponse({ description: 'Client de production (P050001) ou révoqué (P050002).' })
  update(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('id') id: string,
    @Body() body: UpdateServiceProviderDto,
  ): Promise<ServiceProviderView> {
    return this.serviceProviders.update(account, id, body);
  }

  @Post('service-providers/:id/secrets')
  @ApiOperation({
    summary: 'Génère un secret (le premier, ou une rotation)',
    description:
      'Le secret n’apparaît que dans cette réponse. Lors d’une rotation, le secret précédent fonctionne encore pendant la période de recouvrement (7 jours par défaut).',
  })
  @ApiCreatedResponse({ type: IssuedSecretResponse })
  @ApiConflictResponse({ description: 'Client révoqué (P050002).' })
  @ApiTooManyRequestsResponse({ description: 'Trop de secrets générés pour ce client en une heure (P000007).' })
  issueSecret(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @EmptyBody() _body: unknown): Promise<IssuedSecretView> {
    return this.serviceProviders.issueSecret(account, id);
  }

  @Get('habilitations/:id/production-requests')
  @ApiOperation({ summary: 'Les demandes de passage en production de l’habilitation, la plus récente d’abord' })
  @ApiOkResponse({ type: [ProductionRequestResponse] })
  listProductionRequests(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<ProductionRequestView[]> {
    return this.productionRequests.listForMember(account, id);
  }

  @Post('habilitations/:id/production-requests')
  @ApiOperation({
    summary: 'Demande le passage en production',
    description:
      'Depuis une habilitation validée et en vigueur. Examinée par les administrateurs, sauf si l’habilitation repose sur la solution d’un éditeur qualifié : elle est alors validée aussitôt avec son client de production.',
  })
  @ApiCreatedResponse({ type: ProductionRequestResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides, adresses nommées une à une : redirectUris.1 (P000001).' })
  @ApiConflictResponse({ description: 'Habilitation sans version validée en vigueur (P050004) ou demande déjà en cours d’examen (P050005).' })
  requestProduction(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('id') id: string,
    @Body() body: CreateProductionRequestDto,
  ): Promise<ProductionRequestView> {
    return this.productionRequests.create(account, id, body);
  }
}
