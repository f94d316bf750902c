import {
  JobPublisher,
  QUEUES,
  startConsumer,
  type MailJob,
} from '@federation/queue';
import {
  deleteRedisKeys,
  TestMailbox,
  testInfrastructure,
  testRedisPrefix,
} from '@federation/testing';
import type { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { MailDelivery } from './mail-delivery';
import { SmtpMailTransport } from './mail-transport';

describe('MailDelivery through the queue (real Redis and SMTP)', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('mail-delivery');
  let mailbox: TestMailbox;
  let redis: Redis;
  let transport: SmtpMailTransport;
  let publisher: JobPublisher;
  let worker: Worker;

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    redis = new Redis(redisUrl);
    transport = new SmtpMailTransport(
      mailbox.smtpUrl,
      'Fédération <ne-pas-repondre@federation.localhost>',
    );
    const delivery = new MailDelivery(transport, redis, prefix);
    publisher = new JobPublisher({ redisUrl, prefix });
    worker = startConsumer(QUEUES.mail, (job) => delivery.handle(job), {
      redisUrl,
      prefix,
    });
  });

  afterAll(async () => {
    await worker.close();
    await publisher.close();
    transport.close();
    redis.disconnect();
    await deleteRedisKeys(redisUrl, prefix);
    await mailbox.stop();
  });

  it('delivers a queued e-mail, readable in the inbox', async () => {
    await publisher.publish(QUEUES.mail, 'signup:1:verification', {
      template: 'email-verification',
      to: 'agent@mairie-exemple.fr',
      data: {
        code: '481516',
        verificationUrl: 'http://localhost:3000/verification',
      },
    });

    const mail = await mailbox.waitForMail('agent@mairie-exemple.fr');

    expect(mail.subject).toBe('Confirmez votre adresse électronique');
    expect(mail.text).toContain('481516');
    expect(mail.from[0]?.address).toBe('ne-pas-repondre@federation.localhost');
  });

  it('does not send twice when the same job runs again', async () => {
    const transportSpy = {
      send: jest.fn().mockResolvedValue(undefined),
      verify: jest.fn(),
      close: jest.fn(),
    };
    const delivery = new MailDelivery(transportSpy, redis, prefix);
    const job = {
      id: 'replayed-job',
      data: {
        template: 'password-reset',
        to: 'a@b.fr',
        data: { resetUrl: 'http://x', validityMinutes: 60 },
      },
    } as Job<MailJob>;

    const outcomes = [await delivery.handle(job), await delivery.handle(job)];

    expect(outcomes).toEqual(['sent', 'already-sent']);
    expect(transportSpy.send).toHaveBeenCalledTimes(1);
  });

  it('retries when the SMTP server refuses, without losing the mail', async () => {
    const failingOnce = {
      send: jest
        .fn()
        .mockRejectedValueOnce(new Error('421 try later'))
        .mockResolvedValue(undefined),
      verify: jest.fn(),
      close: jest.fn(),
    };
    const flakyPrefix = `${prefix}_flaky`;
    const delivery = new MailDelivery(failingOnce, redis, flakyPrefix);
    const flakyPublisher = new JobPublisher({ redisUrl, prefix: flakyPrefix });
    const flakyWorker = startConsumer(
      QUEUES.mail,
      (job) => delivery.handle(job),
      { redisUrl, prefix: flakyPrefix },
    );
    try {
      const { id } = await flakyPublisher.publish(QUEUES.mail, 'reset:7', {
        template: 'password-reset',
        to: 'b@c.fr',
        data: { resetUrl: 'http://x', validityMinutes: 60 },
      });
      const queue = flakyPublisher.queue(QUEUES.mail);

      const completed = await new Promise<boolean>((resolve) => {
        const started = Date.now();
        const timer = setInterval(async () => {
          const job = await queue.getJob(id);
          if ((await job?.isCompleted()) || Date.now() - started > 15_000) {
            clearInterval(timer);
            resolve(Boolean(await job?.isCompleted()));
          }
        }, 200);
      });

      expect(completed).toBe(true);
      expect(failingOnce.send).toHaveBeenCalledTimes(2);
      expect((await queue.getJob(id))?.attemptsMade).toBe(2);
    } finally {
      await flakyWorker.close();
      await flakyPublisher.close();
      await deleteRedisKeys(redisUrl, flakyPrefix);
    }
  });
});
