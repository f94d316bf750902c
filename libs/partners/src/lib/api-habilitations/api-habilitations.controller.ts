import { Body, Controller, Get, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ApiHabilitationRequestView, DataProviderView } from '@federation/partners-contracts';
import { Authenticated, CurrentAuth, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { ApiHabilitationRequestsService } from './api-habilitation-requests.service';
import { ApiHabilitationRequestResponse, CreateApiHabilitationRequestDto, DataProviderResponse } from './dto/api-habilitation-request.dto';

const UNAUTHENTICATED = 'Non connecté (P000003), ou jeton anti-falsification absent sur un appel qui modifie (P000004, 403).';

/** The data providers' catalogue (any signed-in account) and a habilitation's API requests (active members of its organisation, 404 for anybody else). */
@ApiTags('API FranceConnectées')
@Authenticated()
@ApiUnauthorizedResponse({ description: UNAUTHENTICATED })
@Controller()
export class ApiHabilitationsController {
  constructor(private readonly requests: ApiHabilitationRequestsService) {}

  @Get('data-providers')
  @ApiOperation({ summary: 'Les fournisseurs de données et leurs données (scopes), avec leurs libellés', description: 'Catalogue du service de consentement, par nom de fournisseur.' })
  @ApiOkResponse({ type: [DataProviderResponse] })
  dataProviders(): Promise<DataProviderView[]> {
    return this.requests.dataProviders();
  }

  @Get('habilitations/:id/api-requests')
  @ApiOperation({ summary: 'Les demandes d’API FranceConnectée de l’habilitation, la plus récente d’abord' })
  @ApiOkResponse({ type: [ApiHabilitationRequestResponse] })
  @ApiNotFoundResponse({ description: 'Inconnue, ou d’une organisation dont vous n’êtes pas membre actif (P000006).' })
  list(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<ApiHabilitationRequestView[]> {
    return this.requests.listForMember(account, id);
  }

  @Post('habilitations/:id/api-requests')
  @ApiOperation({
    summary: 'Demande les données d’un fournisseur de données (API FranceConnectée)',
    description:
      'Depuis une habilitation FranceConnect validée et en vigueur ; les données (scopes) d’un seul fournisseur, avec une justification. Une fois validées par un administrateur, elles sont autorisées pour tous les accès de l’habilitation.',
  })
  @ApiCreatedResponse({ type: ApiHabilitationRequestResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides : fournisseur inconnu (dataProviderSlug), donnée d’un autre fournisseur (scopes.1), justification de 20 à 4 000 caractères (P000001).' })
  @ApiConflictResponse({ description: 'Habilitation sans version validée en vigueur (P070001) ou demande du même fournisseur déjà en cours d’examen (P070002).' })
  @ApiNotFoundResponse({ description: 'Habilitation inconnue, ou d’une organisation dont vous n’êtes pas membre actif (P000006).' })
  create(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('id') id: string,
    @Body() body: CreateApiHabilitationRequestDto,
  ): Promise<ApiHabilitationRequestView> {
    return this.requests.create(account, id, body);
  }
}
