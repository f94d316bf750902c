import { Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller';
import { AuditLogViewService } from './audit-log-view.service';

/** Read access to the audit log (the entries are written by each feature, in its own transactions). */
@Module({ controllers: [AuditLogController], providers: [AuditLogViewService] })
export class AuditModule {}
