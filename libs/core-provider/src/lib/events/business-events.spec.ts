import type { JobPublisher } from '@federation/queue';
import { Registry } from 'prom-client';
import { oidcRouteLabel } from '../core-provider.module';
import { BusinessEvents } from './business-events';

describe('BusinessEvents metrics', () => {
  it('counts each emitted login step by step and outcome in core_login_steps_total', async () => {
    const addBulk = jest.fn().mockResolvedValue([]);
    const publisher = { queue: () => ({ addBulk }) } as unknown as JobPublisher;
    const registry = new Registry();
    const events = new BusinessEvents(publisher, registry);

    events.emit({ type: 'authorize', outcome: 'success', clientId: 'c1' });
    events.emit({ type: 'authorize', outcome: 'success', clientId: 'c2' });
    events.emit({ type: 'token', outcome: 'failure', clientId: 'c1', errorCode: 'Y000001' });
    await events.flush();

    const text = await registry.metrics();
    expect(text).toContain('core_login_steps_total{step="authorize",outcome="success"} 2');
    expect(text).toContain('core_login_steps_total{step="token",outcome="failure"} 1');
    // Client ids stay out of the labels (bounded cardinality).
    expect(text).not.toContain('c1');
    expect(addBulk).toHaveBeenCalledTimes(1);
  });
});

describe('oidcRouteLabel', () => {
  it.each([
    ['/authorize?client_id=abc&state=xyz', '/api/v2/authorize'],
    ['/authorize/Xy12-uid', '/api/v2/authorize/:uid'],
    ['/token', '/api/v2/token'],
    ['/userinfo', '/api/v2/userinfo'],
    ['/session/end?id_token_hint=eyJ', '/api/v2/session/end'],
    ['/session/end/confirm', '/api/v2/session/end/confirm'],
    ['/.well-known/openid-configuration', '/api/v2/.well-known/openid-configuration'],
    ['/jwks', '/api/v2/jwks'],
    ['/anything/else/42', 'unmatched'],
  ])('labels %s as %s', (url, label) => {
    expect(oidcRouteLabel(url)).toBe(label);
  });
});
