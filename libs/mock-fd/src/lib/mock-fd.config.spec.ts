import { loadConfig } from '@federation/config';
import { mockFdConfigSection, mockFdOptionsFromConfig } from './mock-fd.config';
import { generateFdKey } from './testing/test-consent-service';

async function validEnv() {
  const signing = await generateFdKey('fd-cnaf-sig', 'sig');
  const encryption = await generateFdKey('fd-cnaf-enc', 'enc');
  return {
    MOCK_FD_DGFIP_CLIENT_SECRET: 'test-only-dgfip-secret-0123456789abcdef',
    MOCK_FD_MESR_CLIENT_SECRET: 'test-only-mesr-secret-0123456789abcdefg',
    MOCK_FD_CNAF_SIGNING_JWK: JSON.stringify(signing.privateJwk),
    MOCK_FD_CNAF_ENCRYPTION_JWK: JSON.stringify(encryption.privateJwk),
  };
}

describe('mock-fd configuration', () => {
  it('defaults the consent service to the developer machine and gives each FD its credentials', async () => {
    // Given the secrets and keys of the three FDs
    const env = await validEnv();

    // When the options are derived
    const options = mockFdOptionsFromConfig(loadConfig('mock-data-provider', mockFdConfigSection, env));

    // Then each FD authenticates its own way, and only CNAF decrypts
    expect(options.consentUrl).toBe('http://localhost:4200');
    expect(options.clients['fd-dgfip']).toEqual({
      clientId: 'fd-dgfip',
      credentials: { method: 'client_secret_basic', clientSecret: env.MOCK_FD_DGFIP_CLIENT_SECRET },
    });
    expect(options.clients['fd-mesr'].credentials).toEqual({ method: 'client_secret_post', clientSecret: env.MOCK_FD_MESR_CLIENT_SECRET });
    expect(options.clients['fd-cnaf'].credentials).toMatchObject({ method: 'private_key_jwt', signingKey: { kid: 'fd-cnaf-sig', crv: 'P-256' } });
    expect(options.clients['fd-cnaf'].decryptionKey).toMatchObject({ kid: 'fd-cnaf-enc' });
    expect(options.clients['fd-dgfip'].decryptionKey).toBeUndefined();
  });

  it('names every missing variable', () => {
    expect(() => loadConfig('mock-data-provider', mockFdConfigSection, {})).toThrow(
      /MOCK_FD_DGFIP_CLIENT_SECRET is required.*MOCK_FD_CNAF_SIGNING_JWK is required.*MOCK_FD_CNAF_ENCRYPTION_JWK is required.*MOCK_FD_MESR_CLIENT_SECRET is required/,
    );
  });

  it('refuses a key that is not JSON, a public key, a key of another curve and a key without kid', async () => {
    const env = await validEnv();
    const privateKey = JSON.parse(env.MOCK_FD_CNAF_SIGNING_JWK) as Record<string, unknown>;
    const { d: _d, ...publicKey } = privateKey;
    const { kid: _kid, ...withoutKid } = privateKey;

    const attempt = (signing: string, encryption: string) => () =>
      loadConfig('mock-data-provider', mockFdConfigSection, { ...env, MOCK_FD_CNAF_SIGNING_JWK: signing, MOCK_FD_CNAF_ENCRYPTION_JWK: encryption });

    expect(attempt('not json', JSON.stringify(publicKey))).toThrow(
      /MOCK_FD_CNAF_SIGNING_JWK must be a JSON Web Key \(valid JSON\).*MOCK_FD_CNAF_ENCRYPTION_JWK must be a private key/,
    );
    expect(attempt(JSON.stringify({ ...privateKey, crv: 'P-384' }), JSON.stringify(withoutKid))).toThrow(
      /MOCK_FD_CNAF_SIGNING_JWK must be an EC P-256 JSON Web Key.*MOCK_FD_CNAF_ENCRYPTION_JWK must have a "kid"/,
    );
  });

  it('refuses a short secret and a consent URL that is not HTTP', async () => {
    const env = await validEnv();
    expect(() =>
      loadConfig('mock-data-provider', mockFdConfigSection, {
        ...env,
        MOCK_FD_DGFIP_CLIENT_SECRET: 'short',
        CONSENT_PUBLIC_URL: 'ftp://consent',
      }),
    ).toThrow(/CONSENT_PUBLIC_URL must be a URL starting with http.*MOCK_FD_DGFIP_CLIENT_SECRET must be at least 32/);
  });
});
