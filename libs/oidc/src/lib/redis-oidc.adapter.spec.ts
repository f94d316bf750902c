import {
  deleteRedisKeys,
  testInfrastructure,
  testRedisPrefix,
} from '@federation/testing';
import Redis from 'ioredis';
import { RedisOidcAdapter } from './redis-oidc.adapter';

describe('RedisOidcAdapter (real Redis)', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('oidc-adapter');
  const redis = new Redis(redisUrl);

  afterAll(async () => {
    await deleteRedisKeys(redisUrl, prefix);
    redis.disconnect();
  });

  it('stores an artefact with the lifetime oidc-provider gives it', async () => {
    const sessions = new RedisOidcAdapter('Session', redis, prefix);

    await sessions.upsert('s1', { uid: 'u1', accountId: 'a1' }, 120);

    expect(await sessions.find('s1')).toEqual({ uid: 'u1', accountId: 'a1' });
    expect(await sessions.findByUid('u1')).toEqual({
      uid: 'u1',
      accountId: 'a1',
    });
    expect(await redis.ttl(`${prefix}:oidc:Session:s1`)).toBeGreaterThan(110);
  });

  it('marks a code consumed instead of deleting it, so that a replay is detected', async () => {
    const codes = new RedisOidcAdapter('AuthorizationCode', redis, prefix);
    await codes.upsert('c1', { grantId: 'g1', accountId: 'a1' }, 30);

    await codes.consume('c1');

    expect(await codes.find('c1')).toMatchObject({
      grantId: 'g1',
      consumed: expect.any(Number),
    });
  });

  it('revokes every artefact of a grant at once (what a replayed code triggers)', async () => {
    const codes = new RedisOidcAdapter('AuthorizationCode', redis, prefix);
    const tokens = new RedisOidcAdapter('AccessToken', redis, prefix);
    await codes.upsert('c2', { grantId: 'g2' }, 30);
    await tokens.upsert('t2', { grantId: 'g2' }, 60);
    await tokens.upsert('t3', { grantId: 'other' }, 60);

    await tokens.revokeByGrantId('g2');

    expect(await codes.find('c2')).toBeUndefined();
    expect(await tokens.find('t2')).toBeUndefined();
    expect(await tokens.find('t3')).toEqual({ grantId: 'other' });
  });

  it('keeps a grant index as long as its longest-lived artefact', async () => {
    const codes = new RedisOidcAdapter('AuthorizationCode', redis, prefix);
    const tokens = new RedisOidcAdapter('AccessToken', redis, prefix);

    await tokens.upsert('t4', { grantId: 'g4' }, 600);
    await codes.upsert('c4', { grantId: 'g4' }, 30);

    expect(await redis.ttl(`${prefix}:oidc:grant:g4`)).toBeGreaterThan(590);
  });
});
