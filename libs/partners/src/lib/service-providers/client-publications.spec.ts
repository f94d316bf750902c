import { jobIdForEvent } from '@federation/queue';
import { ClientPublicationEntity, ServiceProviderEntity } from '@federation/partners-data';
import { waitFor } from '@federation/testing';
import {
  clientPublicationJobs,
  memberOf,
  platformAdmin,
  startPartnersTestApp,
  validatedHabilitation,
  type ApiClient,
  type PartnersTestApp,
} from '../../testing';
import { ClientPublications } from './client-publications';

const SIRET = '21690123100011';

describe('the relay of client publications to the queue', () => {
  let test: PartnersTestApp;
  let member: Awaited<ReturnType<typeof memberOf>>;
  let instructor: ApiClient;

  beforeAll(async () => {
    test = await startPartnersTestApp('client-publications');
    member = await memberOf(test, SIRET, 'camille.martin@mairie-lyon.fr');
    instructor = (await platformAdmin(test)).client;
  });

  afterAll(() => test?.close());

  const publications = () => test.dataSource.getRepository(ClientPublicationEntity).find({ order: { createdAt: 'ASC' } });
  const expectedJobId = (publicationId: string) => jobIdForEvent('client-publications', `partners-publication:${publicationId}`);

  it('enqueues each publication once, right after the change, with its row id as job id and no secret in clear', async () => {
    // Given a sandbox client that was created, configured and given two secrets: four publications
    const habilitationId = await validatedHabilitation(member.client, instructor, member.organisation.id);
    const [client] = (await member.client.get(`/api/habilitations/${habilitationId}/service-providers`)).body;
    await member.client.patch(`/api/service-providers/${client.id}`, { redirectUris: ['http://localhost:3000/callback'] });
    const secrets = [
      (await member.client.post(`/api/service-providers/${client.id}/secrets`, {})).body.clientSecret,
      (await member.client.post(`/api/service-providers/${client.id}/secrets`, {})).body.clientSecret,
    ];

    // Then, as soon as the answers came back, every row is in the queue: one job each, named after the row
    const rows = await publications();
    expect(rows.map((row) => row.version)).toEqual([1, 2, 3, 4]);
    expect(rows.every((row) => row.enqueuedAt !== null)).toBe(true);
    const jobs = await clientPublicationJobs(test);
    expect(jobs.map((job) => job.id).sort()).toEqual(rows.map((row) => expectedJobId(row.id)).sort());
    for (const row of rows) {
      const job = jobs.find((candidate) => candidate.id === expectedJobId(row.id));
      expect(job?.data).toEqual({ publicationId: row.id, configuration: row.configuration });
    }
    expect(jobs.find((job) => job.data.configuration.version === 4)?.data.configuration.secretHashes).toHaveLength(2);
    const payloads = JSON.stringify(jobs.map((job) => job.data));
    for (const secret of secrets) expect(payloads).not.toContain(secret);
  });

  it('never enqueues a publication twice, even when a relay is replayed', async () => {
    // Given publications already enqueued, whose enqueued mark is lost (a crash between the queue and the commit)
    const before = await clientPublicationJobs(test);
    await test.dataSource.getRepository(ClientPublicationEntity).createQueryBuilder().update().set({ enqueuedAt: null }).execute();

    // When the relay runs again, twice at once
    const relay = test.app.get(ClientPublications);
    await Promise.all([relay.flush(), relay.flush()]);
    await relay.flush();

    // Then the queue holds the same jobs, once each, and the rows are marked again
    const after = await clientPublicationJobs(test);
    expect(after.map((job) => job.id).sort()).toEqual(before.map((job) => job.id).sort());
    expect(await relay.pendingCount()).toBe(0);
  });

  it('relays within seconds what was written without being flushed (a crash right after the commit)', async () => {
    // Given a publication committed by a process that stopped before relaying it
    const client = await test.dataSource.getRepository(ServiceProviderEntity).findOneOrFail({ where: {}, order: { createdAt: 'ASC' } });
    const row = await test.dataSource.transaction(async (manager) => {
      await manager.increment(ServiceProviderEntity, { id: client.id }, 'configVersion', 1);
      return test.app.get(ClientPublications).publish(manager, await manager.findOneByOrFail(ServiceProviderEntity, { id: client.id }));
    });
    expect(row.enqueuedAt).toBeNull();

    // Then the periodic relay enqueues it on its own
    const job = await waitFor(async () => (await clientPublicationJobs(test)).find((candidate) => candidate.id === expectedJobId(row.id)), {
      timeoutMs: 6_000,
      description: 'the periodic relay',
    });
    expect(job.data.publicationId).toBe(row.id);
    expect(job.data.configuration.version).toBe(client.configVersion + 1);
  });
});
