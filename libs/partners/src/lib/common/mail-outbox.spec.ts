import { runWithRequestId } from '@federation/server';
import type { JobPublisher, MailJob } from '@federation/queue';
import type { DataSource, EntityManager } from 'typeorm';
import { MailOutbox } from './mail-outbox';
import type { PartnersOptions } from '../partners.options';

describe('MailOutbox request id', () => {
  const job: MailJob = { template: 'password-reset', to: 'agent@mairie.fr', data: { resetUrl: 'http://x', validityMinutes: 60 } };
  const outbox = new MailOutbox({} as DataSource, {} as JobPublisher, { portalUrl: 'http://portail.test' } as PartnersOptions);

  function insertedBy(run: (manager: EntityManager) => Promise<void>) {
    const insert = jest.fn().mockResolvedValue(undefined);
    return run({ insert } as unknown as EntityManager).then(() => insert.mock.calls[0]?.[1]);
  }

  it('stores the id of the request the mails are produced in, for the worker logs', async () => {
    const rows = await runWithRequestId('req-portal-42', () => insertedBy((manager) => outbox.add(manager, [job])));
    expect(rows).toEqual([{ job: { ...job, requestId: 'req-portal-42' } }]);
  });

  it('stores the job as is outside a request', async () => {
    expect(await insertedBy((manager) => outbox.add(manager, [job]))).toEqual([{ job }]);
  });
});
