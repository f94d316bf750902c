import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestOpenIdProvider } from './test-openid-provider';

/*
 * Test-only: a stand-in for the mock data provider (another project) in the mock's own tests. It
 * answers `/dgfip/revenu-fiscal-de-reference` as the real one does, asking the test OpenID
 * provider whether the bearer token is active and which scopes it carries.
 */

export const TEST_TAX_DATA = { referenceTaxIncome: 23456, incomeYear: 2025, taxShares: 2.5 };
export const TEST_DATA_PROVIDER_SUB = 'fd-dgfip-sub-0123456789abcdef';

export interface TestDataProvider {
  url: string;
  /** The Authorization headers received, in order. */
  authorizations: string[];
  /** Answer this status, with the message the real mock sends, instead of checking tokens (undefined: back to normal). */
  failWith(status: 502 | 503 | undefined): void;
  close(): Promise<void>;
}

export async function startTestDataProvider(provider: TestOpenIdProvider, port = 0): Promise<TestDataProvider> {
  const authorizations: string[] = [];
  let failure: 502 | 503 | undefined;
  const FAILURE_MESSAGES = {
    502: 'Le fournisseur de données est mal configuré : le service de consentement refuse ses identifiants (fd-dgfip).',
    503: 'Le service de consentement ne répond pas : le jeton ne peut pas être vérifié pour le moment.',
  };
  const challenge = (error?: string, scope?: string) =>
    ['Bearer realm="mock-data-provider"', error && `error="${error}"`, scope && `scope="${scope}"`].filter(Boolean).join(', ');

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.url !== '/dgfip/revenu-fiscal-de-reference') {
        res.writeHead(404).end();
        return;
      }
      const authorization = req.headers.authorization ?? '';
      authorizations.push(authorization);
      if (failure) {
        res.writeHead(failure, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: failure, message: FAILURE_MESSAGES[failure] }));
        return;
      }
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
      const scopes = token ? await provider.accessTokenScopes(token) : undefined;
      if (!scopes) {
        res.writeHead(401, { 'www-authenticate': challenge(token ? 'invalid_token' : undefined), 'content-type': 'application/json' }).end('{}');
        return;
      }
      if (!scopes.includes('dgfip_rfr')) {
        res.writeHead(403, { 'www-authenticate': challenge('insufficient_scope', 'dgfip_rfr'), 'content-type': 'application/json' }).end('{}');
        return;
      }
      const { taxShares, ...withoutShares } = TEST_TAX_DATA;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sub: TEST_DATA_PROVIDER_SUB, ...withoutShares, ...(scopes.includes('dgfip_nbpart') ? { taxShares } : {}) }));
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    failWith: (status) => {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
