import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@federation/config';
import { freePort } from '@federation/testing';
import { exportJWK, generateKeyPair } from 'jose';
import { AppModule } from './app.module';
import { mockDataProviderConfigSchema } from './config/mock-data-provider.config';

async function privateJwk(kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return JSON.stringify({ ...(await exportJWK(privateKey)), kid });
}

describe('mock-data-provider', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // The consent service is not running: the service must start anyway.
    const config = loadConfig('mock-data-provider', mockDataProviderConfigSchema, {
      LOG_LEVEL: 'silent',
      PORT: String(port),
      CONSENT_PUBLIC_URL: `http://127.0.0.1:${await freePort()}`,
      MOCK_FD_DGFIP_CLIENT_SECRET: 'test-only-dgfip-secret-0123456789abcdef',
      MOCK_FD_MESR_CLIENT_SECRET: 'test-only-mesr-secret-0123456789abcdefg',
      MOCK_FD_CNAF_SIGNING_JWK: await privateJwk('fd-cnaf-sig'),
      MOCK_FD_CNAF_ENCRYPTION_JWK: await privateJwk('fd-cnaf-enc'),
    });
    app = await NestFactory.create(AppModule.register(config), { logger: false });
    await app.listen(config.PORT, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers /health while the consent service is down', async () => {
    const response = await fetch(`${baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('serves the three data APIs, each asking for a bearer token', async () => {
    for (const path of ['/dgfip/revenu-fiscal-de-reference', '/cnaf/quotient-familial', '/mesr/statut-etudiant']) {
      const response = await fetch(`${baseUrl}${path}`);

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="mock-data-provider"');
    }
  });

  it('answers 503 in French when the consent service cannot check the token', async () => {
    const response = await fetch(`${baseUrl}/mesr/statut-etudiant`, { headers: { authorization: 'Bearer some-token' } });

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ message: expect.stringContaining('service de consentement') });
  });
});
