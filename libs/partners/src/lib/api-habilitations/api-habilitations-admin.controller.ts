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
import type { ApiHabilitationRequestView, Page } from '@federation/partners-contracts';
import { CurrentAuth, PlatformAdmin, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { ReasonedDecisionDto, ValidationDecisionDto } from '../habilitations/dto/thread.dto';
import { ApiHabilitationRequestsService } from './api-habilitation-requests.service';
import { AdminApiHabilitationRequestsQueryDto, ApiHabilitationRequestPageResponse, ApiHabilitationRequestResponse } from './dto/api-habilitation-request.dto';

/** API FranceConnectée requests to review: platform admins only (403 otherwise). */
@ApiTags('API FranceConnectées (administration)')
@PlatformAdmin()
@ApiForbiddenResponse({ description: 'Réservé aux administrateurs de la plateforme (P000005).' })
@ApiNotFoundResponse({ description: 'Inconnue (P000006).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@Controller('admin/api-requests')
export class ApiHabilitationsAdminController {
  constructor(private readonly requests: ApiHabilitationRequestsService) {}

  @Get()
  @ApiOperation({ summary: 'Les demandes d’API FranceConnectée, la plus récente d’abord', description: 'Filtre par statut ; recherche dans le projet, l’organisation, le SIRET et le fournisseur de données.' })
  @ApiOkResponse({ type: ApiHabilitationRequestPageResponse })
  @ApiBadRequestResponse({ description: 'Filtre invalide (P000001).' })
  search(@Query() query: AdminApiHabilitationRequestsQueryDto): Promise<Page<ApiHabilitationRequestView>> {
    return this.requests.search(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une demande d’API FranceConnectée' })
  @ApiOkResponse({ type: ApiHabilitationRequestResponse })
  get(@UuidParam('id') id: string): Promise<ApiHabilitationRequestView> {
    return this.requests.getForAdmin(id);
  }

  @Post(':id/validate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Valide la demande : les données du fournisseur sont autorisées pour tous les accès de l’habilitation, publiés au cœur ; le demandeur est prévenu',
  })
  @ApiOkResponse({ type: ApiHabilitationRequestResponse })
  @ApiConflictResponse({ description: 'Demande déjà traitée (P070003) ou habilitation qui n’est plus en vigueur (P070001).' })
  validate(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ValidationDecisionDto): Promise<ApiHabilitationRequestView> {
    return this.requests.validate(account, id, body.message || null);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse la demande (motif obligatoire, montré au demandeur)' })
  @ApiOkResponse({ type: ApiHabilitationRequestResponse })
  @ApiBadRequestResponse({ description: 'Motif absent ou trop court (P000001).' })
  @ApiConflictResponse({ description: 'Demande déjà traitée (P070003).' })
  refuse(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ReasonedDecisionDto): Promise<ApiHabilitationRequestView> {
    return this.requests.refuse(account, id, body.message);
  }
}
