import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  canTakeAction,
  nextStatus,
  type HabilitationEventType,
  type HabilitationEventView,
  type HabilitationMessageView,
  type HabilitationView,
} from '@federation/partners-contracts';
import { AccountEntity, HabilitationRequestEntity, OrganisationEntity } from '@federation/partners-data';
import { AuditLog } from '../common/audit-log';
import { MailOutbox } from '../common/mail-outbox';
import { ClientPublications } from '../service-providers/client-publications';
import { HabilitationClients } from '../service-providers/habilitation-clients';
import { HabilitationAccess } from './habilitation-access';
import { HabilitationMails } from './habilitation-mails';
import { HabilitationThreadService } from './habilitation-thread.service';
import { HabilitationViews, searchText, workflowState } from './habilitation-views';
import { HabilitationTransitionError } from './habilitations.errors';

export type InstructorDecision = 'request_changes' | 'validate' | 'refuse' | 'revoke';

const DECISION_EVENTS: Record<InstructorDecision, HabilitationEventType> = {
  request_changes: 'changes_requested',
  validate: 'validated',
  refuse: 'refused',
  revoke: 'revoked',
};

/** What platform admins do with submitted requests: read them, discuss, decide. Every action is in the audit log. */
@Injectable()
export class HabilitationInstructionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HabilitationAccess,
    private readonly views: HabilitationViews,
    private readonly mails: HabilitationMails,
    private readonly thread: HabilitationThreadService,
    private readonly outbox: MailOutbox,
    private readonly auditLog: AuditLog,
    private readonly clients: HabilitationClients,
    private readonly publications: ClientPublications,
  ) {}

  async get(id: string): Promise<HabilitationView> {
    return this.views.full(await this.access.forInstructor(id), 'instructor');
  }

  async events(id: string): Promise<HabilitationEventView[]> {
    await this.access.forInstructor(id);
    return this.thread.events(id);
  }

  async messages(id: string): Promise<HabilitationMessageView[]> {
    await this.access.forInstructor(id);
    return this.thread.messages(id);
  }

  /** A message to the applicants; the submitter is told by e-mail. */
  async postMessage(admin: AccountEntity, id: string, body: string): Promise<HabilitationMessageView> {
    const message = await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forInstructor(id, { manager });
      const posted = await this.thread.addMessage(manager, request, admin, 'instructor', body);
      const submitter = await this.submitterEmail(manager, request);
      await this.outbox.add(manager, this.mails.message(request, submitter ? [submitter] : [], true));
      await this.auditLog.record(manager, {
        actorAccountId: admin.id,
        action: 'habilitation.message',
        targetType: 'habilitation',
        targetId: request.id,
        details: { messageId: posted.id },
      });
      return posted;
    });
    await this.outbox.flush();
    return message;
  }

  /**
   * One decision, all or nothing: the row is locked, the transition checked against the workflow
   * table, then the status, the event, the message in the thread, the audit entry and the e-mails
   * are written in one transaction, with what it does to the habilitation's clients (a validation
   * creates the sandbox client or gives the clients the new rights, a revocation revokes them) and
   * their publications to the core; the e-mails and the publications leave once it has committed.
   */
  async decide(admin: AccountEntity, id: string, decision: InstructorDecision, message: string | null): Promise<HabilitationView> {
    const decided = await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forInstructor(id, { manager, lock: true });
      const state = workflowState(request);
      if (!canTakeAction(state, decision)) throw new HabilitationTransitionError(request.status, decision);
      const fromStatus = request.status;
      const changes: Partial<HabilitationRequestEntity> = { status: nextStatus(state, decision) };
      if (decision === 'validate') {
        changes.validatedContent = request.lastSubmittedContent ?? request.content;
        changes.validatedVersion = request.validatedVersion + 1;
      }
      if (decision === 'refuse' && state.hasVersionInForce) {
        // The refused update is kept in lastSubmittedContent and the history; the working copy goes back to the version in force.
        const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: request.organisationId });
        changes.content = request.validatedContent ?? {};
        changes.projectName = changes.content.project?.projectName ?? null;
        changes.searchText = searchText(changes.projectName, organisation);
      }
      await manager.update(HabilitationRequestEntity, { id }, changes);
      const updated = await manager.findOneByOrFail(HabilitationRequestEntity, { id });
      if (decision === 'validate') await this.clients.habilitationValidated(manager, updated);
      if (decision === 'revoke') await this.clients.habilitationRevoked(manager, updated, message ?? '');

      await this.thread.recordEvent(manager, id, admin, 'instructor', {
        type: DECISION_EVENTS[decision],
        fromStatus,
        toStatus: updated.status,
        message,
      });
      if (message) await this.thread.addMessage(manager, updated, admin, 'instructor', message);
      await this.auditLog.record(manager, {
        actorAccountId: admin.id,
        action: `habilitation.${decision}`,
        targetType: 'habilitation',
        targetId: id,
        details: { fromStatus, toStatus: updated.status, validatedVersion: updated.validatedVersion },
      });
      const submitter = await this.submitterEmail(manager, updated);
      if (submitter) {
        const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: updated.organisationId });
        await this.outbox.add(manager, this.mails.decided(decision, updated, organisation, submitter, message, state.hasVersionInForce));
      }
      return updated;
    });
    await Promise.all([this.outbox.flush(), this.publications.flush()]);
    return this.views.full(decided, 'instructor');
  }

  /** Who submitted the request (the creator if that account is gone): the applicant the decisions are addressed to. */
  private async submitterEmail(manager: EntityManager, request: HabilitationRequestEntity): Promise<string | undefined> {
    for (const accountId of [request.submittedBy, request.createdBy]) {
      if (!accountId) continue;
      const account = await manager.findOne(AccountEntity, { select: { email: true }, where: { id: accountId } });
      if (account) return account.email;
    }
    return undefined;
  }
}
