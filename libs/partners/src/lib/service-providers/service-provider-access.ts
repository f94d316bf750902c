import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { HabilitationRequestEntity, MembershipEntity, ServiceProviderEntity } from '@federation/partners-data';
import { NotFoundError } from '../common/partners.errors';

export interface LoadOptions {
  /** Run inside this transaction… */
  manager?: EntityManager;
  /** …and lock the row until it ends (`SELECT … FOR UPDATE`). */
  lock?: boolean;
}

/**
 * Who may see which client or habilitation: the active members of the organisation that owns it;
 * anybody else gets the same 404 as for an unknown id, so nothing tells it exists. Platform admins
 * reach them through the admin routes only.
 */
@Injectable()
export class ServiceProviderAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertActiveMember(accountId: string, organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await manager.existsBy(MembershipEntity, { accountId, organisationId, status: 'active' }))) throw new NotFoundError();
  }

  async serviceProvider(id: string, options: LoadOptions = {}): Promise<ServiceProviderEntity> {
    const manager = options.manager ?? this.dataSource.manager;
    const found = await manager.findOne(ServiceProviderEntity, { where: { id }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!found) throw new NotFoundError();
    return found;
  }

  async serviceProviderForMember(accountId: string, id: string, options: LoadOptions = {}): Promise<ServiceProviderEntity> {
    const serviceProvider = await this.serviceProvider(id, options);
    await this.assertActiveMember(accountId, serviceProvider.organisationId, options.manager);
    return serviceProvider;
  }

  async habilitation(id: string, options: LoadOptions = {}): Promise<HabilitationRequestEntity> {
    const manager = options.manager ?? this.dataSource.manager;
    const found = await manager.findOne(HabilitationRequestEntity, {
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw new NotFoundError();
    return found;
  }

  async habilitationForMember(accountId: string, id: string, options: LoadOptions = {}): Promise<HabilitationRequestEntity> {
    const habilitation = await this.habilitation(id, options);
    await this.assertActiveMember(accountId, habilitation.organisationId, options.manager);
    return habilitation;
  }
}
