import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type { ModerationItemView, Page } from '@federation/partners-contracts';
import {
  AccountEntity,
  MembershipEntity,
  OrganisationEntity,
  type MembershipStatusValue,
} from '@federation/partners-data';
import type { MailJob } from '@federation/queue';
import { normaliseSiret } from '@federation/siret';
import { AuditLog } from '../common/audit-log';
import { MailOutbox } from '../common/mail-outbox';
import { NotFoundError } from '../common/partners.errors';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { toOrganisationView } from './organisation.views';
import { MembershipNotPendingError } from './organisations.errors';

export interface ModerationQuery {
  status: MembershipStatusValue;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * Memberships waiting for a platform admin (join case 3): the queue, oldest first, and the
 * decisions, each written with its audit entry and its e-mail in one transaction.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MembershipEntity)
    private readonly memberships: Repository<MembershipEntity>,
    private readonly auditLog: AuditLog,
    private readonly outbox: MailOutbox,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async list(query: ModerationQuery): Promise<Page<ModerationItemView>> {
    const builder = this.memberships
      .createQueryBuilder('membership')
      .innerJoinAndSelect('membership.organisation', 'organisation')
      .innerJoinAndSelect('membership.account', 'account')
      .where('membership.status = :status', { status: query.status });
    const words = query.q?.trim();
    if (words) {
      builder.andWhere(
        '(organisation.name ILIKE :contains OR organisation.siret LIKE :siret OR account.email ILIKE :contains)',
        {
          contains: `%${escapeLike(words)}%`,
          siret: `%${escapeLike(normaliseSiret(words))}%`,
        },
      );
    }
    const [memberships, total] = await builder
      .orderBy('membership.createdAt', 'ASC')
      .addOrderBy('membership.id', 'ASC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getManyAndCount();
    const domains = await this.memberDomains(
      this.dataSource.manager,
      memberships.map((membership) => membership.organisationId),
    );
    return {
      items: memberships.map((membership) =>
        toModerationItem(
          membership,
          domains.get(membership.organisationId) ?? [],
        ),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** The account becomes an active member (the admin of the organisation if it has none left). */
  async accept(
    adminId: string,
    membershipId: string,
  ): Promise<ModerationItemView> {
    return this.decide(
      adminId,
      membershipId,
      async (manager, membership, organisation, account) => {
        const hasAdmin =
          (await manager.countBy(MembershipEntity, {
            organisationId: organisation.id,
            status: 'active',
            role: 'admin',
          })) > 0;
        Object.assign(membership, {
          status: 'active',
          role: hasAdmin ? 'member' : 'admin',
          rejectionReason: null,
        });
        return {
          action: 'membership.accept',
          details: {
            organisationId: organisation.id,
            siret: organisation.siret,
            accountId: membership.accountId,
            role: membership.role,
          },
          mail: {
            template: 'membership-accepted',
            to: account.email,
            data: {
              organisationName: organisation.name,
              portalUrl: this.outbox.portalUrl,
            },
          },
        };
      },
    );
  }

  async reject(
    adminId: string,
    membershipId: string,
    reason: string,
  ): Promise<ModerationItemView> {
    return this.decide(
      adminId,
      membershipId,
      async (_manager, membership, organisation, account) => {
        Object.assign(membership, {
          status: 'rejected',
          rejectionReason: reason,
        });
        return {
          action: 'membership.reject',
          details: {
            organisationId: organisation.id,
            siret: organisation.siret,
            accountId: membership.accountId,
            reason,
          },
          mail: {
            template: 'membership-rejected',
            to: account.email,
            data: {
              organisationName: organisation.name,
              reason,
              supportEmail: this.options.supportEmail,
            },
          },
        };
      },
    );
  }

  private async decide(
    adminId: string,
    membershipId: string,
    apply: (
      manager: EntityManager,
      membership: MembershipEntity,
      organisation: OrganisationEntity,
      account: AccountEntity,
    ) => Promise<{
      action: string;
      details: Record<string, unknown>;
      mail: MailJob;
    }>,
  ): Promise<ModerationItemView> {
    const item = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(MembershipEntity, {
        id: membershipId,
      });
      if (!found) throw new NotFoundError();
      // Organisation first, as joins and member changes do: one lock order, no deadlock.
      const organisation = await manager.findOneOrFail(OrganisationEntity, {
        where: { id: found.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      const membership = await manager.findOneOrFail(MembershipEntity, {
        where: { id: membershipId },
        lock: { mode: 'pessimistic_write' },
      });
      if (membership.status !== 'pending')
        throw new MembershipNotPendingError();
      const account = await manager.findOneByOrFail(AccountEntity, {
        id: membership.accountId,
      });
      const decision = await apply(manager, membership, organisation, account);
      await manager.update(
        MembershipEntity,
        { id: membership.id },
        {
          status: membership.status,
          role: membership.role,
          rejectionReason: membership.rejectionReason,
          decidedBy: adminId,
          decidedAt: new Date(),
        },
      );
      await this.auditLog.record(manager, {
        actorAccountId: adminId,
        action: decision.action,
        targetType: 'membership',
        targetId: membership.id,
        details: decision.details,
      });
      await this.outbox.add(manager, [decision.mail]);
      const domains = await this.memberDomains(manager, [organisation.id]);
      return toModerationItem(
        { ...membership, organisation, account },
        domains.get(organisation.id) ?? [],
      );
    });
    await this.outbox.flush();
    return item;
  }

  /** E-mail domains of each organisation's active members, to help the admin decide. */
  private async memberDomains(
    manager: EntityManager,
    organisationIds: string[],
  ): Promise<Map<string, string[]>> {
    const domains = new Map<string, string[]>();
    if (organisationIds.length === 0) return domains;
    const rows = await manager
      .createQueryBuilder(MembershipEntity, 'membership')
      .innerJoin('membership.account', 'account')
      .select('membership.organisationId', 'organisationId')
      .addSelect('account.emailDomain', 'domain')
      .distinct(true)
      .where('membership.organisationId IN (:...organisationIds)', {
        organisationIds: [...new Set(organisationIds)],
      })
      .andWhere('membership.status = :active', { active: 'active' })
      .getRawMany<{ organisationId: string; domain: string }>();
    for (const { organisationId, domain } of rows)
      domains.set(organisationId, [
        ...(domains.get(organisationId) ?? []),
        domain,
      ]);
    for (const list of domains.values()) list.sort();
    return domains;
  }
}

function toModerationItem(
  membership: MembershipEntity,
  memberDomains: string[],
): ModerationItemView {
  const account = membership.account as AccountEntity;
  return {
    membershipId: membership.id,
    status: membership.status,
    account: {
      id: account.id,
      email: account.email,
      givenName: account.givenName,
      familyName: account.familyName,
    },
    organisation: toOrganisationView(
      membership.organisation as OrganisationEntity,
    ),
    memberDomains,
    createdAt: membership.createdAt.toISOString(),
  };
}

/** `%` and `_` typed in the search box are searched for, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
