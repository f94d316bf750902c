import { loadConfig } from '@federation/config';
import { DEV_MOCK_FS_COOKIE_SECRET, mockFsConfigSection, mockFsOptionsFromConfig } from './mock-fs.config';
import { MOCK_SERVICES, mockServiceUrls } from './mock-services';

const SECRETS = {
  MOCK_FS_CLIENT_SECRET: 'test-only-secret-a-0123456789abcdefghij',
  MOCK_FS2_CLIENT_SECRET: 'test-only-secret-b-0123456789abcdefghij',
};

describe('mock-fs configuration', () => {
  it('applies the defaults of a developer machine', () => {
    // Given only the client secrets
    const config = loadConfig('mock-service-provider', mockFsConfigSection, SECRETS);

    // Then the core, the public URL, the scope and the client ids have their defaults
    expect(config).toMatchObject({
      CORE_ISSUER: 'http://localhost:4000/api/v2',
      MOCK_FS_PUBLIC_URL: 'http://localhost:4500',
      MOCK_FS_SCOPE: 'openid identite_pivot email preferred_username',
      MOCK_FS_COOKIE_SECRET: DEV_MOCK_FS_COOKIE_SECRET,
      MOCK_FS_CLIENT_ID: 'demo-service-a',
      MOCK_FS2_CLIENT_ID: 'demo-service-b',
      MOCK_FS_DATA_SCOPES: 'openid given_name family_name dgfip_rfr dgfip_nbpart',
      MOCK_FD_PUBLIC_URL: 'http://localhost:4600',
    });
    expect(mockFsOptionsFromConfig(config)).toMatchObject({
      dataScope: 'openid given_name family_name dgfip_rfr dgfip_nbpart',
      dataProviderEndpoint: 'http://localhost:4600/dgfip/revenu-fiscal-de-reference',
    });
  });

  it('calls the data provider at MOCK_FD_PUBLIC_URL, and refuses data scopes without openid', () => {
    const config = loadConfig('mock-service-provider', mockFsConfigSection, {
      ...SECRETS,
      MOCK_FD_PUBLIC_URL: 'https://fd.example/',
      MOCK_FS_DATA_SCOPES: ' openid   dgfip_rfr ',
    });
    expect(mockFsOptionsFromConfig(config)).toMatchObject({
      dataScope: 'openid dgfip_rfr',
      dataProviderEndpoint: 'https://fd.example/dgfip/revenu-fiscal-de-reference',
    });

    expect(() =>
      loadConfig('mock-service-provider', mockFsConfigSection, { ...SECRETS, MOCK_FS_DATA_SCOPES: 'dgfip_rfr', MOCK_FD_PUBLIC_URL: 'fd' }),
    ).toThrow(/MOCK_FS_DATA_SCOPES must contain "openid".*MOCK_FD_PUBLIC_URL must be a URL/);
  });

  it('names each missing client secret', () => {
    expect(() => loadConfig('mock-service-provider', mockFsConfigSection, {})).toThrow(
      /MOCK_FS_CLIENT_SECRET is required.*MOCK_FS2_CLIENT_SECRET is required/,
    );
  });

  it('refuses a public URL with a path, a scope without openid and a short cookie secret', () => {
    expect(() =>
      loadConfig('mock-service-provider', mockFsConfigSection, {
        ...SECRETS,
        MOCK_FS_PUBLIC_URL: 'http://localhost:4500/fs',
        MOCK_FS_SCOPE: 'profile email',
        MOCK_FS_COOKIE_SECRET: 'short',
      }),
    ).toThrow(/MOCK_FS_PUBLIC_URL must be an origin.*MOCK_FS_SCOPE must contain "openid".*MOCK_FS_COOKIE_SECRET must be at least 32/);
  });

  it('gives each demo service the client its variables name, and its redirect URIs', () => {
    // Given the configuration of both clients
    const config = loadConfig('mock-service-provider', mockFsConfigSection, {
      ...SECRETS,
      MOCK_FS_CLIENT_ID: 'client-a',
      MOCK_FS2_CLIENT_ID: 'client-b',
      MOCK_FS_PUBLIC_URL: 'https://fs.example/',
    });

    // When the options are derived
    const options = mockFsOptionsFromConfig(config);

    // Then each service has its own client, and its URLs are those the seed registers at the core
    const [serviceA, serviceB] = MOCK_SERVICES;
    expect(options.clients[serviceA.id]).toEqual({ clientId: 'client-a', clientSecret: SECRETS.MOCK_FS_CLIENT_SECRET });
    expect(options.clients[serviceB.id]).toEqual({ clientId: 'client-b', clientSecret: SECRETS.MOCK_FS2_CLIENT_SECRET });
    expect(mockServiceUrls(serviceA, options.publicUrl)).toMatchObject({
      home: 'https://fs.example/',
      redirectUri: 'https://fs.example/login-callback',
      postLogoutRedirectUri: 'https://fs.example/logout-callback',
    });
    expect(mockServiceUrls(serviceB, options.publicUrl)).toMatchObject({
      home: 'https://fs.example/autre-service',
      redirectUri: 'https://fs.example/autre-service/login-callback',
      postLogoutRedirectUri: 'https://fs.example/autre-service/logout-callback',
    });
  });

  it('reads every variable MOCK_SERVICES names', () => {
    const variables = Object.keys(mockFsConfigSection.shape);
    for (const service of MOCK_SERVICES) {
      expect(variables).toEqual(expect.arrayContaining([service.config.clientId, service.config.clientSecret]));
    }
  });
});
