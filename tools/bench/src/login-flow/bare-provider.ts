import { createServer } from 'node:http';
import { RedisOidcAdapter } from '@federation/oidc';
import Redis from 'ioredis';
import Provider from 'oidc-provider';

export const BARE_CLIENT = {
  clientId: 'bench-client',
  clientSecret: 'bench-client-secret-0123456789abcdef-xyz',
};

/**
 * The baseline: a bare oidc-provider with the same Redis store as the core, one client, a login
 * form and automatic consent. No federation, one OpenID hop.
 */
export async function runBareProvider(
  port: number,
  redisUrl: string,
  prefix: string,
  redirectUri: string,
): Promise<void> {
  const redis = new Redis(redisUrl);
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    adapter: ((name: string) =>
      new RedisOidcAdapter(name, redis, prefix)) as never,
    clients: [
      {
        client_id: BARE_CLIENT.clientId,
        client_secret: BARE_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [await esKey()] } as never,
    claims: { openid: ['sub'], profile: ['given_name', 'family_name'] },
    cookies: { keys: ['bench-cookie-key-0123456789abcdef-0123456789'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => false },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({
        sub,
        given_name: 'Angela',
        family_name: 'Dubois',
      }),
    }),
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
  });
  const callback = provider.callback();
  const server = createServer(async (req, res) => {
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login' && !match[2]) {
        res.setHeader('content-type', 'text/html');
        res.end(
          `<form method="post" action="/interaction/${details.uid}/login"><input name="login" value=""><button>Se connecter</button></form>`,
        );
        return;
      }
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: 'citizen-1' } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session?.accountId as string,
        clientId: String(details.params['client_id']),
      });
      grant.addOIDCScope(String(details.params['scope']));
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(port, '127.0.0.1', resolve),
  );
  process.stdout.write('bare provider ready\n');
}

async function esKey() {
  const { generateKeyPair, exportJWK } = await import('jose');
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    ...(await exportJWK(privateKey)),
    alg: 'ES256',
    use: 'sig',
    kid: 'bench',
  };
}
