import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEntryView, Page } from '@federation/partners-contracts';
import { AccountEntity, AuditLogEntity } from '@federation/partners-data';
import type { AuditLogQueryDto } from './audit-log-query.dto';

interface AuditRow {
  id: string;
  actor_account_id: string | null;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
  created_at: Date;
}

/** The audit log as admins read it: newest first (index on created_at DESC), with the actor's e-mail. */
@Injectable()
export class AuditLogViewService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    const filtered = this.dataSource.createQueryBuilder(AuditLogEntity, 'entry');
    if (query.action) filtered.andWhere('entry.action = :action', { action: query.action });
    if (query.targetType) filtered.andWhere('entry.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) filtered.andWhere('entry.targetId = :targetId', { targetId: query.targetId });

    const [rows, total] = await Promise.all([
      filtered
        .clone()
        .leftJoin(AccountEntity, 'actor', 'actor.id = entry.actorAccountId')
        .select([
          'entry.id AS id',
          'entry.actorAccountId AS actor_account_id',
          'actor.email AS actor_email',
          'entry.action AS action',
          'entry.targetType AS target_type',
          'entry.targetId AS target_id',
          'entry.details AS details',
          'entry.createdAt AS created_at',
        ])
        .orderBy('entry.createdAt', 'DESC')
        .addOrderBy('entry.id', 'DESC')
        .offset((query.page - 1) * query.pageSize)
        .limit(query.pageSize)
        .getRawMany<AuditRow>(),
      filtered.clone().getCount(),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        actor: row.actor_account_id && row.actor_email ? { id: row.actor_account_id, email: row.actor_email } : null,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        details: row.details,
        at: row.created_at.toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
