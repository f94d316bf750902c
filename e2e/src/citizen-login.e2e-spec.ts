import type { EidasLevel } from '@federation/identity';
import { bullConnection, QUEUES, type BusinessEvent } from '@federation/queue';
import { waitFor } from '@federation/testing';
import { Queue } from 'bullmq';
import {
  DEMO_CLIENT_A,
  DEMO_CLIENT_B,
  FederationStack,
} from '@federation/federation-harness';
import {
  chooseFiAndLogIn,
  consent,
  loginThroughFederation,
  openAuthorization,
} from '@federation/federation-harness';
import { HttpBrowser } from '@federation/federation-harness';
import { StrictRelyingParty } from '@federation/federation-harness';

describe('citizen login through the core (OpenID Connect on both sides)', () => {
  let stack: FederationStack;
  let serviceA: StrictRelyingParty;
  let serviceB: StrictRelyingParty;

  beforeAll(async () => {
    stack = await FederationStack.start('citizen-login');
    serviceA = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_A,
      redirectUri: stack.redirectUri('a'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('a'),
    });
    serviceB = await StrictRelyingParty.discover({
      issuer: stack.issuer,
      ...DEMO_CLIENT_B,
      redirectUri: stack.redirectUri('b'),
      postLogoutRedirectUri: stack.postLogoutRedirectUri('b'),
      authMethod: 'client_secret_post',
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it.each<[string, EidasLevel]>([
    ['impots', 'eidas1'],
    ['ameli', 'eidas2'],
    ['identite-numerique', 'eidas3'],
  ])(
    'logs a citizen in through %s and gives the FS a verified pivot identity at %s',
    async (fi, acr) => {
      const browser = new HttpBrowser();
      const pending = await serviceA.authorizationRequest({
        acr,
        scope: 'openid identite_pivot email',
      });

      const callbackUrl = await loginThroughFederation(
        browser,
        pending,
        { fi, login: 'test', acr },
        stack.redirectUri('a'),
      );
      const { claims, userinfo } = await serviceA.complete(
        callbackUrl,
        pending,
      );

      expect(claims.acr).toBe(acr);
      expect(claims.sub).toMatch(/^[0-9a-f]{64}v1$/);
      expect(userinfo).toMatchObject({
        sub: claims.sub,
        given_name: 'Angela Claire Louise',
        family_name: 'Dubois',
        birthdate: '1962-08-24',
        gender: 'female',
        birthplace: '75107',
        birthcountry: '99100',
        email: 'angela.dubois@example.com',
      });
    },
  );

  it('gives the same sub for the same person through two FIs, and another sub to another FS', async () => {
    const viaImpots = await fullLogin(serviceA, 'a', {
      fi: 'impots',
      login: 'test',
    });
    const viaAmeli = await fullLogin(serviceA, 'a', {
      fi: 'ameli',
      login: 'test',
      acr: 'eidas1',
    });
    const atServiceB = await fullLogin(serviceB, 'b', {
      fi: 'impots',
      login: 'test',
    });

    expect(viaAmeli.claims.sub).toBe(viaImpots.claims.sub);
    expect(atServiceB.claims.sub).not.toBe(viaImpots.claims.sub);
  });

  it('sends only the claims of the requested scopes', async () => {
    const { userinfo } = await fullLogin(
      serviceA,
      'a',
      { fi: 'impots', login: 'test' },
      'openid given_name',
    );

    expect(Object.keys(userinfo).sort()).toEqual(['given_name', 'sub']);
  });

  it('gives a citizen born abroad an empty birthplace, as the reference federation does', async () => {
    const { userinfo } = await fullLogin(serviceA, 'a', {
      fi: 'impots',
      login: 'ne-etranger',
    });

    expect(userinfo).toMatchObject({ birthcountry: '99134', birthplace: '' });
  });

  it('lists in French, on the consent page, the data that will be sent', async () => {
    const browser = new HttpBrowser();
    const pending = await serviceA.authorizationRequest({
      scope: 'openid identite_pivot',
    });
    const choice = await openAuthorization(
      browser,
      pending,
      stack.redirectUri('a'),
    );

    const consentPage = await chooseFiAndLogIn(
      browser,
      choice,
      { fi: 'impots', login: 'test' },
      stack.redirectUri('a'),
    );

    expect(consentPage.body).toContain('Démarche en ligne A (démo)');
    for (const label of [
      'Prénom(s)',
      'Nom de naissance',
      'Date de naissance',
      'Sexe',
      'Lieu de naissance',
      'Pays de naissance',
    ]) {
      expect(consentPage.body).toContain(label);
    }
    expect(consentPage.body).toContain('24/08/1962');
    expect(consentPage.body).not.toContain('Adresse électronique');
  });

  it('offers only the FIs that reach the requested eIDAS level', async () => {
    const browser = new HttpBrowser();
    const pending = await serviceA.authorizationRequest({ acr: 'eidas2' });

    const choice = await openAuthorization(
      browser,
      pending,
      stack.redirectUri('a'),
    );

    expect(choice.status).toBe(200);
    expect(choice.body).toContain('value="ameli"');
    expect(choice.body).toContain('value="identite-numerique"');
    expect(choice.body).not.toContain('value="impots"');
  });

  it('skips the FI for a second FS in the same browser session (SSO) and asks again for a higher level', async () => {
    const browser = new HttpBrowser();
    const first = await serviceA.authorizationRequest({ acr: 'eidas1' });
    await serviceA.complete(
      await loginThroughFederation(
        browser,
        first,
        { fi: 'ameli', login: 'test', acr: 'eidas2' },
        stack.redirectUri('a'),
      ),
      first,
    );

    const second = await serviceB.authorizationRequest({ acr: 'eidas2' });
    const consentPage = await openAuthorization(
      browser,
      second,
      stack.redirectUri('b'),
    );
    const { claims } = await serviceB.complete(
      await consent(browser, consentPage, stack.redirectUri('b')),
      second,
    );
    const third = await serviceB.authorizationRequest({ acr: 'eidas3' });
    const choiceAgain = await openAuthorization(
      browser,
      third,
      stack.redirectUri('b'),
    );

    expect(claims.acr).toBe('eidas2');
    expect(choiceAgain.body).toContain('value="identite-numerique"');
    expect(choiceAgain.body).not.toContain('value="ameli"');
  });

  it('logs out through the chain FS → core → FI → FS, and the next login asks for an FI again', async () => {
    const browser = new HttpBrowser();
    const { tokens } = await fullLogin(
      serviceA,
      'a',
      { fi: 'impots', login: 'test' },
      undefined,
      browser,
    );
    const fiLogouts: string[] = [];

    let page = await browser.request(
      (
        await serviceA.endSessionUrl(
          tokens.id_token as string,
          'logout-state-123',
        )
      ).toString(),
    );
    for (
      let step = 0;
      step < 10 && !page.url.startsWith(stack.postLogoutRedirectUri('a'));
      step++
    ) {
      if (
        page.url.includes(
          `${stack.url('mock-identity-provider')}/impots/session/end`,
        )
      )
        fiLogouts.push(page.url);
      const next =
        page.status >= 300 && page.status < 400
          ? page
          : await browser.submit(page, {}, undefined, 'yes');
      page = await browser.follow(next, (url) =>
        url.toString().startsWith(stack.postLogoutRedirectUri('a')),
      );
    }
    const after = await serviceA.authorizationRequest();
    const choiceAgain = await openAuthorization(
      browser,
      after,
      stack.redirectUri('a'),
    );

    expect(page.url).toBe(
      `${stack.postLogoutRedirectUri('a')}?state=logout-state-123`,
    );
    expect(fiLogouts.length).toBeGreaterThan(0);
    expect(choiceAgain.body).toContain('value="impots"');
  });

  it('publishes each step to the business-events queue with FS, FI, acr, outcome and time, and no personal data', async () => {
    const queue = new Queue(QUEUES.businessEvents, {
      connection: bullConnection(stack.redisUrl),
      prefix: stack.prefix,
    });
    // Closed even when an expectation fails: an open connection would keep Jest from exiting.
    let events: BusinessEvent[];
    try {
      const browser = new HttpBrowser();
      // Events are published in batches (every 100 ms): let those of the previous tests land first.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = new Set(
        (await queue.getJobs(['waiting'], 0, 10_000)).map((job) => job.id),
      );

      const { tokens } = await fullLogin(
        serviceA,
        'a',
        { fi: 'ameli', login: 'test', acr: 'eidas2' },
        undefined,
        browser,
      );
      let page = await browser.follow(
        (
          await serviceA.endSessionUrl(tokens.id_token as string, 'events-state')
        ).toString(),
        (url) => url.toString().startsWith(stack.postLogoutRedirectUri('a')),
      );
      for (let step = 0; step < 5 && page.status === 200; step++) {
        page = await browser.follow(
          await browser.submit(page, {}, undefined, 'yes'),
          (url) => url.toString().startsWith(stack.postLogoutRedirectUri('a')),
        );
      }
      events = await waitFor(
        async () => {
          const jobs = (await queue.getJobs(['waiting'], 0, 10_000)).filter(
            (job) => !before.has(job.id),
          );
          const found = jobs.map((job) => job.data as BusinessEvent);
          return found.some((event) => event.type === 'logout')
            ? found
            : undefined;
        },
        { timeoutMs: 5_000, description: 'the business events of the flow' },
      );
    } finally {
      await queue.close();
    }

    const types = new Set(events.map((event) => event.type));
    for (const type of [
      'authorize',
      'fi_chosen',
      'fi_returned',
      'identity_verified',
      'consent_shown',
      'redirected_to_fs',
      'token',
      'userinfo',
      'logout',
    ]) {
      expect({
        type,
        published: types.has(type as BusinessEvent['type']),
      }).toEqual({ type, published: true });
    }
    const identityVerified = events.find(
      (event) => event.type === 'identity_verified',
    );
    expect(identityVerified).toMatchObject({
      outcome: 'success',
      clientId: DEMO_CLIENT_A.clientId,
      fiSlug: 'ameli',
      acr: 'eidas2',
    });
    expect(Date.parse(identityVerified?.at ?? '')).toBeGreaterThan(
      Date.now() - 60_000,
    );
    const serialized = JSON.stringify(events);
    for (const personal of [
      'Angela',
      'Dubois',
      '1962-08-24',
      'angela.dubois@example.com',
      '75107',
    ])
      expect(serialized).not.toContain(personal);
  });

  async function fullLogin(
    rp: StrictRelyingParty,
    client: 'a' | 'b',
    citizen: { fi: string; login: string; acr?: EidasLevel },
    scope?: string,
    browser = new HttpBrowser(),
  ) {
    const pending = await rp.authorizationRequest({
      acr: citizen.acr ?? 'eidas1',
      scope,
    });
    const callbackUrl = await loginThroughFederation(
      browser,
      pending,
      citizen,
      stack.redirectUri(client),
    );
    return rp.complete(callbackUrl, pending);
  }
});
