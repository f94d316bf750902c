import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  canTakeAction,
  nextStatus,
  type HabilitationEventView,
  type HabilitationMessageView,
  type HabilitationStatus,
  type HabilitationStep,
  type HabilitationSummaryView,
  type HabilitationView,
  type Page,
  type ProjectStep,
} from '@federation/partners-contracts';
import { HabilitationRequestEntity, OrganisationEntity, type AccountEntity } from '@federation/partners-data';
import { MailOutbox } from '../common/mail-outbox';
import { ValidationFailedError } from '../common/partners.errors';
import { changedFields } from './content/changed-fields';
import { HabilitationContentChecker } from './content/habilitation-content.checker';
import { toStepContent, type StepDtos } from './content/habilitation-steps';
import type { ListHabilitationsQueryDto } from './dto/habilitation-queries.dto';
import { HabilitationAccess } from './habilitation-access';
import { HabilitationMails } from './habilitation-mails';
import { HabilitationThreadService } from './habilitation-thread.service';
import { HabilitationViews, searchText, summaryView, workflowState } from './habilitation-views';
import {
  HabilitationIncompleteError,
  HabilitationNotDeletableError,
  HabilitationNotEditableError,
  HabilitationTransitionError,
} from './habilitations.errors';

const EDITABLE_STATUSES = new Set<HabilitationStatus>(['draft', 'changes_requested']);

/** What the members of an organisation do with its requests: fill them step by step, submit, update, discuss. */
@Injectable()
export class HabilitationRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HabilitationAccess,
    private readonly views: HabilitationViews,
    private readonly checker: HabilitationContentChecker,
    private readonly mails: HabilitationMails,
    private readonly thread: HabilitationThreadService,
    private readonly outbox: MailOutbox,
  ) {}

  /** The organisation's requests, most recently updated first (index on organisation_id, updated_at). */
  async list(account: AccountEntity, organisationId: string, query: ListHabilitationsQueryDto): Promise<Page<HabilitationSummaryView>> {
    await this.access.assertActiveMember(account.id, organisationId);
    const organisation = await this.dataSource.manager.findOneByOrFail(OrganisationEntity, { id: organisationId });
    const where = { organisationId, ...(query.status ? { status: query.status } : {}) };
    const repository = this.dataSource.getRepository(HabilitationRequestEntity);
    const [items, total] = await Promise.all([
      repository.find({
        select: { id: true, type: true, status: true, projectName: true, validatedVersion: true, submittedAt: true, updatedAt: true, createdAt: true },
        where,
        order: { updatedAt: 'DESC', id: 'DESC' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      repository.countBy(where),
    ]);
    return { items: items.map((item) => summaryView(item, organisation)), total, page: query.page, pageSize: query.pageSize };
  }

  async create(account: AccountEntity, organisationId: string): Promise<HabilitationView> {
    await this.access.assertActiveMember(account.id, organisationId);
    const request = await this.dataSource.transaction(async (manager) => {
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: organisationId });
      const created = await manager.save(
        manager.create(HabilitationRequestEntity, {
          organisationId,
          status: 'draft',
          content: {},
          projectName: null,
          searchText: searchText(null, organisation),
          createdBy: account.id,
        }),
      );
      await this.thread.recordEvent(manager, created.id, account, 'applicant', { type: 'created', fromStatus: null, toStatus: 'draft' });
      return created;
    });
    return this.get(account, request.id);
  }

  async get(account: AccountEntity, id: string): Promise<HabilitationView> {
    return this.views.full(await this.access.forApplicant(account.id, id), 'applicant');
  }

  /** Saves one step (already validated by its DTO) in the working copy; the project step also renames the request. */
  async saveStep<S extends HabilitationStep>(account: AccountEntity, id: string, step: S, dto: StepDtos[S]): Promise<HabilitationView> {
    const saved = await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forApplicant(account.id, id, { manager, lock: true });
      if (!EDITABLE_STATUSES.has(request.status)) throw new HabilitationNotEditableError(request.status);
      const value = toStepContent(step, dto);
      if (step === 'project') {
        const vendorError = await this.checker.vendorError((value as ProjectStep).vendorId, manager);
        if (vendorError) throw new ValidationFailedError([vendorError]);
      }
      request.content = { ...request.content, [step]: value };
      const projectName = request.content.project?.projectName ?? null;
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: request.organisationId });
      await manager.update(HabilitationRequestEntity, { id }, { content: request.content, projectName, searchText: searchText(projectName, organisation) });
      return manager.findOneByOrFail(HabilitationRequestEntity, { id });
    });
    return this.views.full(saved, 'applicant');
  }

  /**
   * Checks every step, moves the request to the instructors and tells both sides. The event lists
   * the fields changed since the previous submission (since the version in force for an update).
   */
  async submit(account: AccountEntity, id: string): Promise<HabilitationView> {
    const submitted = await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forApplicant(account.id, id, { manager, lock: true });
      const state = workflowState(request);
      if (!canTakeAction(state, 'submit')) throw new HabilitationTransitionError(request.status, 'submit');
      const errors = await this.checker.submissionErrors(request.content, manager);
      if (errors.length > 0) throw new HabilitationIncompleteError(errors);

      const previous = request.status === 'changes_requested' ? request.lastSubmittedContent : state.hasVersionInForce ? request.validatedContent : null;
      const toStatus = nextStatus(state, 'submit');
      await manager.update(
        HabilitationRequestEntity,
        { id },
        { status: toStatus, submittedAt: new Date(), submittedBy: account.id, lastSubmittedContent: request.content },
      );
      await this.thread.recordEvent(manager, id, account, 'applicant', {
        type: 'submitted',
        fromStatus: request.status,
        toStatus,
        changedFields: previous ? changedFields(previous, request.content) : [],
      });
      const updated = await manager.findOneByOrFail(HabilitationRequestEntity, { id });
      const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: request.organisationId });
      const instructors = await this.mails.instructorAddresses(manager);
      await this.outbox.add(manager, this.mails.submitted(updated, organisation, account.email, instructors, state.hasVersionInForce));
      return updated;
    });
    await this.outbox.flush();
    return this.views.full(submitted, 'applicant');
  }

  /** Starts an update of a validated request: a draft again, the validated version staying in force meanwhile. */
  async reopen(account: AccountEntity, id: string): Promise<HabilitationView> {
    const reopened = await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forApplicant(account.id, id, { manager, lock: true });
      const state = workflowState(request);
      if (!canTakeAction(state, 'reopen')) throw new HabilitationTransitionError(request.status, 'reopen');
      const toStatus = nextStatus(state, 'reopen');
      await manager.update(HabilitationRequestEntity, { id }, { status: toStatus });
      await this.thread.recordEvent(manager, request.id, account, 'applicant', { type: 'reopened', fromStatus: request.status, toStatus });
      return manager.findOneByOrFail(HabilitationRequestEntity, { id });
    });
    return this.views.full(reopened, 'applicant');
  }

  async delete(account: AccountEntity, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forApplicant(account.id, id, { manager, lock: true });
      if (request.status !== 'draft' || request.submittedAt !== null) throw new HabilitationNotDeletableError();
      // Its events and messages go with it (ON DELETE CASCADE).
      await manager.delete(HabilitationRequestEntity, { id });
    });
  }

  async events(account: AccountEntity, id: string): Promise<HabilitationEventView[]> {
    await this.access.forApplicant(account.id, id);
    return this.thread.events(id);
  }

  async messages(account: AccountEntity, id: string): Promise<HabilitationMessageView[]> {
    await this.access.forApplicant(account.id, id);
    return this.thread.messages(id);
  }

  /** A message to the instructors, who are told by e-mail. */
  async postMessage(account: AccountEntity, id: string, body: string): Promise<HabilitationMessageView> {
    const message = await this.dataSource.transaction(async (manager) => {
      const request = await this.access.forApplicant(account.id, id, { manager });
      const posted = await this.thread.addMessage(manager, request, account, 'applicant', body);
      await this.outbox.add(manager, this.mails.message(request, await this.mails.instructorAddresses(manager), false));
      return posted;
    });
    await this.outbox.flush();
    return message;
  }
}
