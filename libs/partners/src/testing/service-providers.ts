import { HABILITATION_STEPS, type HabilitationStepContent } from '@federation/partners-contracts';
import { JobPublisher, type ClientPublicationJob } from '@federation/queue';
import { ClientPublicationEntity } from '@federation/partners-data';
import type { Job } from 'bullmq';
import { EXAMPLE_HABILITATION_CONTENT } from '../lib/habilitations/content/habilitation-example';
import type { ApiClient, ApiResponse } from './api-client';
import type { PartnersTestApp } from './partners-test-app';

/** A complete habilitation content (the OpenAPI example) whose parts a test may override. */
export function habilitationContent(overrides: { projectName?: string; claims?: string[]; eidasLevel?: 'eidas1' | 'eidas2'; vendorId?: string } = {}): HabilitationStepContent {
  const content = structuredClone(EXAMPLE_HABILITATION_CONTENT);
  if (overrides.projectName) content.project.projectName = overrides.projectName;
  if (overrides.vendorId) content.project = { ...content.project, usesVendorSolution: true, vendorId: overrides.vendorId };
  if (overrides.claims) content.data.claims = overrides.claims;
  if (overrides.eidasLevel) content.data.eidasLevel = overrides.eidasLevel;
  return content;
}

function expectStatus(response: ApiResponse, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
}

/** A habilitation filled and submitted by `member` (an active member of `organisationId`); returns its id. */
export async function submittedHabilitation(member: ApiClient, organisationId: string, content: HabilitationStepContent = habilitationContent()): Promise<string> {
  const created = await member.post(`/api/organisations/${organisationId}/habilitations`, {});
  expectStatus(created, 201, 'create the habilitation');
  const id = created.body.id as string;
  for (const step of HABILITATION_STEPS) expectStatus(await member.put(`/api/habilitations/${id}/steps/${step}`, content[step]), 200, `save the ${step} step`);
  expectStatus(await member.post(`/api/habilitations/${id}/submit`), 200, 'submit');
  return id;
}

/** The same, then validated by `instructor` (a platform admin): its sandbox client exists. */
export async function validatedHabilitation(
  member: ApiClient,
  instructor: ApiClient,
  organisationId: string,
  content: HabilitationStepContent = habilitationContent(),
): Promise<string> {
  const id = await submittedHabilitation(member, organisationId, content);
  expectStatus(await instructor.post(`/api/admin/habilitations/${id}/validate`, {}), 200, 'validate');
  return id;
}

/** Reopens a validated habilitation, saves new data, submits and validates the update. */
export async function validatedUpdate(member: ApiClient, instructor: ApiClient, id: string, data: HabilitationStepContent['data']): Promise<void> {
  expectStatus(await member.post(`/api/habilitations/${id}/reopen`), 200, 'reopen');
  expectStatus(await member.put(`/api/habilitations/${id}/steps/data`, data), 200, 'save the data step');
  expectStatus(await member.post(`/api/habilitations/${id}/submit`), 200, 'submit the update');
  expectStatus(await instructor.post(`/api/admin/habilitations/${id}/validate`, {}), 200, 'validate the update');
}

/** The publications of a client, oldest version first. */
export function publicationsOf(test: PartnersTestApp, serviceProviderId: string): Promise<ClientPublicationEntity[]> {
  return test.dataSource.getRepository(ClientPublicationEntity).find({ where: { serviceProviderId }, order: { version: 'ASC' } });
}

/** Every job of the `client-publications` queue of the test's Redis prefix (nothing consumes it in the test app). */
export async function clientPublicationJobs(test: PartnersTestApp): Promise<Job<ClientPublicationJob>[]> {
  const queue = test.app.get(JobPublisher).queue('client-publications');
  return (await queue.getJobs(['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'])) as Job<ClientPublicationJob>[];
}
