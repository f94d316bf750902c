import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@federation/config';
import { freePort } from '@federation/testing';
import { AppModule } from './app.module';
import { mockServiceProviderConfigSchema } from './config/mock-service-provider.config';

describe('mock-service-provider', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // The core is not running: the service must start anyway.
    const config = loadConfig('mock-service-provider', mockServiceProviderConfigSchema, {
      LOG_LEVEL: 'silent',
      PORT: String(port),
      CORE_ISSUER: `http://127.0.0.1:${await freePort()}/api/v2`,
      MOCK_FS_PUBLIC_URL: baseUrl,
      MOCK_FS_CLIENT_SECRET: 'test-only-demo-service-a-secret-0123456789',
      MOCK_FS2_CLIENT_SECRET: 'test-only-demo-service-b-secret-0123456789',
    });
    app = await NestFactory.create(AppModule.register(config), { logger: false });
    await app.listen(config.PORT, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers /health while the core is down', async () => {
    const response = await fetch(`${baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('serves both demo services', async () => {
    const [serviceA, serviceB] = await Promise.all([fetch(`${baseUrl}/`), fetch(`${baseUrl}/autre-service`)]);

    expect(await serviceA.text()).toContain('Démarche en ligne A — démo');
    expect(await serviceB.text()).toContain('Démarche en ligne B — démo');
  });

  it('offers « Récupérer mes données » on the home page, and « Mes données » without a stored token', async () => {
    const home = await (await fetch(`${baseUrl}/`)).text();
    const data = await (await fetch(`${baseUrl}/data`)).text();

    expect(home).toContain('Récupérer mes données');
    expect(home).toContain('openid given_name family_name dgfip_rfr dgfip_nbpart');
    expect(data).toContain('Mes données');
    expect(data).toContain('GET http://localhost:4600/dgfip/revenu-fiscal-de-reference');
    expect(data).toContain('data-testid="no-data-authorization"');
  });
});
