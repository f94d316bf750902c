import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { DailyLoginsView, IdentityProviderShareView, ServiceStatisticsView, StatisticsView } from '@federation/partners-contracts';
import { OrganisationEntity, ServiceProviderEntity, type AccountEntity } from '@federation/partners-data';
import { NotFoundError } from '../common/partners.errors';
import { ServiceProviderAccess } from '../service-providers/service-provider-access';
import { statisticsCsv, type StatisticsCsvRow } from './statistics-csv';
import { daysOf, type Period } from './statistics-period';

/** A login: the citizen sent back to the service with a code. */
export const LOGIN_EVENT = 'redirected_to_fs';

/** One line of `login_statistic_daily` summed over the event types: the logins and every failed step. */
interface FigureRow {
  day: string;
  clientId: string;
  fiSlug: string;
  acr: string;
  logins: number;
  failures: number;
}

interface ServiceRef {
  entity: ServiceProviderEntity;
  organisation: OrganisationEntity;
}

export interface StatisticsCsvFile {
  filename: string;
  content: string;
}

/**
 * The services' figures over a period, read from the daily figures the worker aggregates
 * (`partners.login_statistic_daily`): logins per day (every day present), share of each identity
 * provider, per service. Members see their organisation's services (all of them, even without
 * traffic); admins every service with traffic in the period, optionally for one identity provider.
 */
@Injectable()
export class StatisticsService {
  private readonly logger = new Logger(StatisticsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ServiceProviderAccess,
  ) {}

  async forOrganisation(account: AccountEntity, organisationId: string, period: Period): Promise<StatisticsView> {
    const { services, rows, names } = await this.organisationFigures(account, organisationId, period);
    return buildView(period, services, rows, names);
  }

  async organisationCsv(account: AccountEntity, organisationId: string, period: Period): Promise<StatisticsCsvFile> {
    const { organisation, services, rows, names } = await this.organisationFigures(account, organisationId, period);
    return {
      filename: `statistiques-${organisation.siret}-${period.from}-${period.to}.csv`,
      content: statisticsCsv(csvRows(services, rows, names)),
    };
  }

  async forAdmin(period: Period, fiSlug?: string): Promise<StatisticsView> {
    const { services, rows, names } = await this.adminFigures(period, fiSlug);
    return buildView(period, services, rows, names);
  }

  async adminCsv(period: Period, fiSlug?: string): Promise<StatisticsCsvFile> {
    const { services, rows, names } = await this.adminFigures(period, fiSlug);
    return {
      filename: `statistiques${fiSlug ? `-${fiSlug}` : ''}-${period.from}-${period.to}.csv`,
      content: statisticsCsv(csvRows(services, rows, names)),
    };
  }

  private async organisationFigures(account: AccountEntity, organisationId: string, period: Period) {
    await this.access.assertActiveMember(account.id, organisationId);
    const organisation = await this.dataSource.manager.findOneBy(OrganisationEntity, { id: organisationId });
    if (!organisation) throw new NotFoundError();
    const entities = await this.dataSource.manager.find(ServiceProviderEntity, {
      where: { organisationId },
      order: { name: 'ASC', environment: 'DESC', createdAt: 'ASC' },
    });
    const services = entities.map((entity) => ({ entity, organisation }));
    const rows = await this.figures(period, { clientIds: entities.map((entity) => entity.clientId) });
    return { organisation, services, rows, names: await this.identityProviderNames(rows) };
  }

  private async adminFigures(period: Period, fiSlug?: string) {
    const all = await this.figures(period, { fiSlug });
    const clientIds = [...new Set(all.map((row) => row.clientId))];
    const entities = clientIds.length
      ? await this.dataSource.manager.find(ServiceProviderEntity, { where: { clientId: In(clientIds) }, order: { name: 'ASC', environment: 'DESC', createdAt: 'ASC' } })
      : [];
    const organisations = entities.length
      ? await this.dataSource.manager.find(OrganisationEntity, { where: { id: In([...new Set(entities.map((entity) => entity.organisationId))]) } })
      : [];
    const organisationsById = new Map(organisations.map((organisation) => [organisation.id, organisation]));
    const services = entities.flatMap((entity) => {
      const organisation = organisationsById.get(entity.organisationId);
      return organisation ? [{ entity, organisation }] : [];
    });
    // Figures of clients partners-api does not know (the core's own demo clients) are left out.
    const known = new Set(services.map((service) => service.entity.clientId));
    const rows = all.filter((row) => known.has(row.clientId));
    return { services, rows, names: await this.identityProviderNames(rows) };
  }

  private async figures(period: Period, filter: { clientIds?: string[]; fiSlug?: string }): Promise<FigureRow[]> {
    if (filter.clientIds && filter.clientIds.length === 0) return [];
    const parameters: unknown[] = [period.from, period.to, LOGIN_EVENT];
    const conditions = ['"day" BETWEEN $1::date AND $2::date'];
    if (filter.clientIds) conditions.push(`"client_id" = ANY($${parameters.push(filter.clientIds)})`);
    if (filter.fiSlug !== undefined) conditions.push(`"fi_slug" = $${parameters.push(filter.fiSlug)}`);
    const rows: { day: string; client_id: string; fi_slug: string; acr: string; logins: string; failures: string }[] = await this.dataSource.query(
      `SELECT to_char("day", 'YYYY-MM-DD') AS "day", "client_id", "fi_slug", "acr",
              COALESCE(SUM("successes") FILTER (WHERE "event_type" = $3), 0) AS "logins",
              SUM("failures") AS "failures"
         FROM "partners"."login_statistic_daily"
        WHERE ${conditions.join(' AND ')}
        GROUP BY "day", "client_id", "fi_slug", "acr"
        ORDER BY "day", "client_id", "fi_slug", "acr"`,
      parameters,
    );
    return rows
      .map((row) => ({ day: row.day, clientId: row.client_id, fiSlug: row.fi_slug, acr: row.acr, logins: Number(row.logins), failures: Number(row.failures) }))
      .filter((row) => row.logins > 0 || row.failures > 0);
  }

  /** The FI names of the core's registry when it shares this database (`core.identity_provider`), else the slugs. */
  private async identityProviderNames(rows: FigureRow[]): Promise<Map<string, string>> {
    const slugs = [...new Set(rows.map((row) => row.fiSlug).filter(Boolean))];
    const names = new Map<string, string>();
    if (slugs.length === 0) return names;
    try {
      const [{ registry }] = await this.dataSource.query(`SELECT to_regclass('core.identity_provider') IS NOT NULL AS "registry"`);
      if (registry) {
        const found: { slug: string; name: string }[] = await this.dataSource.query(`SELECT "slug", "name" FROM "core"."identity_provider" WHERE "slug" = ANY($1)`, [slugs]);
        for (const { slug, name } of found) names.set(slug, name);
      }
    } catch (error) {
      this.logger.warn(`identity providers' names unavailable, slugs shown instead: ${(error as Error).message}`);
    }
    return names;
  }
}

function identityProviderName(names: Map<string, string>, slug: string): string {
  return slug ? (names.get(slug) ?? slug) : '';
}

function emptyDays(period: Period): Map<string, DailyLoginsView> {
  return new Map(daysOf(period).map((day) => [day, { day, logins: 0, failures: 0 }]));
}

function shares(logins: Map<string, number>, total: number, names: Map<string, string>): IdentityProviderShareView[] {
  return [...logins.entries()]
    .filter(([, count]) => count > 0)
    .map(([slug, count]) => ({ slug, name: identityProviderName(names, slug) || 'Non précisé', logins: count, share: total > 0 ? count / total : 0 }))
    .sort((a, b) => b.logins - a.logins || a.name.localeCompare(b.name, 'fr'));
}

function buildView(period: Period, services: ServiceRef[], rows: FigureRow[], names: Map<string, string>): StatisticsView {
  const days = emptyDays(period);
  const identityProviders = new Map<string, number>();
  let logins = 0;
  let failures = 0;
  const views: ServiceStatisticsView[] = services.map(({ entity, organisation }) => {
    const own = rows.filter((row) => row.clientId === entity.clientId);
    const ownDays = emptyDays(period);
    const ownIdentityProviders = new Map<string, number>();
    let ownLogins = 0;
    let ownFailures = 0;
    for (const row of own) {
      const day = ownDays.get(row.day);
      const total = days.get(row.day);
      if (!day || !total) continue;
      day.logins += row.logins;
      day.failures += row.failures;
      total.logins += row.logins;
      total.failures += row.failures;
      ownLogins += row.logins;
      ownFailures += row.failures;
      if (row.logins > 0) {
        ownIdentityProviders.set(row.fiSlug, (ownIdentityProviders.get(row.fiSlug) ?? 0) + row.logins);
        identityProviders.set(row.fiSlug, (identityProviders.get(row.fiSlug) ?? 0) + row.logins);
      }
    }
    logins += ownLogins;
    failures += ownFailures;
    return {
      serviceProviderId: entity.id,
      clientId: entity.clientId,
      name: entity.name,
      environment: entity.environment,
      organisation: { id: organisation.id, name: organisation.name, siret: organisation.siret },
      logins: ownLogins,
      failures: ownFailures,
      days: [...ownDays.values()],
      identityProviders: shares(ownIdentityProviders, ownLogins, names),
    };
  });
  return {
    from: period.from,
    to: period.to,
    logins,
    failures,
    days: [...days.values()],
    identityProviders: shares(identityProviders, logins, names),
    services: views,
  };
}

function csvRows(services: ServiceRef[], rows: FigureRow[], names: Map<string, string>): StatisticsCsvRow[] {
  const byClientId = new Map(services.map((service) => [service.entity.clientId, service.entity]));
  const order = new Map(services.map((service, index) => [service.entity.clientId, index]));
  return rows
    .filter((row) => byClientId.has(row.clientId))
    .sort((a, b) => a.day.localeCompare(b.day) || (order.get(a.clientId) ?? 0) - (order.get(b.clientId) ?? 0) || a.fiSlug.localeCompare(b.fiSlug) || a.acr.localeCompare(b.acr))
    .map((row) => {
      const service = byClientId.get(row.clientId) as ServiceProviderEntity;
      return {
        day: row.day,
        service: service.name,
        clientId: row.clientId,
        environment: service.environment,
        identityProvider: identityProviderName(names, row.fiSlug),
        acr: row.acr,
        logins: row.logins,
        failures: row.failures,
      };
    });
}
