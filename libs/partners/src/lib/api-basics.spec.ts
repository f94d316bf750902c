import { startPartnersTestApp, type PartnersTestApp } from '../testing';

describe('partners-api: what every caller gets', () => {
  let test: PartnersTestApp;

  beforeAll(async () => {
    test = await startPartnersTestApp('api-basics');
  });

  afterAll(() => test?.close());

  it('serves its OpenAPI document', async () => {
    const response = await test.client().get('/api/docs-json');

    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(response.body.info.title).toContain('Partners API');
  });

  it('answers an unknown route with a French 404 of the catalogue', async () => {
    const response = await test.client().get('/api/nothing-here');

    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, code: 'P000006', message: expect.stringContaining('n’existe pas') });
  });

  it('keeps the health answer of terminus outside the API', async () => {
    const response = await test.client().get('/health');

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
  });

  it('refuses malformed JSON with a 400, not a 500', async () => {
    const response = await test.client().raw('POST', '/api/auth/login', { body: '{"email": ', headers: { 'content-type': 'application/json' } });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('P000002');
  });
});
