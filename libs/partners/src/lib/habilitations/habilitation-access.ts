import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { HabilitationRequestEntity, MembershipEntity } from '@federation/partners-data';
import { NotFoundError } from '../common/partners.errors';

export interface LoadOptions {
  /** Run inside this transaction… */
  manager?: EntityManager;
  /** …and lock the row until it ends (`SELECT … FOR UPDATE`): decisions and edits never interleave. */
  lock?: boolean;
}

/**
 * Who may see which request. Applicants: the active members of its organisation; anyone else gets
 * the same 404 as for an unknown id, so nothing leaks. Instructors (platform admins): every request.
 */
@Injectable()
export class HabilitationAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertActiveMember(accountId: string, organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const member = await manager.existsBy(MembershipEntity, { accountId, organisationId, status: 'active' });
    if (!member) throw new NotFoundError();
  }

  async forApplicant(accountId: string, id: string, options: LoadOptions = {}): Promise<HabilitationRequestEntity> {
    const manager = options.manager ?? this.dataSource.manager;
    const request = await this.load(id, options);
    if (!request) throw new NotFoundError();
    await this.assertActiveMember(accountId, request.organisationId, manager);
    return request;
  }

  /** Drafts never submitted stay out of the queue, but an instructor given their link can read them. */
  async forInstructor(id: string, options: LoadOptions = {}): Promise<HabilitationRequestEntity> {
    const request = await this.load(id, options);
    if (!request) throw new NotFoundError();
    return request;
  }

  private load(id: string, options: LoadOptions): Promise<HabilitationRequestEntity | null> {
    const manager = options.manager ?? this.dataSource.manager;
    return manager.findOne(HabilitationRequestEntity, {
      where: { id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}
