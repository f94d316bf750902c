import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@federation/config';
import { freePort } from '@federation/testing';
import { AppModule } from './app.module';
import { mockIdentityProviderConfigSchema } from './config/mock-identity-provider.config';

describe('mock-identity-provider application', () => {
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig(
      'mock-identity-provider',
      mockIdentityProviderConfigSchema,
      {
        PORT: String(port),
        LOG_LEVEL: 'silent',
        MOCK_FI_PUBLIC_URL: baseUrl,
      },
    );
    app = await NestFactory.create(AppModule.register(config), {
      logger: false,
      bodyParser: false,
    });
    await app.listen(port, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers /health', async () => {
    // When the health endpoint is called, Then it is up
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('serves each FI under its issuer next to the home page', async () => {
    // When the home page and a discovery document are fetched
    const home = await fetch(`${baseUrl}/`);
    const discovery = await fetch(
      `${baseUrl}/impots/.well-known/openid-configuration`,
    );

    // Then both answer, the FI with its own issuer
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(
      'Fournisseurs d’identité de démonstration',
    );
    expect(discovery.status).toBe(200);
    expect(await discovery.json()).toMatchObject({
      issuer: `${baseUrl}/impots`,
    });
  });
});
