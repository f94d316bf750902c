import {
  deleteRedisKeys,
  testInfrastructure,
  testRedisPrefix,
} from '@federation/testing';
import Redis from 'ioredis';
import { OneTimeStore } from './one-time-store';

describe('OneTimeStore (real Redis)', () => {
  const { redisUrl } = testInfrastructure();
  const prefix = testRedisPrefix('one-time-store');
  const redis = new Redis(redisUrl);

  afterAll(async () => {
    await deleteRedisKeys(redisUrl, prefix);
    redis.disconnect();
  });

  it('gives the value once, then nothing (a replayed reference is refused)', async () => {
    const store = new OneTimeStore<{ interactionUid: string }>(
      redis,
      prefix,
      'handoff',
      60,
    );
    const reference = await store.put({ interactionUid: 'abc' });

    expect(await store.take(reference)).toEqual({ interactionUid: 'abc' });
    expect(await store.take(reference)).toBeUndefined();
  });

  it('forgets the value after its time to live', async () => {
    const store = new OneTimeStore<string>(redis, prefix, 'short', 1);
    const reference = await store.put('x');

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(await store.take(reference)).toBeUndefined();
  });

  it('uses unguessable references and refuses malformed ones without asking Redis', async () => {
    const store = new OneTimeStore<string>(redis, prefix, 'handoff', 60);
    const reference = await store.put('x');

    expect(reference).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await store.take('../../etc')).toBeUndefined();
  });
});
