import { ConfigValidationError, loadConfig } from './load-config';
import { databaseSection, redisSection, serviceSection } from './sections';

const schema = serviceSection(4000).merge(databaseSection).merge(redisSection);

describe('loadConfig', () => {
  it('applies defaults and coerces numbers when the environment is valid', () => {
    const config = loadConfig('core', schema, {
      PORT: '4010',
      DATABASE_URL: 'postgres://localhost/federation',
      REDIS_URL: 'redis://localhost:6379',
    });

    expect(config).toMatchObject({
      PORT: 4010,
      NODE_ENV: 'development',
      REDIS_PREFIX: 'fed',
      DATABASE_POOL_SIZE: 10,
    });
  });

  it('names every missing or wrong variable in one message', () => {
    const attempt = () =>
      loadConfig('core', schema, { PORT: 'abc', REDIS_URL: 'http://nope' });

    expect(attempt).toThrow(ConfigValidationError);
    expect(attempt).toThrow(
      /Invalid configuration for core: .*PORT .*DATABASE_URL is required.*REDIS_URL must be a URL starting with redis:\/\//,
    );
  });

  it('treats an empty variable as unset so that the default applies', () => {
    const config = loadConfig('core', schema, {
      PORT: '',
      DATABASE_URL: 'postgresql://localhost/federation',
      REDIS_URL: 'redis://localhost:6379',
    });

    expect(config.PORT).toBe(4000);
  });

  it('refuses a Redis prefix that could break key namespaces', () => {
    expect(() =>
      loadConfig('core', schema, {
        DATABASE_URL: 'postgres://x/y',
        REDIS_URL: 'redis://x',
        REDIS_PREFIX: 'a:b',
      }),
    ).toThrow(/REDIS_PREFIX must contain only letters/);
  });
});
