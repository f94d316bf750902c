import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The hidden token of the login form. oidc-provider already binds the interaction to the browser
 * (its interaction cookie); the token, an HMAC of the interaction uid, also proves that the POST
 * comes from the page this service rendered for that interaction. Stateless: nothing to expire.
 */
export class InteractionFormToken {
  constructor(private readonly key: string) {}

  issue(slug: string, uid: string): string {
    return createHmac('sha256', this.key)
      .update(`mock-fi-login-form:${slug}:${uid}`)
      .digest('base64url');
  }

  verify(slug: string, uid: string, token: string): boolean {
    const expected = Buffer.from(this.issue(slug, uid));
    const received = Buffer.from(token);
    return (
      expected.length === received.length && timingSafeEqual(expected, received)
    );
  }
}
