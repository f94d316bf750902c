import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import type { Page, ProductionRequestView } from '@federation/partners-contracts';
import type { MailJob } from '@federation/queue';
import {
  AccountEntity,
  HabilitationRequestEntity,
  OrganisationEntity,
  ProductionRequestEntity,
  VendorEntity,
} from '@federation/partners-data';
import { AuditLog } from '../common/audit-log';
import { MailOutbox } from '../common/mail-outbox';
import { NotFoundError, ValidationFailedError } from '../common/partners.errors';
import { ClientPublications } from './client-publications';
import { MAX_POST_LOGOUT_URIS, MAX_REDIRECT_URIS, uriErrors, uriListErrors } from './client-uris';
import type { AdminProductionRequestsQueryDto, CreateProductionRequestDto } from './dto/production-request.dto';
import { HabilitationClients } from './habilitation-clients';
import { ServiceProviderAccess } from './service-provider-access';
import { HabilitationNotInForceError, ProductionRequestDecidedError, ProductionRequestPendingError } from './service-providers.errors';

/** A validated version in force: validated once, not revoked (an update under way keeps it). */
const inForce = (habilitation: HabilitationRequestEntity) => habilitation.validatedVersion > 0 && habilitation.status !== 'revoked';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Going to production: a member asks from a validated habilitation, an admin validates (a
 * production client is issued, in the same transaction, with its publication) or refuses with a
 * message. A habilitation relying on a qualified vendor's solution skips the review: the request
 * is validated as soon as it is filed. Every step is e-mailed and written to the audit log.
 */
@Injectable()
export class ProductionRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ServiceProviderAccess,
    private readonly clients: HabilitationClients,
    private readonly publications: ClientPublications,
    private readonly outbox: MailOutbox,
    private readonly auditLog: AuditLog,
  ) {}

  /** The habilitation's requests, newest first. */
  async listForMember(account: AccountEntity, habilitationId: string): Promise<ProductionRequestView[]> {
    await this.access.habilitationForMember(account.id, habilitationId);
    const requests = await this.dataSource.manager.find(ProductionRequestEntity, { where: { habilitationId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return this.views(requests);
  }

  async create(account: AccountEntity, habilitationId: string, dto: CreateProductionRequestDto): Promise<ProductionRequestView> {
    const postLogoutRedirectUris = dto.postLogoutRedirectUris ?? [];
    const created = await this.dataSource.transaction(async (manager) => {
      // Locked: a revocation or an update decided meanwhile waits for this request (and its client).
      const habilitation = await this.access.habilitationForMember(account.id, habilitationId, { manager, lock: true });
      const errors = [
        ...uriErrors('connectPageUrl', dto.connectPageUrl),
        ...uriListErrors('redirectUris', dto.redirectUris, { min: 1, max: MAX_REDIRECT_URIS }),
        ...uriListErrors('postLogoutRedirectUris', postLogoutRedirectUris, { min: 0, max: MAX_POST_LOGOUT_URIS }),
      ];
      if (errors.length > 0) throw new ValidationFailedError(errors);
      if (!inForce(habilitation)) throw new HabilitationNotInForceError();
      if (await manager.existsBy(ProductionRequestEntity, { habilitationId, status: 'submitted' })) throw new ProductionRequestPendingError();

      const vendor = await this.qualifiedVendor(manager, habilitation);
      const now = new Date();
      const request = await manager.save(
        manager.create(ProductionRequestEntity, {
          habilitationId,
          organisationId: habilitation.organisationId,
          status: vendor ? 'validated' : 'submitted',
          serviceName: dto.serviceName,
          connectPageUrl: dto.connectPageUrl,
          redirectUris: dto.redirectUris,
          postLogoutRedirectUris,
          technicalContact: { ...dto.technicalContact },
          vendorId: vendor?.id ?? null,
          decisionMessage: null,
          decidedBy: null,
          decidedAt: vendor ? now : null,
          serviceProviderId: null,
          createdBy: account.id,
        }),
      );
      if (vendor) {
        const client = await this.clients.issueProductionClient(manager, habilitation, request);
        request.serviceProviderId = client.id;
        await manager.update(ProductionRequestEntity, { id: request.id }, { serviceProviderId: client.id });
      }
      await this.auditLog.record(manager, {
        actorAccountId: account.id,
        action: 'production_request.create',
        targetType: 'production_request',
        targetId: request.id,
        details: { habilitationId, status: request.status, serviceName: request.serviceName, vendorId: request.vendorId, serviceProviderId: request.serviceProviderId },
      });
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: habilitation.organisationId });
      const projectName = habilitation.projectName ?? '';
      await this.outbox.add(
        manager,
        vendor
          ? [this.validatedMail(account.email, request, projectName, true)]
          : (await this.instructorAddresses(manager)).map(
              (to): MailJob => ({
                template: 'production-request-to-instruct',
                to,
                data: { serviceName: request.serviceName, projectName, organisationName: organisation.name, siret: organisation.siret, reviewUrl: this.reviewUrl(request.id) },
              }),
            ),
      );
      return (await this.views([request], manager))[0] as ProductionRequestView;
    });
    await Promise.all([this.outbox.flush(), this.publications.flush()]);
    return created;
  }

  async search(query: AdminProductionRequestsQueryDto): Promise<Page<ProductionRequestView>> {
    const builder = this.dataSource
      .createQueryBuilder(ProductionRequestEntity, 'request')
      .innerJoin(OrganisationEntity, 'organisation', 'organisation.id = request.organisationId');
    if (query.status) builder.andWhere('request.status = :status', { status: query.status });
    if (query.search)
      builder.andWhere('(request.serviceName ILIKE :pattern OR organisation.name ILIKE :pattern OR organisation.siret LIKE :pattern)', {
        pattern: `%${escapeLike(query.search)}%`,
      });
    const [requests, total] = await builder
      .orderBy('request.createdAt', 'DESC')
      .addOrderBy('request.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    return { items: await this.views(requests), total, page: query.page, pageSize: query.pageSize };
  }

  async getForAdmin(id: string): Promise<ProductionRequestView> {
    const request = await this.dataSource.manager.findOneBy(ProductionRequestEntity, { id });
    if (!request) throw new NotFoundError();
    return (await this.views([request]))[0] as ProductionRequestView;
  }

  /** The production client is issued with the habilitation's rights; the requester is told. */
  async validate(admin: AccountEntity, id: string, message: string | null): Promise<ProductionRequestView> {
    const validated = await this.decide(admin, id, 'validate', async (manager, request, habilitation) => {
      if (!inForce(habilitation)) throw new HabilitationNotInForceError();
      const client = await this.clients.issueProductionClient(manager, habilitation, request);
      return { status: 'validated', serviceProviderId: client.id, decisionMessage: message };
    });
    await Promise.all([this.outbox.flush(), this.publications.flush()]);
    return validated;
  }

  async refuse(admin: AccountEntity, id: string, message: string): Promise<ProductionRequestView> {
    const refused = await this.decide(admin, id, 'refuse', () => Promise.resolve({ status: 'refused', decisionMessage: message }));
    await this.outbox.flush();
    return refused;
  }

  /** One decision, all or nothing: the request locked, still submitted, then the change, the audit entry and the requester's e-mail. */
  private async decide(
    admin: AccountEntity,
    id: string,
    decision: 'validate' | 'refuse',
    apply: (
      manager: EntityManager,
      request: ProductionRequestEntity,
      habilitation: HabilitationRequestEntity,
    ) => Promise<Pick<ProductionRequestEntity, 'status' | 'decisionMessage'> & { serviceProviderId?: string }>,
  ): Promise<ProductionRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(ProductionRequestEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw new NotFoundError();
      if (request.status !== 'submitted') throw new ProductionRequestDecidedError(request.status);
      const habilitation = await this.access.habilitation(request.habilitationId, { manager, lock: true });
      const changes = await apply(manager, request, habilitation);
      Object.assign(request, changes, { decidedBy: admin.id, decidedAt: new Date() });
      const saved = await manager.save(request);
      await this.auditLog.record(manager, {
        actorAccountId: admin.id,
        action: `production_request.${decision}`,
        targetType: 'production_request',
        targetId: saved.id,
        details: { fromStatus: 'submitted', toStatus: saved.status, serviceName: saved.serviceName, message: saved.decisionMessage, serviceProviderId: saved.serviceProviderId },
      });
      const requester = await manager.findOne(AccountEntity, { select: { email: true }, where: { id: saved.createdBy } });
      if (requester) {
        const projectName = habilitation.projectName ?? '';
        await this.outbox.add(manager, [
          decision === 'validate'
            ? this.validatedMail(requester.email, saved, projectName, false)
            : {
                template: 'production-request-refused',
                to: requester.email,
                data: { serviceName: saved.serviceName, projectName, reason: saved.decisionMessage ?? '', portalUrl: this.requesterUrl(saved.habilitationId) },
              },
        ]);
      }
      return (await this.views([saved], manager))[0] as ProductionRequestView;
    });
  }

  /** The vendor whose qualified solution the validated habilitation relies on, if it is still active. */
  private async qualifiedVendor(manager: EntityManager, habilitation: HabilitationRequestEntity): Promise<VendorEntity | null> {
    const project = habilitation.validatedContent?.project;
    if (!project?.usesVendorSolution || !project.vendorId) return null;
    return manager.findOneBy(VendorEntity, { id: project.vendorId, active: true });
  }

  private validatedMail(to: string, request: ProductionRequestEntity, projectName: string, withoutReview: boolean): MailJob {
    return {
      template: 'production-request-validated',
      to,
      data: { serviceName: request.serviceName, projectName, message: request.decisionMessage, portalUrl: this.requesterUrl(request.habilitationId), withoutReview },
    };
  }

  /** The portal's pages (apps/espace-partenaire): the habilitation's production page, the admins' review page. */
  private requesterUrl(habilitationId: string): string {
    return `${this.outbox.portalUrl}/habilitations/${habilitationId}/production`;
  }

  private reviewUrl(requestId: string): string {
    return `${this.outbox.portalUrl}/admin/production/${requestId}`;
  }

  /** The instructors: every platform admin whose address is verified. */
  private async instructorAddresses(manager: EntityManager): Promise<string[]> {
    const admins = await manager.find(AccountEntity, {
      select: { email: true },
      where: { isPlatformAdmin: true, emailVerifiedAt: Not(IsNull()) },
      order: { email: 'ASC' },
    });
    return admins.map((admin) => admin.email);
  }

  private async views(requests: ProductionRequestEntity[], manager: EntityManager = this.dataSource.manager): Promise<ProductionRequestView[]> {
    if (requests.length === 0) return [];
    const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
    // One after the other: `manager` may be a transaction's, whose single connection runs one query at a time.
    const organisations = await manager.find(OrganisationEntity, { select: { id: true, siret: true, name: true }, where: { id: In(unique(requests.map((r) => r.organisationId))) } });
    const habilitations = await manager.find(HabilitationRequestEntity, { select: { id: true, projectName: true }, where: { id: In(unique(requests.map((r) => r.habilitationId))) } });
    const vendorIds = unique(requests.map((r) => r.vendorId));
    const vendors = vendorIds.length > 0 ? await manager.find(VendorEntity, { select: { id: true, name: true }, where: { id: In(vendorIds) } }) : [];
    return requests.map((request) => {
      const organisation = organisations.find((row) => row.id === request.organisationId);
      const vendor = vendors.find((row) => row.id === request.vendorId);
      return {
        id: request.id,
        habilitationId: request.habilitationId,
        habilitationProjectName: habilitations.find((row) => row.id === request.habilitationId)?.projectName ?? null,
        organisation: { id: request.organisationId, siret: organisation?.siret ?? '', name: organisation?.name ?? '' },
        status: request.status,
        serviceName: request.serviceName,
        connectPageUrl: request.connectPageUrl,
        redirectUris: request.redirectUris,
        postLogoutRedirectUris: request.postLogoutRedirectUris,
        technicalContact: request.technicalContact,
        vendor: vendor ? { id: vendor.id, name: vendor.name } : null,
        decisionMessage: request.decisionMessage,
        decidedAt: request.decidedAt?.toISOString() ?? null,
        serviceProviderId: request.serviceProviderId,
        createdAt: request.createdAt.toISOString(),
      };
    });
  }
}
