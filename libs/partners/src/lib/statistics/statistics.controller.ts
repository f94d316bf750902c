import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { StatisticsView } from '@federation/partners-contracts';
import { Authenticated, CurrentAuth, PlatformAdmin, type AuthenticatedContext } from '../common/session.guard';
import { UuidParam } from '../common/uuid-param';
import { AdminStatisticsQueryDto, StatisticsQueryDto, StatisticsResponse } from './dto/statistics-query.dto';
import { resolvePeriod } from './statistics-period';
import { StatisticsService, type StatisticsCsvFile } from './statistics.service';

const BAD_PERIOD = 'Date invalide (P000001), fin avant le début (P060001) ou période de plus de 366 jours (P060002) ; `errors` nomme le champ.';
const CSV_DESCRIPTION =
  'Une ligne par jour, service, fournisseur d’identité et niveau eIDAS ayant des chiffres ; séparateur `;`, colonnes jour;service;client_id;environnement;fournisseur_identite;niveau_eidas;connexions;echecs.';

function sendCsv(response: Response, file: StatisticsCsvFile): string {
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  response.setHeader('Cache-Control', 'private, no-store');
  return file.content;
}

/** The figures of an organisation's services, for its active members (404 for anybody else). */
@ApiTags('Statistiques')
@Authenticated()
@ApiNotFoundResponse({ description: 'Organisation inconnue, ou dont vous n’êtes pas membre actif (P000006).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@ApiBadRequestResponse({ description: BAD_PERIOD })
@Controller('organisations/:organisationId')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics')
  @ApiOperation({
    summary: 'Connexions par jour et part de chaque fournisseur d’identité, pour les services de l’organisation',
    description: 'Jours de Paris, bornes incluses ; par défaut les 30 derniers jours jusqu’à aujourd’hui. Chaque jour de la période est présent (à zéro sans activité).',
  })
  @ApiOkResponse({ type: StatisticsResponse })
  get(@CurrentAuth() { account }: AuthenticatedContext, @UuidParam('organisationId') organisationId: string, @Query() query: StatisticsQueryDto): Promise<StatisticsView> {
    return this.statistics.forOrganisation(account, organisationId, resolvePeriod(query));
  }

  @Get('statistics.csv')
  @ApiOperation({ summary: 'Les mêmes chiffres en CSV', description: CSV_DESCRIPTION })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Fichier `statistiques-<siret>-<from>-<to>.csv`.' })
  async csv(
    @CurrentAuth() { account }: AuthenticatedContext,
    @UuidParam('organisationId') organisationId: string,
    @Query() query: StatisticsQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    return sendCsv(response, await this.statistics.organisationCsv(account, organisationId, resolvePeriod(query)));
  }
}

/** The figures of every service, optionally for one identity provider: platform admins only (403 otherwise). */
@ApiTags('Statistiques (administration)')
@PlatformAdmin()
@ApiForbiddenResponse({ description: 'Réservé aux administrateurs de la plateforme (P000005).' })
@ApiUnauthorizedResponse({ description: 'Non connecté (P000003).' })
@ApiBadRequestResponse({ description: `${BAD_PERIOD} Identifiant de fournisseur d’identité mal formé (P000001).` })
@Controller('admin')
export class StatisticsAdminController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('statistics')
  @ApiOperation({
    summary: 'Connexions par jour et part de chaque fournisseur d’identité, pour tous les services ayant de l’activité sur la période',
    description: 'Avec `fi`, seules les connexions et les échecs passés par ce fournisseur d’identité comptent.',
  })
  @ApiOkResponse({ type: StatisticsResponse })
  get(@Query() query: AdminStatisticsQueryDto): Promise<StatisticsView> {
    return this.statistics.forAdmin(resolvePeriod(query), query.fi);
  }

  @Get('statistics.csv')
  @ApiOperation({ summary: 'Les mêmes chiffres en CSV', description: CSV_DESCRIPTION })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Fichier `statistiques[-<fi>]-<from>-<to>.csv`.' })
  async csv(@Query() query: AdminStatisticsQueryDto, @Res({ passthrough: true }) response: Response): Promise<string> {
    return sendCsv(response, await this.statistics.adminCsv(resolvePeriod(query), query.fi));
  }
}
