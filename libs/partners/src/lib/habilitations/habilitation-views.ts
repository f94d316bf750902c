import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  allowedActions,
  type HabilitationSummaryView,
  type HabilitationView,
  type WorkflowState,
} from '@federation/partners-contracts';
import { OrganisationEntity, type HabilitationRequestEntity } from '@federation/partners-data';
import { HabilitationContentChecker } from './content/habilitation-content.checker';

export type HabilitationSide = 'applicant' | 'instructor';

type OrganisationSummary = Pick<OrganisationEntity, 'id' | 'siret' | 'name'>;

/** A validated version is in force until the request is revoked (an update under way keeps it). */
export function workflowState(request: Pick<HabilitationRequestEntity, 'status' | 'validatedVersion'>): WorkflowState {
  return { status: request.status, hasVersionInForce: request.validatedVersion > 0 && request.status !== 'revoked' };
}

export function summaryView(
  request: Pick<
    HabilitationRequestEntity,
    'id' | 'type' | 'status' | 'projectName' | 'validatedVersion' | 'submittedAt' | 'updatedAt' | 'createdAt'
  >,
  organisation: OrganisationSummary,
): HabilitationSummaryView {
  return {
    id: request.id,
    type: request.type,
    status: request.status,
    projectName: request.projectName,
    organisation: { id: organisation.id, siret: organisation.siret, name: organisation.name },
    hasVersionInForce: workflowState(request).hasVersionInForce,
    submittedAt: request.submittedAt?.toISOString() ?? null,
    updatedAt: request.updatedAt.toISOString(),
    createdAt: request.createdAt.toISOString(),
  };
}

/** The lower-cased text the admin search looks into (trigram index): project, organisation, SIRET. */
export function searchText(projectName: string | null, organisation: Pick<OrganisationEntity, 'siret' | 'name'>): string {
  return [projectName, organisation.name, organisation.siret].filter(Boolean).join(' ').toLowerCase();
}

@Injectable()
export class HabilitationViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly checker: HabilitationContentChecker,
  ) {}

  /** The full view: working copy, version in force, progress of each step, and what `side` may do next. */
  async full(request: HabilitationRequestEntity, side: HabilitationSide, manager: EntityManager = this.dataSource.manager): Promise<HabilitationView> {
    const organisation = await manager.findOneByOrFail(OrganisationEntity, { id: request.organisationId });
    const state = workflowState(request);
    return {
      ...summaryView(request, organisation),
      content: request.content,
      validatedContent: state.hasVersionInForce ? request.validatedContent : null,
      validatedVersion: request.validatedVersion,
      steps: await this.checker.progress(request.content, manager),
      allowedActions: allowedActions(state, side),
    };
  }
}
