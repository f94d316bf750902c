import {
  deleteRedisKeys,
  testInfrastructure,
  testRedisPrefix,
} from '@federation/testing';
import { JobPublisher } from './job-publisher';
import { QUEUES } from './queues';

describe('JobPublisher (real Redis)', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('queue-publisher');
  const publisher = new JobPublisher({ redisUrl, prefix });

  afterAll(async () => {
    await publisher.close();
    await deleteRedisKeys(redisUrl, prefix);
  });

  it('creates one job when the same event is published twice', async () => {
    const payload = {
      template: 'password-reset' as const,
      to: 'agent@mairie.fr',
      data: { resetUrl: 'http://x', validityMinutes: 60 },
    };

    const first = await publisher.publish(
      QUEUES.mail,
      'password-reset:42',
      payload,
    );
    const second = await publisher.publish(
      QUEUES.mail,
      'password-reset:42',
      payload,
    );

    expect(first).toEqual({ id: first.id, created: true });
    expect(second).toEqual({ id: first.id, created: false });
    expect(await publisher.queue(QUEUES.mail).getJobCounts('waiting')).toEqual({
      waiting: 1,
    });
  });

  it('creates distinct jobs for distinct events', async () => {
    const payload = {
      template: 'password-reset' as const,
      to: 'agent@mairie.fr',
      data: { resetUrl: 'http://x', validityMinutes: 60 },
    };

    await publisher.publish(QUEUES.mail, 'password-reset:43', payload);
    await publisher.publish(QUEUES.mail, 'password-reset:44', payload);

    expect(await publisher.queue(QUEUES.mail).getJobCounts('waiting')).toEqual({
      waiting: 3,
    });
  });

  it('keeps the event content out of Redis key names', async () => {
    const { id } = await publisher.publish(
      QUEUES.mail,
      'verify:agent@mairie.fr',
      {
        template: 'email-verification',
        to: 'agent@mairie.fr',
        data: { code: '123456', verificationUrl: 'http://x' },
      },
    );

    expect(id).toMatch(/^[0-9a-f]{64}$/);
  });
});
