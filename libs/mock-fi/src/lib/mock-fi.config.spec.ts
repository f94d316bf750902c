import { loadConfig } from '@federation/config';
import {
  DEV_MOCK_FI_CLIENT_SECRET,
  mockFiConfigSection,
  mockFiOptionsFromConfig,
} from './mock-fi.config';

describe('mock FI configuration', () => {
  it('runs on a developer machine with no variable set', () => {
    // Given an empty environment, When the section is loaded
    const options = mockFiOptionsFromConfig(
      loadConfig('mock-fi', mockFiConfigSection, {}),
    );

    // Then the documented defaults apply
    expect(options).toEqual({
      publicUrl: 'http://localhost:4400',
      gatewayUrl: 'http://localhost:4100',
      clientId: 'fi-gateway',
      clientSecret: DEV_MOCK_FI_CLIENT_SECRET,
      cookieKeys: [expect.any(String)],
    });
    expect(options.clientSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('accepts several cookie keys and drops trailing slashes from URLs', () => {
    // Given keys for a rotation and URLs ending with a slash
    const config = loadConfig('mock-fi', mockFiConfigSection, {
      MOCK_FI_PUBLIC_URL: 'https://fi.example.test/',
      FI_GATEWAY_PUBLIC_URL: 'https://gateway.example.test/',
      MOCK_FI_COOKIE_KEYS: `${'a'.repeat(32)}, ${'b'.repeat(32)}`,
    });

    // Then both keys are kept and the URLs are normalised
    expect(config.MOCK_FI_COOKIE_KEYS).toEqual([
      'a'.repeat(32),
      'b'.repeat(32),
    ]);
    expect(config.MOCK_FI_PUBLIC_URL).toBe('https://fi.example.test');
    expect(config.FI_GATEWAY_PUBLIC_URL).toBe('https://gateway.example.test');
  });

  it('names every wrong variable at once', () => {
    // Given a short secret, a short cookie key and a public URL with a path
    const load = () =>
      loadConfig('mock-fi', mockFiConfigSection, {
        MOCK_FI_CLIENT_SECRET: 'short',
        MOCK_FI_COOKIE_KEYS: 'short',
        MOCK_FI_PUBLIC_URL: 'http://localhost:4400/fi',
      });

    // Then the error names each of them
    expect(load).toThrow(
      /MOCK_FI_CLIENT_SECRET must be at least 32 characters/,
    );
    expect(load).toThrow(
      /MOCK_FI_COOKIE_KEYS\.0 each key must be at least 32 characters/,
    );
    expect(load).toThrow(/MOCK_FI_PUBLIC_URL must be an origin without path/);
  });
});
