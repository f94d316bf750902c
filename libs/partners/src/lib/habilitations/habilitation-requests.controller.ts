import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiBody,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { HabilitationEventView, HabilitationMessageView, HabilitationSummaryView, HabilitationView, Page } from '@federation/partners-contracts';
import { Authenticated, CurrentAuth, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { ContactsStepDto } from './content/contacts-step.dto';
import { DataStepDto } from './content/data-step.dto';
import { EXAMPLE_HABILITATION_CONTENT as EXAMPLE } from './content/habilitation-example';
import { LegalStepDto } from './content/legal-step.dto';
import { ProjectStepDto } from './content/project-step.dto';
import { TermsStepDto } from './content/terms-step.dto';
import { CreateHabilitationDto } from './dto/create-habilitation.dto';
import { EmptyBody } from './dto/empty-body.pipe';
import { ListHabilitationsQueryDto } from './dto/habilitation-queries.dto';
import {
  HabilitationEventResponse,
  HabilitationMessageResponse,
  HabilitationPageResponse,
  HabilitationResponse,
} from './dto/habilitation-responses.dto';
import { PostMessageDto } from './dto/thread.dto';
import { HabilitationRequestsService } from './habilitation-requests.service';
import { UnknownStepError } from './habilitations.errors';

const UNAUTHENTICATED = 'Non connecté (P000003), ou jeton anti-falsification absent sur un appel qui modifie (P000004, 403).';
const NOT_FOUND = 'Demande inconnue, ou d’une organisation dont vous n’êtes pas membre actif (P000006).';

/** The applicants' side: the active members of the request's organisation, nobody else (404). */
@ApiTags('Demandes d’habilitation')
@Authenticated()
@ApiNotFoundResponse({ description: NOT_FOUND })
@ApiUnauthorizedResponse({ description: UNAUTHENTICATED })
@Controller()
export class HabilitationRequestsController {
  constructor(private readonly requests: HabilitationRequestsService) {}

  @Get('organisations/:organisationId/habilitations')
  @ApiOperation({ summary: 'Les demandes d’une organisation, les plus récemment modifiées d’abord' })
  @ApiOkResponse({ type: HabilitationPageResponse })
  list(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
    @Query() query: ListHabilitationsQueryDto,
  ): Promise<Page<HabilitationSummaryView>> {
    return this.requests.list(account, organisationId, query);
  }

  @Post('organisations/:organisationId/habilitations')
  @ApiOperation({ summary: 'Crée une demande (brouillon vide)' })
  @ApiCreatedResponse({ type: HabilitationResponse })
  create(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
    @Body() _body: CreateHabilitationDto,
  ): Promise<HabilitationView> {
    return this.requests.create(account, organisationId);
  }

  @Get('habilitations/:id')
  @ApiOperation({ summary: 'Une demande : contenu, version en vigueur, avancement des étapes, actions possibles' })
  @ApiOkResponse({ type: HabilitationResponse })
  get(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<HabilitationView> {
    return this.requests.get(account, id);
  }

  @Put('habilitations/:id/steps/project')
  @ApiBody({ type: ProjectStepDto, examples: { exemple: { value: EXAMPLE.project } } })
  @ApiOperation({ summary: 'Étape « Votre projet »' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides, ou éditeur inconnu ou désactivé (P000001).' })
  @ApiConflictResponse({ description: 'La demande n’est ni un brouillon ni en modifications demandées (P030002).' })
  saveProject(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ProjectStepDto): Promise<HabilitationView> {
    return this.requests.saveStep(account, id, 'project', body);
  }

  @Put('habilitations/:id/steps/data')
  @ApiBody({ type: DataStepDto, examples: { exemple: { value: EXAMPLE.data } } })
  @ApiOperation({ summary: 'Étape « Données demandées »' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides (P000001).' })
  @ApiConflictResponse({ description: 'La demande n’est ni un brouillon ni en modifications demandées (P030002).' })
  saveData(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: DataStepDto): Promise<HabilitationView> {
    return this.requests.saveStep(account, id, 'data', body);
  }

  @Put('habilitations/:id/steps/legal')
  @ApiBody({ type: LegalStepDto, examples: { exemple: { value: EXAMPLE.legal } } })
  @ApiOperation({ summary: 'Étape « Cadre juridique »' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides, dont une conservation de plus de 36 mois sans justification (P000001).' })
  @ApiConflictResponse({ description: 'La demande n’est ni un brouillon ni en modifications demandées (P030002).' })
  saveLegal(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: LegalStepDto): Promise<HabilitationView> {
    return this.requests.saveStep(account, id, 'legal', body);
  }

  @Put('habilitations/:id/steps/contacts')
  @ApiBody({ type: ContactsStepDto, examples: { exemple: { value: EXAMPLE.contacts } } })
  @ApiOperation({ summary: 'Étape « Responsables et contacts »' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiBadRequestResponse({ description: 'Champs invalides, dont un contact technique sans mobile (P000001).' })
  @ApiConflictResponse({ description: 'La demande n’est ni un brouillon ni en modifications demandées (P030002).' })
  saveContacts(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: ContactsStepDto): Promise<HabilitationView> {
    return this.requests.saveStep(account, id, 'contacts', body);
  }

  @Put('habilitations/:id/steps/terms')
  @ApiBody({ type: TermsStepDto, examples: { exemple: { value: EXAMPLE.terms } } })
  @ApiOperation({ summary: 'Étape « Conditions d’utilisation »' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiBadRequestResponse({ description: 'Conditions non acceptées (P000001).' })
  @ApiConflictResponse({ description: 'La demande n’est ni un brouillon ni en modifications demandées (P030002).' })
  saveTerms(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: TermsStepDto): Promise<HabilitationView> {
    return this.requests.saveStep(account, id, 'terms', body);
  }

  /** Declared after the known steps: only what none of them matched lands here. */
  @Put('habilitations/:id/steps/:step')
  @ApiOperation({ summary: 'Étape inconnue', description: 'Les étapes sont project, data, legal, contacts, terms.' })
  @ApiParam({ name: 'step', description: 'Une étape inexistante' })
  @ApiNotFoundResponse({ description: 'Étape inconnue (P030005).' })
  unknownStep(@UuidParam('id') _id: string): never {
    throw new UnknownStepError();
  }

  @Post('habilitations/:id/submit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Soumet la demande à l’instruction',
    description: 'Vérifie toutes les étapes, envoie l’accusé de réception (date de rejet implicite) et prévient les instructeurs.',
  })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiBadRequestResponse({ description: 'Étapes manquantes ou invalides, champs préfixés par l’étape (P030003).' })
  @ApiConflictResponse({ description: 'Statut qui ne permet pas de soumettre (P030001).' })
  submit(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @EmptyBody() _body: unknown): Promise<HabilitationView> {
    return this.requests.submit(account, id);
  }

  @Post('habilitations/:id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rouvre une demande validée pour la mettre à jour', description: 'La version validée reste en vigueur jusqu’à la décision sur la mise à jour.' })
  @ApiOkResponse({ type: HabilitationResponse })
  @ApiConflictResponse({ description: 'Seule une demande validée se rouvre (P030001).' })
  reopen(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @EmptyBody() _body: unknown): Promise<HabilitationView> {
    return this.requests.reopen(account, id);
  }

  @Delete('habilitations/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprime un brouillon jamais soumis' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'La demande a déjà été soumise (P030004).' })
  async delete(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<void> {
    await this.requests.delete(account, id);
  }

  @Get('habilitations/:id/events')
  @ApiOperation({ summary: 'L’historique de la demande, du plus ancien au plus récent' })
  @ApiOkResponse({ type: [HabilitationEventResponse] })
  events(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<HabilitationEventView[]> {
    return this.requests.events(account, id);
  }

  @Get('habilitations/:id/messages')
  @ApiOperation({ summary: 'Le fil de discussion avec l’instructeur' })
  @ApiOkResponse({ type: [HabilitationMessageResponse] })
  messages(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string): Promise<HabilitationMessageView[]> {
    return this.requests.messages(account, id);
  }

  @Post('habilitations/:id/messages')
  @ApiOperation({ summary: 'Écrit à l’instructeur (prévenu par courriel)' })
  @ApiCreatedResponse({ type: HabilitationMessageResponse })
  postMessage(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('id') id: string,
    @Body() body: PostMessageDto,
  ): Promise<HabilitationMessageView> {
    return this.requests.postMessage(account, id, body.body);
  }
}
