import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuditEntryView, Page } from '@federation/partners-contracts';
import { PlatformAdmin } from '../common/session.guard';
import { AuditLogQueryDto, AuditPageResponse } from './audit-log-query.dto';
import { AuditLogViewService } from './audit-log-view.service';

@ApiTags('Journal d’audit')
@PlatformAdmin()
@ApiForbiddenResponse({ description: 'Réservé aux administrateurs de la plateforme (P000005).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@Controller('admin/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogViewService) {}

  @Get()
  @ApiOperation({ summary: 'Les actions des administrateurs, les plus récentes d’abord', description: 'Filtres par action, type et identifiant de cible.' })
  @ApiOkResponse({ type: AuditPageResponse })
  @ApiBadRequestResponse({ description: 'Filtre invalide (P000001).' })
  search(@Query() query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    return this.auditLog.search(query);
  }
}
