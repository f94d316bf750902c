import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ModerationItemView, Page } from '@federation/partners-contracts';
import {
  CurrentAuth,
  PlatformAdmin,
  type AuthenticatedContext,
} from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { ApiErrorResponse } from '../common/api-error-response.dto';
import { ModerationQueryDto } from './dto/moderation-query.dto';
import {
  ModerationItemResponse,
  ModerationPageResponse,
} from './dto/organisation-responses.dto';
import { RejectMembershipDto } from './dto/reject-membership.dto';
import { JsonOnly } from '../common/json-body.guard';
import { ModerationService } from './moderation.service';

@ApiTags('Modération des rattachements')
@ApiForbiddenResponse({
  type: ApiErrorResponse,
  description: 'Réservé aux administrateurs de la plateforme.',
})
@PlatformAdmin()
@JsonOnly()
@Controller('admin/memberships')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get()
  @ApiOperation({
    summary:
      'Rattachements à vérifier (par défaut : en attente, les plus anciens d’abord)',
  })
  @ApiOkResponse({ type: ModerationPageResponse })
  list(@Query() query: ModerationQueryDto): Promise<Page<ModerationItemView>> {
    return this.moderation.list(query);
  }

  @Post(':membershipId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accepter un rattachement en attente (courriel à la personne, entrée au journal d’audit)',
  })
  @ApiOkResponse({ type: ModerationItemResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'Le rattachement n’est plus en attente.',
  })
  accept(
    @CurrentAuth() auth: AuthenticatedContext,
    @UuidParam('membershipId') membershipId: string,
  ): Promise<ModerationItemView> {
    return this.moderation.accept(auth.account.id, membershipId);
  }

  @Post(':membershipId/reject')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Refuser un rattachement en attente, avec un motif (courriel à la personne, entrée au journal d’audit)',
  })
  @ApiOkResponse({ type: ModerationItemResponse })
  @ApiNotFoundResponse({ type: ApiErrorResponse })
  @ApiConflictResponse({
    type: ApiErrorResponse,
    description: 'Le rattachement n’est plus en attente.',
  })
  reject(
    @CurrentAuth() auth: AuthenticatedContext,
    @UuidParam('membershipId') membershipId: string,
    @Body() body: RejectMembershipDto,
  ): Promise<ModerationItemView> {
    return this.moderation.reject(auth.account.id, membershipId, body.reason);
  }
}
