import { JobPublisher, QUEUES } from '@federation/queue';
import {
  deleteRedisKeys,
  startNodeProcess,
  TestMailbox,
  testInfrastructure,
  testRedisPrefix,
  waitFor,
  waitForHealthy,
  freePort,
  type RunningProcess,
} from '@federation/testing';
import { builtApp } from '@federation/federation-harness';
import { SmtpGate } from './support/smtp-gate';

describe('mail pipeline: partners → queue → worker process → SMTP', () => {
  // The worker also applies client publications (Postgres); this suite only needs a reachable server.
  const { redisUrl, adminDatabaseUrl } = testInfrastructure();
  const prefix = testRedisPrefix('e2e-mail');
  let mailbox: TestMailbox;
  let publisher: JobPublisher;
  const workers: RunningProcess[] = [];

  const startWorker = async (smtpUrl: string, port: number) => {
    const worker = startNodeProcess(builtApp('worker'), {
      PORT: `${port}`,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: adminDatabaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtpUrl,
      // A job held by a killed worker is taken over after 2 s instead of 30 s.
      QUEUE_LOCK_DURATION_MS: '2000',
      QUEUE_STALLED_INTERVAL_MS: '1000',
    });
    workers.push(worker);
    await waitFor(() => worker.output().includes('worker listening'), {
      timeoutMs: 20_000,
      description: 'the worker to start',
    });
    return worker;
  };

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    publisher = new JobPublisher({ redisUrl, prefix });
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await publisher.close();
    await deleteRedisKeys(redisUrl, prefix);
    await mailbox.stop();
  });

  it('delivers a queued e-mail that can be read back from MailDev, and reports SMTP in /health', async () => {
    const port = await freePort();
    const worker = await startWorker(mailbox.smtpUrl, port);
    await waitForHealthy(`http://127.0.0.1:${port}/health`, worker);

    await publisher.publish(QUEUES.mail, 'account:1:email-verification', {
      template: 'email-verification',
      to: 'referente@mairie-lyon.fr',
      data: {
        code: '731904',
        verificationUrl: 'http://localhost:3000/verification',
      },
    });

    const mail = await mailbox.waitForMail('referente@mairie-lyon.fr');
    expect(mail.subject).toBe('Confirmez votre adresse électronique');
    expect(mail.text).toContain('731904');
    const health = await (
      await fetch(`http://127.0.0.1:${port}/health`)
    ).json();
    expect(health.details).toEqual({
      postgresql: { status: 'up' },
      redis: { status: 'up' },
      smtp: { status: 'up' },
    });
    expect(worker.output()).not.toContain('referente@mairie-lyon.fr');
    await worker.stop('SIGTERM');
  });

  it('still delivers, exactly once, an e-mail whose worker was killed (SIGKILL) in the middle of sending', async () => {
    const gate = new SmtpGate(mailbox.smtpPort);
    const gatePort = await gate.listen();
    const gatedSmtp = `smtp://127.0.0.1:${gatePort}`;
    try {
      const first = await startWorker(gatedSmtp, await freePort());
      const { id } = await publisher.publish(QUEUES.mail, 'reset:kill-test', {
        template: 'password-reset',
        to: 'dpo@cnam.fr',
        data: {
          resetUrl: 'http://localhost:3000/reinitialisation',
          validityMinutes: 60,
        },
      });
      const queue = publisher.queue(QUEUES.mail);
      await waitFor(
        async () =>
          gate.connections > 0 && (await queue.getJob(id))?.isActive(),
        { description: 'the worker to be sending' },
      );

      first.child.kill('SIGKILL');
      await first.exited;
      gate.openAndDropHeld();
      expect(await mailbox.to('dpo@cnam.fr')).toHaveLength(0);

      const second = await startWorker(gatedSmtp, await freePort());

      await mailbox.waitForMail('dpo@cnam.fr', () => true, 30_000);
      await waitFor(async () => (await queue.getJob(id))?.isCompleted(), {
        timeoutMs: 10_000,
        description: 'the job to complete',
      });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await mailbox.to('dpo@cnam.fr')).toHaveLength(1);
      await second.stop();
    } finally {
      await gate.close();
    }
  });

  it('sends one e-mail when the same event is enqueued twice', async () => {
    const worker = await startWorker(mailbox.smtpUrl, await freePort());
    const payload = {
      template: 'email-verification' as const,
      to: 'technique@ville-nantes.fr',
      data: {
        code: '112233',
        verificationUrl: 'http://localhost:3000/verification',
      },
    };

    const first = await publisher.publish(
      QUEUES.mail,
      'account:77:email-verification',
      payload,
    );
    const second = await publisher.publish(
      QUEUES.mail,
      'account:77:email-verification',
      payload,
    );

    await mailbox.waitForMail('technique@ville-nantes.fr');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(second.id).toBe(first.id);
    expect(await mailbox.to('technique@ville-nantes.fr')).toHaveLength(1);
    await worker.stop();
  });
});
