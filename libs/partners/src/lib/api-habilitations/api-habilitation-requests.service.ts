import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import type { ApiHabilitationRequestView, DataProviderView, FieldError, Page } from '@federation/partners-contracts';
import type { MailJob } from '@federation/queue';
import { AccountEntity, ApiHabilitationRequestEntity, HabilitationMessageEntity, HabilitationRequestEntity, OrganisationEntity } from '@federation/partners-data';
import { AuditLog } from '../common/audit-log';
import { MailOutbox } from '../common/mail-outbox';
import { NotFoundError, ValidationFailedError } from '../common/partners.errors';
import { ClientPublications } from '../service-providers/client-publications';
import { HabilitationClients } from '../service-providers/habilitation-clients';
import { ServiceProviderAccess } from '../service-providers/service-provider-access';
import { ApiHabilitationNotInForceError, ApiHabilitationRequestDecidedError, ApiHabilitationRequestPendingError } from './api-habilitations.errors';
import { DataProviderCatalogue } from './data-provider-catalogue';
import type { AdminApiHabilitationRequestsQueryDto, CreateApiHabilitationRequestDto } from './dto/api-habilitation-request.dto';

/** A validated version in force: validated once, not revoked (an update under way keeps it). */
const inForce = (habilitation: HabilitationRequestEntity) => habilitation.validatedVersion > 0 && habilitation.status !== 'revoked';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Two submissions at the same time: the second meets the unique index (one request under review per FD and habilitation). */
function isPendingRace(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === 'api_habilitation_request_submitted_key';
}

/**
 * Requests of type « API FranceConnectée »: a member of the organisation asks, for a validated
 * habilitation, the scopes of one data provider with a justification; an admin validates (the
 * scopes join the rights of every client of the habilitation, published to the core in the same
 * transaction) or refuses with a reason. The decision is written in the habilitation's thread and
 * the requester is told by e-mail; every step is in the audit log.
 */
@Injectable()
export class ApiHabilitationRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ServiceProviderAccess,
    private readonly catalogue: DataProviderCatalogue,
    private readonly clients: HabilitationClients,
    private readonly publications: ClientPublications,
    private readonly outbox: MailOutbox,
    private readonly auditLog: AuditLog,
  ) {}

  dataProviders(): Promise<DataProviderView[]> {
    return this.catalogue.all();
  }

  /** The habilitation's requests, newest first. */
  async listForMember(account: AccountEntity, habilitationId: string): Promise<ApiHabilitationRequestView[]> {
    await this.access.habilitationForMember(account.id, habilitationId);
    const requests = await this.dataSource.manager.find(ApiHabilitationRequestEntity, { where: { habilitationId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return this.views(requests);
  }

  async create(account: AccountEntity, habilitationId: string, dto: CreateApiHabilitationRequestDto): Promise<ApiHabilitationRequestView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Locked: a revocation decided meanwhile waits for this request.
        const habilitation = await this.access.habilitationForMember(account.id, habilitationId, { manager, lock: true });
        const provider = await this.catalogue.find(dto.dataProviderSlug, manager);
        const scopes = [...new Set(dto.scopes)];
        if (!provider) throw new ValidationFailedError([{ field: 'dataProviderSlug', messages: ['Ce fournisseur de données n’existe pas : choisissez-en un dans la liste.'] }]);
        const offered = new Set(provider.scopes.map((entry) => entry.scope));
        const errors: FieldError[] = scopes.flatMap((scope, index) =>
          offered.has(scope) ? [] : [{ field: `scopes.${index}`, messages: [`La donnée « ${scope} » n’est pas proposée par ${provider.name}.`] }],
        );
        if (errors.length > 0) throw new ValidationFailedError(errors);
        if (!inForce(habilitation)) throw new ApiHabilitationNotInForceError();
        if (await manager.existsBy(ApiHabilitationRequestEntity, { habilitationId, dataProviderSlug: provider.slug, status: 'submitted' }))
          throw new ApiHabilitationRequestPendingError(provider.name);

        const request = await manager.save(
          manager.create(ApiHabilitationRequestEntity, {
            habilitationId,
            organisationId: habilitation.organisationId,
            dataProviderSlug: provider.slug,
            // In the catalogue's order, whatever the order of the form.
            scopes: provider.scopes.map((entry) => entry.scope).filter((scope) => scopes.includes(scope)),
            justification: dto.justification,
            status: 'submitted',
            decisionMessage: null,
            decidedBy: null,
            decidedAt: null,
            createdBy: account.id,
          }),
        );
        await this.auditLog.record(manager, {
          actorAccountId: account.id,
          action: 'api_habilitation_request.create',
          targetType: 'api_habilitation_request',
          targetId: request.id,
          details: { habilitationId, dataProviderSlug: request.dataProviderSlug, scopes: request.scopes },
        });
        return (await this.views([request], manager))[0] as ApiHabilitationRequestView;
      });
    } catch (error) {
      if (isPendingRace(error)) {
        const provider = await this.catalogue.find(dto.dataProviderSlug);
        throw new ApiHabilitationRequestPendingError(provider?.name ?? dto.dataProviderSlug);
      }
      throw error;
    }
  }

  async search(query: AdminApiHabilitationRequestsQueryDto): Promise<Page<ApiHabilitationRequestView>> {
    const builder = this.dataSource
      .createQueryBuilder(ApiHabilitationRequestEntity, 'request')
      .innerJoin(OrganisationEntity, 'organisation', 'organisation.id = request.organisationId')
      .innerJoin(HabilitationRequestEntity, 'habilitation', 'habilitation.id = request.habilitationId');
    if (query.status) builder.andWhere('request.status = :status', { status: query.status });
    if (query.search)
      builder.andWhere(
        '(habilitation.projectName ILIKE :pattern OR organisation.name ILIKE :pattern OR organisation.siret LIKE :pattern OR request.dataProviderSlug ILIKE :pattern)',
        { pattern: `%${escapeLike(query.search)}%` },
      );
    const [requests, total] = await builder
      .orderBy('request.createdAt', 'DESC')
      .addOrderBy('request.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    return { items: await this.views(requests), total, page: query.page, pageSize: query.pageSize };
  }

  async getForAdmin(id: string): Promise<ApiHabilitationRequestView> {
    const request = await this.dataSource.manager.findOneBy(ApiHabilitationRequestEntity, { id });
    if (!request) throw new NotFoundError();
    return (await this.views([request]))[0] as ApiHabilitationRequestView;
  }

  /** The FD's scopes join the habilitation's rights: every active client gets them, published to the core. */
  async validate(admin: AccountEntity, id: string, message: string | null): Promise<ApiHabilitationRequestView> {
    const validated = await this.decide(admin, id, 'validate', message, async (manager, request, habilitation) => {
      if (!inForce(habilitation)) throw new ApiHabilitationNotInForceError();
      request.status = 'validated';
      await this.save(manager, admin, request, message);
      await this.clients.apiScopesGranted(manager, habilitation);
    });
    await Promise.all([this.outbox.flush(), this.publications.flush()]);
    return validated;
  }

  async refuse(admin: AccountEntity, id: string, message: string): Promise<ApiHabilitationRequestView> {
    const refused = await this.decide(admin, id, 'refuse', message, async (manager, request) => {
      request.status = 'refused';
      await this.save(manager, admin, request, message);
    });
    await this.outbox.flush();
    return refused;
  }

  private async save(manager: EntityManager, admin: AccountEntity, request: ApiHabilitationRequestEntity, message: string | null): Promise<void> {
    Object.assign(request, { decisionMessage: message, decidedBy: admin.id, decidedAt: new Date() });
    await manager.save(request);
  }

  /**
   * One decision, all or nothing: the request and its habilitation locked, the request still
   * submitted, then the change (`apply`), the audit entry, the message in the habilitation's thread
   * and the requester's e-mail.
   */
  private async decide(
    admin: AccountEntity,
    id: string,
    decision: 'validate' | 'refuse',
    message: string | null,
    apply: (manager: EntityManager, request: ApiHabilitationRequestEntity, habilitation: HabilitationRequestEntity) => Promise<void>,
  ): Promise<ApiHabilitationRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ApiHabilitationRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError();
      if (request.status !== 'submitted') throw new ApiHabilitationRequestDecidedError(request.status);
      const habilitation = await this.access.habilitation(request.habilitationId, { manager, lock: true });
      await apply(manager, request, habilitation);
      await this.auditLog.record(manager, {
        actorAccountId: admin.id,
        action: `api_habilitation_request.${decision}`,
        targetType: 'api_habilitation_request',
        targetId: request.id,
        details: { habilitationId: request.habilitationId, fromStatus: 'submitted', toStatus: request.status, dataProviderSlug: request.dataProviderSlug, scopes: request.scopes, message },
      });
      const view = (await this.views([request], manager))[0] as ApiHabilitationRequestView;
      await manager.insert(HabilitationMessageEntity, {
        requestId: habilitation.id,
        authorAccountId: admin.id,
        authorRole: 'instructor',
        body: decisionNotice(view),
      });
      const requester = await manager.findOne(AccountEntity, { select: { email: true }, where: { id: request.createdBy } });
      if (requester) await this.outbox.add(manager, [this.decisionMail(requester.email, habilitation)]);
      return view;
    });
  }

  /**
   * The requester is told that the habilitation's thread has the decision (with the reason): the
   * e-mail itself carries no personal data, like every message of the thread.
   */
  private decisionMail(to: string, habilitation: HabilitationRequestEntity): MailJob {
    return {
      template: 'habilitation-message',
      to,
      data: { projectName: habilitation.projectName ?? '', requestUrl: `${this.outbox.portalUrl}/habilitations/${habilitation.id}#api-franceconnectees`, fromInstructor: true },
    };
  }

  private async views(requests: ApiHabilitationRequestEntity[], manager: EntityManager = this.dataSource.manager): Promise<ApiHabilitationRequestView[]> {
    if (requests.length === 0) return [];
    const unique = (values: string[]) => [...new Set(values)];
    // One after the other: `manager` may be a transaction's, whose single connection runs one query at a time.
    const organisations = await manager.find(OrganisationEntity, { select: { id: true, siret: true, name: true }, where: { id: In(unique(requests.map((r) => r.organisationId))) } });
    const habilitations = await manager.find(HabilitationRequestEntity, { select: { id: true, projectName: true }, where: { id: In(unique(requests.map((r) => r.habilitationId))) } });
    const providers = await this.catalogue.all(manager);
    return requests.map((request) => {
      const organisation = organisations.find((row) => row.id === request.organisationId);
      const provider = providers.find((row) => row.slug === request.dataProviderSlug);
      return {
        id: request.id,
        habilitationId: request.habilitationId,
        habilitationProjectName: habilitations.find((row) => row.id === request.habilitationId)?.projectName ?? null,
        organisation: { id: request.organisationId, siret: organisation?.siret ?? '', name: organisation?.name ?? '' },
        dataProvider: { slug: request.dataProviderSlug, name: provider?.name ?? request.dataProviderSlug },
        scopes: request.scopes.map((scope) => ({ scope, label: provider?.scopes.find((entry) => entry.scope === scope)?.label ?? scope })),
        justification: request.justification,
        status: request.status,
        decisionMessage: request.decisionMessage,
        decidedAt: request.decidedAt?.toISOString() ?? null,
        createdAt: request.createdAt.toISOString(),
      };
    });
  }
}

/** The decision as the habilitation's thread shows it to the applicants. */
function decisionNotice(view: ApiHabilitationRequestView): string {
  const scopes = view.scopes.map((entry) => entry.label).join(', ');
  if (view.status === 'validated')
    return [
      `Demande d’API FranceConnectée validée : ${view.dataProvider.name}.`,
      `Les données suivantes sont désormais autorisées pour tous les accès de cette habilitation : ${scopes}.`,
      ...(view.decisionMessage ? [`Message de l’instructeur : ${view.decisionMessage}`] : []),
    ].join('\n');
  return [`Demande d’API FranceConnectée refusée : ${view.dataProvider.name} (${scopes}).`, `Motif du refus : ${view.decisionMessage ?? ''}`].join('\n');
}
