import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLogEntity } from '@federation/partners-data';

export interface AuditEntry {
  actorAccountId: string | null;
  /** `habilitation.validate`, `membership.reject`, `vendor.create`, `service_provider.secret_rotate`… */
  action: string;
  targetType: 'habilitation' | 'membership' | 'vendor' | 'account' | 'organisation' | 'service_provider' | 'production_request' | 'api_habilitation_request';
  targetId: string;
  /** Reasons, changed fields, statuses: never passwords, tokens or secrets. */
  details?: Record<string, unknown>;
}

/** Admin actions, written in the same transaction as the action itself: no action without its trace. */
@Injectable()
export class AuditLog {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditLogEntity, { ...entry, details: (entry.details ?? {}) as never });
  }
}
