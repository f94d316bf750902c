import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One CSRF token per interaction, checked on every form POST of the citizen pages (on top of
 * SameSite cookies): an HMAC of the interaction id with a server secret, so that no storage
 * round trip is needed. The interaction id itself only lives in the citizen's cookie and URL.
 */
export class CsrfTokens {
  constructor(private readonly secret: string) {}

  issue(uid: string): string {
    return createHmac('sha256', this.secret)
      .update(`csrf:${uid}`)
      .digest('base64url');
  }

  verify(uid: string, candidate: unknown): boolean {
    if (typeof candidate !== 'string') return false;
    const expected = Buffer.from(this.issue(uid));
    const given = Buffer.from(candidate);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
