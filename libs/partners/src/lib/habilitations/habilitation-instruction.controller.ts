import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { HabilitationEventView, HabilitationMessageView, HabilitationSummaryView, HabilitationView, Page } from '@federation/partners-contracts';
import { CurrentAuth, PlatformAdmin, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { AdminHabilitationsQueryDto } from './dto/habilitation-queries.dto';
import {
  HabilitationEventResponse,
  HabilitationMessageResponse,
  HabilitationPageResponse,
  HabilitationResponse,
} from './dto/habilitation-responses.dto';
import { PostMessageDto, ReasonedDecisionDto, ValidationDecisionDto } from './dto/thread.dto';
import { HabilitationInstructionService } from './habilitation-instruction.service';
import { HabilitationQueueService } from './habilitation-queue.service';

const TRANSITION_REFUSED = 'Le statut de la demande ne permet pas cette décision (P030001).';

/** The instructors' side: platform admins only (403 otherwise). */
@ApiTags('Instruction des habilitations')
@PlatformAdmin()
@ApiForbiddenResponse({ description: 'Réservé aux administrateurs de la plateforme (P000005).' })
@ApiNotFoundResponse({ description: 'Demande inconnue (P000006).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@Controller('admin/habilitations')
export class HabilitationInstructionController {
  constructor(
    private readonly instruction: HabilitationInstructionService,
    private readonly queue: HabilitationQueueService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'La file d’instruction',
    description: 'Demandes soumises au moins une fois, la plus ancienne soumission d’abord ; filtres par statut, organisation, SIRET, période ; recherche dans le projet, l’organisation et le SIRET.',
  })
  @ApiOkResponse({ type: HabilitationPageResponse })
  @ApiBadRequestResponse({ description: 'Filtre invalide (P000001).' })
  list(@Query() query: AdminHabilitationsQueryDto): Promise<Page<HabilitationSummaryView>> {
    return this.queue.search(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une demande, avec les décisions possibles' })
  @ApiOkResponse({ type: HabilitationResponse })
  get(@UuidParam('id') id: string): Promise<HabilitationView> {
    return this.instruction.get(id);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'L’historique de la demande, du plus ancien au plus récent' })
  @ApiOkResponse({ type: [HabilitationEventResponse] })
  events(@UuidParam('id') id: string): Promise<HabilitationEventView[]> {
    return this.instruction.events(id);
  }

  @Get(':id/messages')
  @ApiOperation({ summary: 'Le fil de discussion avec le demandeur' })
  @ApiOkResponse({ type: [HabilitationMessageResponse] })
  messages(@UuidParam('id') id: string): Promise<HabilitationMessageView[]> {
    return this.instruction.messages(id);
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Écrit au demandeur (prévenu par courriel)' })
  @ApiCreatedResponse({ type: HabilitationMessageResponse })
  postMessage(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: PostMessageDto): Promise<HabilitationMessageView> {
    return this.instruction.postMessage(account, id, body.body);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @ApiOperation({ summary: 'Demande des modifications au demandeur (message obligatoire)' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiConflictResponse({ description: TRANSITION_REFUSED })
  requestChanges(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ReasonedDecisionDto): Promise<HabilitationView> {
    return this.instruction.decide(account, id, 'request_changes', body.message);
  }

  @Post(':id/validate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Valide la demande (ou sa mise à jour)',
    description: 'Prévient le demandeur, le responsable de traitement, le DPO et le contact technique.',
  })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiConflictResponse({ description: TRANSITION_REFUSED })
  validate(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ValidationDecisionDto): Promise<HabilitationView> {
    return this.instruction.decide(account, id, 'validate', body.message || null);
  }

  @Post(':id/refuse')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse la demande (ou sa mise à jour : la version validée reste en vigueur)' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiConflictResponse({ description: TRANSITION_REFUSED })
  refuse(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ReasonedDecisionDto): Promise<HabilitationView> {
    return this.instruction.decide(account, id, 'refuse', body.message);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Révoque une habilitation en vigueur' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiConflictResponse({ description: TRANSITION_REFUSED })
  revoke(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ReasonedDecisionDto): Promise<HabilitationView> {
    return this.instruction.decide(account, id, 'revoke', body.message);
  }
}
