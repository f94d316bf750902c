import { waitFor } from '@federation/testing';
import { DEMO_CLIENT_A, FederationStack } from '@federation/federation-harness';
import {
  loginThroughFederation,
  openAuthorization,
} from '@federation/federation-harness';
import { HttpBrowser } from '@federation/federation-harness';
import { StrictRelyingParty } from '@federation/federation-harness';

describe('Redis restarted while citizens are logging in', () => {
  let stack: FederationStack;
  let rp: StrictRelyingParty;

  beforeAll(async () => {
    stack = await FederationStack.start('redis-resilience', {
      privateRedis: true,
    });
    rp = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('keeps the apps up, shows in-flight citizens a French error page, and serves new logins again by itself', async () => {
    // Given a citizen on the FI choice page
    const inFlight = new HttpBrowser();
    const choice = await openAuthorization(
      inFlight,
      await rp.authorizationRequest(),
      stack.redirectUri('a'),
    );
    expect(choice.status).toBe(200);

    // When Redis restarts (its content lost) while a request comes in during the outage
    const restart = stack.restartRedis(1_500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const duringOutage = await new HttpBrowser().request(
      (await rp.authorizationRequest()).url.toString(),
    );
    await restart;
    const afterRestart = await inFlight.submit(
      choice,
      { fi: 'impots' },
      '/identity-provider',
    );

    // Then no app crashed, the citizens got French pages with a code, and new flows work again
    for (const [service, running] of stack.processes)
      expect({ service, exitCode: running.child.exitCode }).toEqual({
        service,
        exitCode: null,
      });
    expect(duringOutage.status).toBeGreaterThanOrEqual(400);
    expect(duringOutage.body).toContain('lang="fr"');
    expect(duringOutage.body).toMatch(/data-testid="error-code">Y\d{6}</);
    expect(afterRestart.status).toBeGreaterThanOrEqual(400);
    expect(afterRestart.status).toBeLessThanOrEqual(503);
    expect(afterRestart.body).toMatch(/data-testid="error-code">Y\d{6}</);
    const recoveredAt = Date.now();
    const { claims } = await waitFor(
      async () => {
        const pending = await rp.authorizationRequest();
        const callbackUrl = await loginThroughFederation(
          new HttpBrowser(),
          pending,
          { fi: 'impots', login: 'test' },
          stack.redirectUri('a'),
        );
        return rp.complete(callbackUrl, pending);
      },
      {
        timeoutMs: 15_000,
        intervalMs: 250,
        description: 'a new login to succeed after the restart',
      },
    );
    expect(claims.acr).toBe('eidas1');
    expect(Date.now() - recoveredAt).toBeLessThan(10_000);
  });
});
