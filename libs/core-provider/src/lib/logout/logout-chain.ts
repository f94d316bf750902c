import type { FiLogoutRequest, OneTimeStore } from '@federation/oidc';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { renderAutoSubmitPage } from '../pages/core-pages';

/** Our cookie holding the reference of the citizen's FI session (kept by the gateway). */
export const FI_SESSION_COOKIE = 'fc_fi_session';

export interface PendingLogout {
  action: string;
  xsrf: string;
}

/**
 * FS end_session → core → FI logout (through the gateway) → core ends its session → FS
 * post_logout_redirect_uri. oidc-provider's confirmation form is kept aside while the citizen
 * is at the FI, then submitted on return.
 */
export class LogoutChain {
  constructor(
    private readonly pending: OneTimeStore<PendingLogout>,
    private readonly fiLogoutRequests: OneTimeStore<FiLogoutRequest>,
    private readonly publicUrl: string,
    private readonly gatewayPublicUrl: string,
  ) {}

  async start(ctx: KoaContextWithOIDC, form: string): Promise<void> {
    const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const fiSessionRef = ctx.cookies.get(FI_SESSION_COOKIE);
    if (!fiSessionRef) {
      ctx.type = 'html';
      ctx.body = this.confirmationPage({ action, xsrf });
      return;
    }
    const pendingRef = await this.pending.put({ action, xsrf });
    const requestRef = await this.fiLogoutRequests.put({
      fiSessionRef,
      returnTo: `${this.publicUrl}/logout/resume/${pendingRef}`,
    });
    ctx.cookies.set(FI_SESSION_COOKIE, null, { path: '/' });
    ctx.status = 303;
    ctx.redirect(`${this.gatewayPublicUrl}/logout?request=${requestRef}`);
  }

  /** Back from the FI: the page that finishes the core's logout (auto-submitted). */
  async resume(pendingRef: string): Promise<string | undefined> {
    const pending = await this.pending.take(pendingRef);
    return pending ? this.confirmationPage(pending) : undefined;
  }

  private confirmationPage({ action, xsrf }: PendingLogout): string {
    return renderAutoSubmitPage(
      'Déconnexion en cours',
      action,
      { xsrf, logout: 'yes' },
      'Terminer la déconnexion',
    );
  }
}
