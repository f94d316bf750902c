import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { HabilitationEventView, HabilitationMessageView } from '@federation/partners-contracts';
import {
  AccountEntity,
  HabilitationEventEntity,
  HabilitationMessageEntity,
  type HabilitationRequestEntity,
} from '@federation/partners-data';
import type { HabilitationSide } from './habilitation-views';

interface NamedRow {
  given_name: string | null;
  family_name: string | null;
}

export type NewEvent = Pick<HabilitationEventEntity, 'type' | 'fromStatus' | 'toStatus'> &
  Partial<Pick<HabilitationEventEntity, 'message' | 'changedFields'>>;

const fullName = (row: NamedRow) => [row.given_name, row.family_name].filter(Boolean).join(' ') || 'Compte supprimé';

/** The history (events) and the discussion (messages) of a request, both sides alike. */
@Injectable()
export class HabilitationThreadService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, with the actor's name and the fields changed at each submission. */
  async events(requestId: string): Promise<HabilitationEventView[]> {
    const rows = await this.dataSource
      .createQueryBuilder(HabilitationEventEntity, 'event')
      .leftJoin(AccountEntity, 'actor', 'actor.id = event.actorAccountId')
      .select([
        'event.id AS id',
        'event.type AS type',
        'event.fromStatus AS from_status',
        'event.toStatus AS to_status',
        'event.actorRole AS actor_role',
        'event.message AS message',
        'event.changedFields AS changed_fields',
        'event.createdAt AS created_at',
        'actor.givenName AS given_name',
        'actor.familyName AS family_name',
      ])
      .where('event.requestId = :requestId', { requestId })
      .orderBy('event.createdAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .getRawMany<
        NamedRow & Pick<HabilitationEventEntity, 'id' | 'type' | 'message'> & {
          from_status: HabilitationEventView['fromStatus'];
          to_status: HabilitationEventView['toStatus'];
          actor_role: HabilitationSide;
          changed_fields: string[];
          created_at: Date;
        }
      >();
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      fromStatus: row.from_status,
      toStatus: row.to_status,
      actor: { role: row.actor_role, name: fullName(row) },
      message: row.message,
      changedFields: row.changed_fields,
      at: row.created_at.toISOString(),
    }));
  }

  async messages(requestId: string): Promise<HabilitationMessageView[]> {
    const rows = await this.dataSource
      .createQueryBuilder(HabilitationMessageEntity, 'message')
      .leftJoin(AccountEntity, 'author', 'author.id = message.authorAccountId')
      .select([
        'message.id AS id',
        'message.authorRole AS author_role',
        'message.body AS body',
        'message.createdAt AS created_at',
        'author.givenName AS given_name',
        'author.familyName AS family_name',
      ])
      .where('message.requestId = :requestId', { requestId })
      .orderBy('message.createdAt', 'ASC')
      .addOrderBy('message.id', 'ASC')
      .getRawMany<NamedRow & { id: string; author_role: HabilitationSide; body: string; created_at: Date }>();
    return rows.map((row) => ({ id: row.id, author: { role: row.author_role, name: fullName(row) }, body: row.body, at: row.created_at.toISOString() }));
  }

  async addMessage(manager: EntityManager, request: HabilitationRequestEntity, author: AccountEntity, side: HabilitationSide, body: string): Promise<HabilitationMessageView> {
    const message = await manager.save(
      manager.create(HabilitationMessageEntity, { requestId: request.id, authorAccountId: author.id, authorRole: side, body }),
    );
    return {
      id: message.id,
      author: { role: side, name: fullName({ given_name: author.givenName, family_name: author.familyName }) },
      body: message.body,
      at: message.createdAt.toISOString(),
    };
  }

  async recordEvent(manager: EntityManager, requestId: string, actor: AccountEntity, side: HabilitationSide, event: NewEvent): Promise<void> {
    await manager.insert(HabilitationEventEntity, { requestId, actorAccountId: actor.id, actorRole: side, message: null, changedFields: [], ...event });
  }
}
