import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiResponse,
} from '@nestjs/swagger';
import type { EstablishmentView } from '@federation/partners-contracts';
import { ValidationFailedError } from '../common/partners.errors';
import { RateLimiter } from '../common/rate-limiter';
import { ClientIp } from '../common/session.guard';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { ApiErrorResponse } from '../common/api-error-response.dto';
import { EstablishmentResponse } from './dto/organisation-responses.dto';
import {
  EstablishmentsService,
  siretFieldError,
  toEstablishmentView,
} from './establishments.service';
import { EstablishmentNotFoundError } from './organisations.errors';

@ApiTags('Organisations')
@Controller('siret')
export class SiretController {
  constructor(
    private readonly establishments: EstablishmentsService,
    private readonly rateLimiter: RateLimiter,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  @Get(':siret')
  @ApiOperation({
    summary:
      'Rechercher un établissement par SIRET dans le répertoire Sirene (public, limité par adresse IP).',
  })
  @ApiParam({ name: 'siret', example: '21690123100011' })
  @ApiOkResponse({ type: EstablishmentResponse })
  @ApiResponse({
    status: 400,
    type: ApiErrorResponse,
    description: 'SIRET mal formé ou clé de contrôle invalide.',
  })
  @ApiNotFoundResponse({
    type: ApiErrorResponse,
    description: 'Établissement inconnu du répertoire.',
  })
  @ApiResponse({
    status: 429,
    type: ApiErrorResponse,
    description: 'Trop de recherches.',
  })
  @ApiResponse({
    status: 503,
    type: ApiErrorResponse,
    description: 'Répertoire Sirene indisponible.',
  })
  async lookUp(
    @Param('siret') siret: string,
    @ClientIp() ip: string,
  ): Promise<EstablishmentView> {
    await this.rateLimiter.consume(
      'siret-lookup-ip',
      ip,
      this.options.rateLimits.siretLookupPerIp,
    );
    const invalid = siretFieldError(siret);
    if (invalid) throw new ValidationFailedError([invalid]);
    const establishment = await this.establishments.find(siret);
    if (!establishment) throw new EstablishmentNotFoundError();
    return toEstablishmentView(establishment);
  }
}
