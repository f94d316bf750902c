import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { JoinOutcome, JoinResult } from '@federation/partners-contracts';
import {
  AccountEntity,
  MembershipEntity,
  OrganisationEntity,
  type MembershipRoleValue,
} from '@federation/partners-data';
import type { MailJob } from '@federation/queue';
import type { Establishment } from '@federation/siret';
import { MailOutbox } from '../common/mail-outbox';
import { PARTNERS_OPTIONS, type PartnersOptions } from '../partners.options';
import { EstablishmentsService, formatAddress } from './establishments.service';
import { isFreeEmailDomain } from './free-email-domains';
import { displayName, toMembershipView } from './organisation.views';
import {
  AlreadyMemberError,
  MembershipAlreadyPendingError,
  MembershipRejectedError,
} from './organisations.errors';

/**
 * Joining an organisation by SIRET, the three cases:
 *  1. no active member yet → the organisation is created if needed and the account becomes its admin;
 *  2. an active member shares the account's e-mail domain (not a webmail) → active member, members told;
 *  3. otherwise → pending until a platform admin decides.
 * The organisation row is locked for the whole decision, so concurrent first joins make one admin.
 */
@Injectable()
export class JoinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly establishments: EstablishmentsService,
    private readonly outbox: MailOutbox,
    @Inject(PARTNERS_OPTIONS) private readonly options: PartnersOptions,
  ) {}

  async join(account: AccountEntity, siret: string): Promise<JoinResult> {
    const establishment = await this.establishments.joinable(siret);
    const result = await this.dataSource.transaction((manager) =>
      this.joinWithin(manager, account, establishment),
    );
    await this.outbox.flush();
    return result;
  }

  /** The decision, in the caller's transaction; the caller flushes the mail outbox once it commits. */
  async joinWithin(
    manager: EntityManager,
    account: AccountEntity,
    establishment: Establishment,
  ): Promise<JoinResult> {
    const organisation = await this.lockOrganisation(manager, establishment);
    const existing = await manager.findOneBy(MembershipEntity, {
      accountId: account.id,
      organisationId: organisation.id,
    });
    if (existing) throw this.alreadyThere(existing, organisation);

    const activeMembers = await manager.find(MembershipEntity, {
      where: { organisationId: organisation.id, status: 'active' },
      relations: { account: true },
    });
    const outcome = joinOutcome(
      account.emailDomain,
      activeMembers.map((member) => member.account?.emailDomain ?? ''),
    );
    const role: MembershipRoleValue =
      outcome === 'organisation_created' ? 'admin' : 'member';
    const membership = await manager.save(
      manager.create(MembershipEntity, {
        accountId: account.id,
        organisationId: organisation.id,
        role,
        status: outcome === 'pending_moderation' ? 'pending' : 'active',
        rejectionReason: null,
        decidedBy: null,
        decidedAt: null,
      }),
    );
    await this.outbox.add(
      manager,
      this.mailsOf(outcome, account, organisation, activeMembers),
    );
    return {
      outcome,
      message: this.messageOf(outcome, organisation),
      membership: toMembershipView(membership, organisation),
    };
  }

  /** The organisation of the establishment, created on first join, locked until the transaction ends. */
  private async lockOrganisation(
    manager: EntityManager,
    establishment: Establishment,
  ): Promise<OrganisationEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(OrganisationEntity)
      .values({
        siret: establishment.siret,
        name: establishment.name,
        address: formatAddress(establishment),
        isHeadOffice: establishment.headOffice,
      })
      .orIgnore()
      .execute();
    return manager.findOneOrFail(OrganisationEntity, {
      where: { siret: establishment.siret },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private alreadyThere(
    membership: MembershipEntity,
    organisation: OrganisationEntity,
  ): Error {
    if (membership.status === 'active')
      return new AlreadyMemberError(organisation.name);
    if (membership.status === 'pending')
      return new MembershipAlreadyPendingError(organisation.name);
    return new MembershipRejectedError(
      organisation.name,
      membership.rejectionReason,
      this.options.supportEmail,
    );
  }

  private mailsOf(
    outcome: JoinOutcome,
    account: AccountEntity,
    organisation: OrganisationEntity,
    activeMembers: MembershipEntity[],
  ): MailJob[] {
    if (outcome === 'joined')
      return activeMembers.flatMap((member) =>
        member.account
          ? [
              {
                template: 'member-joined' as const,
                to: member.account.email,
                data: {
                  organisationName: organisation.name,
                  memberName: displayName(account),
                  memberEmail: account.email,
                  membersUrl: `${this.outbox.portalUrl}/organisations/${organisation.id}/membres`,
                },
              },
            ]
          : [],
      );
    if (outcome === 'pending_moderation')
      return [
        {
          template: 'membership-pending',
          to: account.email,
          data: {
            organisationName: organisation.name,
            supportEmail: this.options.supportEmail,
          },
        },
      ];
    return [];
  }

  private messageOf(
    outcome: JoinOutcome,
    organisation: OrganisationEntity,
  ): string {
    switch (outcome) {
      case 'organisation_created':
        return `Vous êtes le premier membre de l’organisation ${organisation.name} : vous en êtes l’administrateur.`;
      case 'joined':
        return `Vous avez rejoint l’organisation ${organisation.name} : votre adresse électronique relève du même domaine que celle de ses membres.`;
      case 'pending_moderation':
        return (
          `Votre rattachement à l’organisation ${organisation.name} doit être vérifié par notre équipe. ` +
          `Pour accélérer la vérification, écrivez à ${this.options.supportEmail} en précisant votre fonction.`
        );
    }
  }
}

/** Which case applies, from the joining account's domain and the domains of the active members. */
export function joinOutcome(
  accountDomain: string,
  activeMemberDomains: string[],
): JoinOutcome {
  if (activeMemberDomains.length === 0) return 'organisation_created';
  const domain = accountDomain.toLowerCase();
  if (
    !isFreeEmailDomain(domain) &&
    activeMemberDomains.some(
      (memberDomain) => memberDomain.toLowerCase() === domain,
    )
  )
    return 'joined';
  return 'pending_moderation';
}
