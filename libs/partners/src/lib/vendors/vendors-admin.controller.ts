import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
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
import type { Page, VendorView } from '@federation/partners-contracts';
import { CurrentAuth, PlatformAdmin, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { CreateVendorDto, UpdateVendorDto, VendorPageResponse, VendorResponse, VendorsQueryDto } from './dto/vendor.dto';
import { VendorsService } from './vendors.service';

@ApiTags('Éditeurs')
@PlatformAdmin()
@ApiForbiddenResponse({ description: 'Réservé aux administrateurs de la plateforme (P000005).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@Controller('admin/vendors')
export class VendorsAdminController {
  constructor(private readonly vendors: VendorsService) {}

  @Get()
  @ApiOperation({ summary: 'Tous les éditeurs, actifs ou non, par nom' })
  @ApiOkResponse({ type: VendorPageResponse })
  search(@Query() query: VendorsQueryDto): Promise<Page<VendorView>> {
    return this.vendors.search(query);
  }

  @Post()
  @ApiOperation({ summary: 'Ajoute un éditeur' })
  @ApiCreatedResponse({ type: VendorResponse })
  @ApiBadRequestResponse({ description: 'Nom ou SIRET invalide (P000001).' })
  @ApiConflictResponse({ description: 'Un éditeur porte déjà ce nom, à la casse près (P040001).' })
  create(@CurrentAuth() { account }: AuthenticatedContext, @Body() body: CreateVendorDto): Promise<VendorView> {
    return this.vendors.create(account, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Renomme, change le SIRET, active ou désactive un éditeur' })
  @ApiOkResponse({ type: VendorResponse })
  @ApiBadRequestResponse({ description: 'Champ invalide (P000001) ou rien à modifier (P040002).' })
  @ApiNotFoundResponse({ description: 'Éditeur inconnu (P000006).' })
  @ApiConflictResponse({ description: 'Un éditeur porte déjà ce nom, à la casse près (P040001).' })
  update(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('id') id: string, @Body() body: UpdateVendorDto): Promise<VendorView> {
    return this.vendors.update(account, id, body);
  }
}
