import { setTimeout as sleep } from 'node:timers/promises';
import { Body, Controller, Get, Module, Param, Post, Req, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createLoggerModule } from '../logger.module';
import { currentRequestId } from '../request-id';
import { MetricsModule } from './metrics.module';
import { setMetricsRoute } from './http-metrics';
import { useHttpEssentials } from './use-http-metrics';

@Controller('items')
class ItemsController {
  @Get(':id')
  get(@Param('id') id: string, @Req() req: { id?: string }) {
    return { id, requestId: req.id };
  }

  /** What a service producing a job inside the request sees, after a parsed body and an await. */
  @Post('context')
  async context(@Body() body: { n: number }) {
    await sleep(5);
    return { n: body.n, requestId: currentRequestId() };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

async function startApp(options: { token?: string; prefix?: boolean } = {}) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      createLoggerModule('test', { LOG_LEVEL: 'silent' }),
      ItemsModule,
      MetricsModule.forRoot({ service: 'test', token: options.token }),
    ],
  }).compile();
  const app: INestApplication = moduleRef.createNestApplication({ logger: false });
  useHttpEssentials(app);
  // A raw mount, like oidc-provider in the core: it names its route itself.
  app.use('/raw', (req: Parameters<typeof setMetricsRoute>[0], res: { end(body: string): void }) => {
    setMetricsRoute(req, '/raw/endpoint');
    res.end('raw');
  });
  if (options.prefix) app.setGlobalPrefix('api', { exclude: ['metrics'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${port}` };
}

/** The value of one sample of the exposition text, or undefined. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('MetricsModule', () => {
  describe('open (no METRICS_TOKEN)', () => {
    let app: INestApplication;
    let url: string;

    beforeAll(async () => ({ app, url } = await startApp({ prefix: true })));
    afterAll(() => app.close());

    it('counts requests per matched route pattern, never per raw URL', async () => {
      expect((await fetch(`${url}/api/items/42`)).status).toBe(200);
      expect((await fetch(`${url}/api/items/jean.dupont@example.org`)).status).toBe(200);
      expect((await fetch(`${url}/api/nothing/here/7`)).status).toBe(404);
      expect(await (await fetch(`${url}/raw/anything/123`)).text()).toBe('raw');

      const response = await fetch(`${url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await response.text();

      expect(sample(text, 'http_requests_total{method="GET",route="/api/items/:id",status_code="200"}')).toBe(2);
      expect(sample(text, 'http_requests_total{method="GET",route="unmatched",status_code="404"}')).toBe(1);
      expect(sample(text, 'http_requests_total{method="GET",route="/raw/endpoint",status_code="200"}')).toBe(1);
      expect(sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/items/:id"}')).toBe(2);
      expect(sample(text, 'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/items/:id"}')).toBe(2);
      // Default process metrics.
      expect(text).toContain('process_cpu_user_seconds_total');
      expect(text).toContain('nodejs_eventloop_lag_seconds');
      // No raw URL, id or personal data in the labels; /metrics itself is not counted.
      const routes = new Set([...text.matchAll(/route="([^"]*)"/g)].map((m) => m[1]));
      expect([...routes].sort()).toEqual(['/api/items/:id', '/raw/endpoint', 'unmatched']);
      expect(text).not.toContain('dupont');
    });
  });

  describe('with METRICS_TOKEN', () => {
    const token = 'metrics-token-0123456789';
    let app: INestApplication;
    let url: string;

    beforeAll(async () => ({ app, url } = await startApp({ token })));
    afterAll(() => app.close());

    it('answers 401 without the bearer token or with a wrong one', async () => {
      const none = await fetch(`${url}/metrics`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      expect(await none.text()).not.toContain('http_requests_total');
      const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
      expect(wrong.status).toBe(401);
      const basic = await fetch(`${url}/metrics`, { headers: { authorization: `Basic ${token}` } });
      expect(basic.status).toBe(401);
    });

    it('serves the metrics with the bearer token', async () => {
      const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('# TYPE http_requests_total counter');
    });
  });
});

describe('request ids', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => ({ app, url } = await startApp()));
  afterAll(() => app.close());

  const get = (headers: Record<string, string> = {}) => fetch(`${url}/items/1`, { headers });

  it('honours a sane incoming x-request-id and echoes it', async () => {
    const response = await get({ 'x-request-id': 'portal.req-42_A' });
    expect(response.headers.get('x-request-id')).toBe('portal.req-42_A');
    expect(await response.json()).toEqual({ id: '1', requestId: 'portal.req-42_A' });
  });

  it.each([
    ['spaces and markup', '<script> alert(1)'],
    ['a separator', 'abc:def'],
    ['more than 128 characters', 'a'.repeat(129)],
  ])('replaces an id with %s by a UUID', async (_, value) => {
    const response = await get({ 'x-request-id': value });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await response.json()).requestId).toBe(id);
  });

  it('keeps an id of exactly 128 characters', async () => {
    const value = 'b'.repeat(128);
    expect((await get({ 'x-request-id': value })).headers.get('x-request-id')).toBe(value);
  });

  it('makes the id available to code running in the request (currentRequestId), none outside', async () => {
    const response = await fetch(`${url}/items/context`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'job-producer-1' },
      body: JSON.stringify({ n: 3 }),
    });
    expect(await response.json()).toEqual({ n: 3, requestId: 'job-producer-1' });
    expect(currentRequestId()).toBeUndefined();
  });

  it('generates a UUID when there is none, a new one per request', async () => {
    const first = (await get()).headers.get('x-request-id');
    const second = (await get()).headers.get('x-request-id');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(first).not.toBe(second);
  });
});
