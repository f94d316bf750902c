import { EIDAS_LEVELS } from '@federation/identity';
import type { Request, Response } from 'express';
import { z } from '@federation/config';
import { SessionTooLargeException } from '../exceptions/mock-fs.exception';
import { CookieSealer, readCookie } from './cookie-sealer';

/** A login sent to the core, waiting for its callback. */
const pendingLoginSchema = z.object({
  step: z.literal('login'),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  acr: z.enum(EIDAS_LEVELS),
  /** `data`: started by « Récupérer mes données », the access token is kept and the data page shown. */
  purpose: z.enum(['login', 'data']).default('login'),
});

/** A citizen signed in: what the home page shows, and the ID token for the logout. */
const signedInSchema = z.object({
  step: z.literal('signed-in'),
  sub: z.string(),
  acr: z.string(),
  idToken: z.string(),
  /** Identity claims from userinfo (strings only, known claims only). */
  claims: z.record(z.string(), z.string()),
  /** Access token for the data provider (« Récupérer mes données »): sealed with the rest, never shown nor logged. */
  accessToken: z.string().optional(),
});

/** A logout sent to the core, waiting for its callback. */
const pendingLogoutSchema = z.object({
  step: z.literal('logout'),
  state: z.string(),
});

const sessionSchema = z.discriminatedUnion('step', [pendingLoginSchema, signedInSchema, pendingLogoutSchema]);

export type PendingLogin = z.output<typeof pendingLoginSchema>;
export type SignedIn = z.output<typeof signedInSchema>;
export type PendingLogout = z.output<typeof pendingLogoutSchema>;
export type DemoSession = z.output<typeof sessionSchema>;

/** How long each step lives: a login or logout must come back quickly, a session lasts a demo. */
const TTL_SECONDS: Record<DemoSession['step'], number> = {
  login: 10 * 60,
  'signed-in': 60 * 60,
  logout: 10 * 60,
};

/** Browsers drop cookies over 4,096 bytes (name, value and attributes). */
const MAX_COOKIE_VALUE_BYTES = 3_800;

/**
 * The session of one demo service, kept by the browser in an encrypted cookie scoped to the
 * service's path: no server-side store, so the mock keeps nothing across restarts.
 */
export class DemoSessionCookie {
  constructor(
    private readonly sealer: CookieSealer,
    readonly name: string,
    readonly path: string,
    private readonly secure: boolean,
  ) {}

  /** The session, or undefined when absent, expired, forged or sealed for another service. */
  read(req: Request): DemoSession | undefined {
    const sealed = readCookie(req.headers.cookie, this.name);
    const plaintext = sealed && this.sealer.open(this.name, sealed);
    if (!plaintext) return undefined;
    try {
      const envelope = JSON.parse(plaintext) as { expiresAt?: unknown; session?: unknown };
      if (typeof envelope.expiresAt !== 'number' || envelope.expiresAt < Date.now()) return undefined;
      const session = sessionSchema.safeParse(envelope.session);
      return session.success ? session.data : undefined;
    } catch {
      return undefined;
    }
  }

  write(res: Response, session: DemoSession): void {
    const maxAge = TTL_SECONDS[session.step] * 1000;
    const sealed = this.sealer.seal(this.name, JSON.stringify({ expiresAt: Date.now() + maxAge, session }));
    if (sealed.length > MAX_COOKIE_VALUE_BYTES) throw new SessionTooLargeException();
    res.cookie(this.name, sealed, { ...this.attributes(), maxAge });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, this.attributes());
  }

  private attributes() {
    return { httpOnly: true, sameSite: 'lax' as const, secure: this.secure, path: this.path };
  }
}
