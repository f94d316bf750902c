import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository, type EntityManager } from 'typeorm';
import type {
  MemberView,
  MembershipView,
  OrganisationView,
} from '@federation/partners-contracts';
import {
  AccountEntity,
  MembershipEntity,
  OrganisationEntity,
  type MembershipRoleValue,
} from '@federation/partners-data';
import { NotFoundError } from '../common/partners.errors';
import {
  toMemberView,
  toMembershipView,
  toOrganisationView,
} from './organisation.views';
import {
  LastAdminError,
  OrganisationAdminOnlyError,
} from './organisations.errors';

/**
 * An organisation as its members see it. Only active members see anything: to anyone else an
 * organisation is a 404, whether it exists or not. Changes of members lock the organisation row, so
 * two admins demoting each other cannot leave it without an admin.
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MembershipEntity)
    private readonly memberships: Repository<MembershipEntity>,
  ) {}

  /** Every membership of an account, whatever its status (a rejection shows its reason). */
  async membershipsOf(accountId: string): Promise<MembershipView[]> {
    const memberships = await this.memberships.find({
      where: { accountId },
      relations: { organisation: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return memberships.map((membership) =>
      toMembershipView(
        membership,
        membership.organisation as OrganisationEntity,
      ),
    );
  }

  async organisation(
    accountId: string,
    organisationId: string,
  ): Promise<OrganisationView> {
    const membership = await this.activeMembership(
      this.dataSource.manager,
      accountId,
      organisationId,
    );
    return toOrganisationView(membership.organisation as OrganisationEntity);
  }

  async members(
    accountId: string,
    organisationId: string,
  ): Promise<MemberView[]> {
    await this.activeMembership(
      this.dataSource.manager,
      accountId,
      organisationId,
    );
    const members = await this.memberships.find({
      where: { organisationId, status: 'active' },
      relations: { account: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return members.map((member) =>
      toMemberView(member, member.account as AccountEntity),
    );
  }

  /** An organisation admin makes a member admin, or an admin a plain member (never the last admin). */
  async changeRole(
    actorId: string,
    organisationId: string,
    membershipId: string,
    role: MembershipRoleValue,
  ): Promise<MemberView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockOrganisation(manager, organisationId);
      const actor = await this.activeMembership(
        manager,
        actorId,
        organisationId,
      );
      if (actor.role !== 'admin') throw new OrganisationAdminOnlyError();
      const target = await this.activeMemberById(
        manager,
        organisationId,
        membershipId,
      );
      if (
        target.role === 'admin' &&
        role === 'member' &&
        (await this.adminCount(manager, organisationId)) <= 1
      )
        throw new LastAdminError();
      if (target.role !== role)
        await manager.update(MembershipEntity, { id: target.id }, { role });
      return toMemberView({ ...target, role }, target.account as AccountEntity);
    });
  }

  /** An organisation admin removes a member, or a member leaves; the last admin stays. */
  async removeMember(
    actorId: string,
    organisationId: string,
    membershipId: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOrganisation(manager, organisationId);
      const actor = await this.activeMembership(
        manager,
        actorId,
        organisationId,
      );
      const target = await this.activeMemberById(
        manager,
        organisationId,
        membershipId,
      );
      if (target.id !== actor.id && actor.role !== 'admin')
        throw new OrganisationAdminOnlyError();
      if (
        target.role === 'admin' &&
        (await this.adminCount(manager, organisationId)) <= 1
      )
        throw new LastAdminError();
      await manager.delete(MembershipEntity, { id: target.id });
    });
  }

  private async lockOrganisation(
    manager: EntityManager,
    organisationId: string,
  ): Promise<void> {
    const organisation = await manager.findOne(OrganisationEntity, {
      where: { id: organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!organisation) throw new NotFoundError();
  }

  /** The caller's active membership of the organisation, or a 404 (nothing says whether it exists). */
  private async activeMembership(
    manager: EntityManager,
    accountId: string,
    organisationId: string,
  ): Promise<MembershipEntity> {
    const membership = await manager.findOne(MembershipEntity, {
      where: { accountId, organisationId, status: 'active' },
      relations: { organisation: true },
    });
    if (!membership) throw new NotFoundError();
    return membership;
  }

  private async activeMemberById(
    manager: EntityManager,
    organisationId: string,
    membershipId: string,
  ): Promise<MembershipEntity> {
    const membership = await manager.findOne(MembershipEntity, {
      where: { id: membershipId, organisationId, status: 'active' },
      relations: { account: true },
    });
    if (!membership)
      throw new NotFoundError(
        'Ce membre n’existe pas dans cette organisation.',
      );
    return membership;
  }

  private adminCount(
    manager: EntityManager,
    organisationId: string,
  ): Promise<number> {
    return manager.countBy(MembershipEntity, {
      organisationId,
      status: 'active',
      role: 'admin',
    });
  }
}
