/** @jest-environment node */
import { portalMetrics } from '../../server/metrics';
import { GET } from './route';

describe('the portal’s /metrics', () => {
  afterEach(() => {
    delete process.env['METRICS_TOKEN'];
  });

  it('serves the process metrics and the calls to partners-api in the Prometheus text format', async () => {
    portalMetrics().apiCalls.observe({ method: 'GET', status_code: '200' }, 0.02);

    const response = await GET(new Request('http://portal.test/metrics'));
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(body).toContain('process_cpu_user_seconds_total{service="espace-partenaire"}');
    expect(body).toMatch(/portal_partners_api_call_duration_seconds_count\{service="espace-partenaire",method="GET",status_code="200"\} [1-9]/);
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    process.env['METRICS_TOKEN'] = 'a-long-metrics-token-for-tests';

    const without = await GET(new Request('http://portal.test/metrics'));
    const wrong = await GET(new Request('http://portal.test/metrics', { headers: { authorization: 'Bearer nope' } }));
    const right = await GET(new Request('http://portal.test/metrics', { headers: { authorization: 'Bearer a-long-metrics-token-for-tests' } }));

    expect([without.status, wrong.status, right.status]).toEqual([401, 401, 200]);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
  });
});
