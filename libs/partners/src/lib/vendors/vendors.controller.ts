import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { VendorView } from '@federation/partners-contracts';
import { Authenticated } from '../common/session.guard';
import { VendorResponse } from './dto/vendor.dto';
import { VendorsService } from './vendors.service';

@ApiTags('Éditeurs')
@Controller('vendors')
export class VendorsController {
  constructor(private readonly vendors: VendorsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Les éditeurs partenaires actifs, par nom (choix de l’étape « Votre projet »)' })
  @ApiOkResponse({ type: [VendorResponse] })
  @ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
  list(): Promise<VendorView[]> {
    return this.vendors.listActive();
  }
}
