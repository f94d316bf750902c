import { randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from '@federation/config';
import type { Request, Response } from 'express';
import { SessionTooLargeException } from '../exceptions/dashboard.exceptions';
import { CookieSealer, readCookie } from './cookie-sealer';

/** A login sent to the core, waiting for its callback. */
const pendingLoginSchema = z.object({
  step: z.literal('login'),
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
});

/** What the dashboard says after a form was handled, shown once. */
export const NOTICE_KINDS = [
  'consent-revoked',
  'consent-already-revoked',
  'account-blocked',
  'account-unblocked',
  'last-account-kept',
] as const;
const noticeSchema = z.object({
  kind: z.enum(NOTICE_KINDS),
  /** Name of the identity provider concerned (not personal data). */
  accountName: z.string().optional(),
});

/** A citizen signed in: their key in the records, their given name for the greeting, the ID token for the logout. */
const signedInSchema = z.object({
  step: z.literal('signed-in'),
  citizenKey: z.string().min(1),
  givenName: z.string().optional(),
  idToken: z.string(),
  /** Random, per session: every form of the dashboard posts it back. */
  csrf: z.string(),
  notice: noticeSchema.optional(),
});

/** A logout sent to the core, waiting for the browser to come back to `/`. */
const pendingLogoutSchema = z.object({
  step: z.literal('logout'),
  state: z.string(),
});

const sessionSchema = z.discriminatedUnion('step', [
  pendingLoginSchema,
  signedInSchema,
  pendingLogoutSchema,
]);

export type PendingLogin = z.output<typeof pendingLoginSchema>;
export type SignedIn = z.output<typeof signedInSchema>;
export type PendingLogout = z.output<typeof pendingLogoutSchema>;
export type DashboardNotice = z.output<typeof noticeSchema>;
export type DashboardSession = z.output<typeof sessionSchema>;

/** A login or logout must come back quickly; a signed-in session lasts one hour, not renewed by activity. */
const TTL_SECONDS: Record<DashboardSession['step'], number> = {
  login: 10 * 60,
  'signed-in': 60 * 60,
  logout: 10 * 60,
};

/** Browsers drop cookies over 4,096 bytes (name, value and attributes). */
const MAX_COOKIE_VALUE_BYTES = 3_800;

export const DASHBOARD_COOKIE_NAME = 'tableau_de_bord';

interface Envelope {
  expiresAt: number;
  session: DashboardSession;
}

/** A new CSRF token for a session. */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `candidate` is the session's CSRF token (constant-time comparison). */
export function csrfMatches(session: SignedIn, candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false;
  const expected = Buffer.from(session.csrf);
  const given = Buffer.from(candidate);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The dashboard session, kept by the browser in an encrypted cookie: no server-side store.
 * httpOnly, SameSite=Lax (the callback from the core is a top-level GET), Secure when configured.
 */
export class DashboardSessionCookie {
  constructor(
    private readonly sealer: CookieSealer,
    private readonly secure: boolean,
    readonly name = DASHBOARD_COOKIE_NAME,
  ) {}

  /** The session, or undefined when absent, expired or forged. */
  read(req: Request): DashboardSession | undefined {
    return this.readEnvelope(req)?.session;
  }

  /** Starts a step with its full lifetime. */
  write(res: Response, session: DashboardSession): void {
    this.writeEnvelope(res, {
      expiresAt: Date.now() + TTL_SECONDS[session.step] * 1000,
      session,
    });
  }

  /** Changes the signed-in session (e.g. a notice) without extending its lifetime. */
  update(req: Request, res: Response, session: SignedIn): void {
    const envelope = this.readEnvelope(req);
    if (envelope?.session.step !== 'signed-in') return;
    this.writeEnvelope(res, { expiresAt: envelope.expiresAt, session });
  }

  clear(res: Response): void {
    res.clearCookie(this.name, this.attributes());
  }

  private readEnvelope(req: Request): Envelope | undefined {
    const sealed = readCookie(req.headers.cookie, this.name);
    const plaintext = sealed && this.sealer.open(this.name, sealed);
    if (!plaintext) return undefined;
    try {
      const envelope = JSON.parse(plaintext) as {
        expiresAt?: unknown;
        session?: unknown;
      };
      if (
        typeof envelope.expiresAt !== 'number' ||
        envelope.expiresAt <= Date.now()
      )
        return undefined;
      const session = sessionSchema.safeParse(envelope.session);
      return session.success
        ? { expiresAt: envelope.expiresAt, session: session.data }
        : undefined;
    } catch {
      return undefined;
    }
  }

  private writeEnvelope(res: Response, envelope: Envelope): void {
    const sealed = this.sealer.seal(this.name, JSON.stringify(envelope));
    if (sealed.length > MAX_COOKIE_VALUE_BYTES)
      throw new SessionTooLargeException();
    res.cookie(this.name, sealed, {
      ...this.attributes(),
      maxAge: Math.max(0, envelope.expiresAt - Date.now()),
    });
  }

  private attributes() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.secure,
      path: '/',
    };
  }
}
