import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type {
  JoinResult,
  MemberView,
  MembershipView,
  OrganisationView,
} from '@federation/partners-contracts';
import {
  Authenticated,
  CurrentAuth,
  type AuthenticatedContext,
} from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { ApiErrorResponse } from '../common/api-error-response.dto';
import { ChangeMemberRoleDto } from './dto/change-member-role.dto';
import { JoinOrganisationDto } from './dto/join-organisation.dto';
import {
  JoinResultResponse,
  MemberResponse,
  MembershipResponse,
  OrganisationResponse,
} from './dto/organisation-responses.dto';
import { JoinService } from './join.service';
import { JsonOnly } from '../common/json-body.guard';
import { OrganisationsService } from './organisations.service';

@ApiTags('Organisations')
@ApiUnauthorizedResponse({
  type: ApiErrorResponse,
  description: 'Non connecté.',
})
@Authenticated()
@JsonOnly()
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly joins: JoinService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Post('join')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rejoindre une organisation par SIRET',
    description:
      'Premier membre : organisation créée, rôle admin. Même domaine de messagerie qu’un membre actif (hors messageries grand public) : membre actif. ' +
      'Sinon : demande en attente de vérification par l’équipe.',
  })
  @ApiCreatedResponse({ type: JoinResultResponse })
  @ApiResponse({
    status: 400,
    type: ApiErrorResponse,
    description: 'SIRET invalide, inconnu ou établissement fermé.',
  })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description:
      'Déjà membre, demande en attente, ou demande refusée (avec le motif).',
  })
  @ApiResponse({
    status: 503,
    type: ApiErrorResponse,
    description: 'Répertoire Sirene indisponible.',
  })
  join(
    @CurrentAuth() auth: AuthenticatedContext,
    @Body() body: JoinOrganisationDto,
  ): Promise<JoinResult> {
    return this.joins.join(auth.account, body.siret);
  }

  @Get()
  @ApiOperation({
    summary:
      'Mes rattachements à des organisations (actifs, en attente, refusés avec leur motif)',
  })
  @ApiOkResponse({ type: [MembershipResponse] })
  mine(@CurrentAuth() auth: AuthenticatedContext): Promise<MembershipView[]> {
    return this.organisations.membershipsOf(auth.account.id);
  }

  @Get(':organisationId')
  @ApiOperation({ summary: 'Une organisation dont je suis membre actif' })
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiNotFoundResponse({
    type: ApiErrorResponse,
    description: 'Inconnue, ou je n’en suis pas membre actif.',
  })
  organisation(
    @CurrentAuth() auth: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
  ): Promise<OrganisationView> {
    return this.organisations.organisation(auth.account.id, organisationId);
  }

  @Get(':organisationId/members')
  @ApiOperation({
    summary: 'Les membres actifs d’une organisation dont je suis membre actif',
  })
  @ApiOkResponse({ type: [MemberResponse] })
  @ApiNotFoundResponse({
    type: ApiErrorResponse,
    description: 'Inconnue, ou je n’en suis pas membre actif.',
  })
  members(
    @CurrentAuth() auth: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
  ): Promise<MemberView[]> {
    return this.organisations.members(auth.account.id, organisationId);
  }

  @Patch(':organisationId/members/:membershipId')
  @ApiOperation({
    summary: 'Changer le rôle d’un membre (administrateurs de l’organisation)',
  })
  @ApiOkResponse({ type: MemberResponse })
  @ApiForbiddenResponse({
    type: ApiErrorResponse,
    description: 'Je ne suis pas administrateur de l’organisation.',
  })
  @ApiNotFoundResponse({
    type: ApiErrorResponse,
    description: 'Organisation ou membre inconnu, ou je n’en suis pas membre.',
  })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'Ce serait retirer le dernier administrateur.',
  })
  changeRole(
    @CurrentAuth() auth: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
    @UuidParam('membershipId') membershipId: string,
    @Body() body: ChangeMemberRoleDto,
  ): Promise<MemberView> {
    return this.organisations.changeRole(
      auth.account.id,
      organisationId,
      membershipId,
      body.role,
    );
  }

  @Delete(':organisationId/members/:membershipId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Retirer un membre (administrateurs) ou quitter l’organisation (soi-même)',
  })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({
    type: ApiErrorResponse,
    description: 'Retirer un autre membre est réservé aux administrateurs.',
  })
  @ApiNotFoundResponse({
    type: ApiErrorResponse,
    description: 'Organisation ou membre inconnu, ou je n’en suis pas membre.',
  })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'Le dernier administrateur ne peut pas partir.',
  })
  async removeMember(
    @CurrentAuth() auth: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
    @UuidParam('membershipId') membershipId: string,
  ): Promise<void> {
    await this.organisations.removeMember(
      auth.account.id,
      organisationId,
      membershipId,
    );
  }
}
