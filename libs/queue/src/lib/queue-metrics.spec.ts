import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MetricsModule, useHttpEssentials } from '@federation/server';
import { deleteRedisKeys, testInfrastructure, testRedisPrefix } from '@federation/testing';
import { JobPublisher } from './job-publisher';
import { QueueModule } from './queue.module';
import { QUEUES } from './queues';

describe('queue_jobs on /metrics (real Redis)', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('queue-metrics');
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MetricsModule.forRoot({ service: 'test' }), QueueModule.forRoot({ redisUrl, prefix })],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    useHttpEssentials(app);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app.close();
    await deleteRedisKeys(redisUrl, prefix);
  });

  it('reports the depth of each queue by state at scrape time', async () => {
    const publisher = app.get(JobPublisher);
    const mail = { template: 'password-reset' as const, to: 'agent@mairie.fr', data: { resetUrl: 'http://x', validityMinutes: 60 } };
    await publisher.publish(QUEUES.mail, 'metrics:1', mail);
    await publisher.publish(QUEUES.mail, 'metrics:2', mail);
    await publisher.publish(QUEUES.mail, 'metrics:3', mail, { delay: 60_000 });

    const text = await (await fetch(`${url}/metrics`)).text();

    expect(text).toContain('# TYPE queue_jobs gauge');
    expect(text).toContain('queue_jobs{queue="mail",state="waiting"} 2');
    expect(text).toContain('queue_jobs{queue="mail",state="delayed"} 1');
    expect(text).toContain('queue_jobs{queue="mail",state="active"} 0');
    expect(text).toContain('queue_jobs{queue="mail",state="failed"} 0');
    expect(text).toContain('queue_jobs{queue="client-publications",state="waiting"} 0');
    expect(text).toContain('queue_jobs{queue="business-events",state="waiting"} 0');
  });
});
