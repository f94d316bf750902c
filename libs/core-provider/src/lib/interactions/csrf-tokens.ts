import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * One CSRF token per interaction, checked on every form POST of the citizen pages
 * (on top of SameSite cookies).
 */
export class CsrfTokens {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 15 * 60,
  ) {}

  private key(uid: string): string {
    return `${this.prefix}:core:csrf:${uid}`;
  }

  async issue(uid: string): Promise<string> {
    const existing = await this.redis.get(this.key(uid));
    if (existing) return existing;
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.key(uid), token, 'EX', this.ttlSeconds);
    return token;
  }

  async verify(uid: string, candidate: unknown): Promise<boolean> {
    if (typeof candidate !== 'string') return false;
    const expected = await this.redis.get(this.key(uid));
    if (!expected || expected.length !== candidate.length) return false;
    return timingSafeEqual(Buffer.from(expected), Buffer.from(candidate));
  }
}
