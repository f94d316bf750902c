import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * Short-lived, single-use records in Redis, referenced by an unguessable random id (256 bits).
 * Used to pass data between the core and the FI gateway through the browser without putting
 * anything but the reference in URLs: `take` reads and deletes atomically, so a replay finds nothing.
 */
export class OneTimeStore<T> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly kind: string,
    private readonly ttlSeconds: number,
  ) {}

  private key(reference: string): string {
    return `${this.prefix}:${this.kind}:${reference}`;
  }

  async put(value: T): Promise<string> {
    const reference = randomBytes(32).toString('base64url');
    await this.redis.set(
      this.key(reference),
      JSON.stringify(value),
      'EX',
      this.ttlSeconds,
    );
    return reference;
  }

  /** The value, once; undefined when unknown, expired or already taken. */
  async take(reference: string): Promise<T | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(reference)) return undefined;
    const data = await this.redis.getdel(this.key(reference));
    return data ? (JSON.parse(data) as T) : undefined;
  }

  /** Reads without consuming (e.g. to show a page before the final step). */
  async peek(reference: string): Promise<T | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(reference)) return undefined;
    const data = await this.redis.get(this.key(reference));
    return data ? (JSON.parse(data) as T) : undefined;
  }
}
