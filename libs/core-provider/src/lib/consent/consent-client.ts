import type { ConsentLoginRecord, IdentityProviderBlockQuery } from '@federation/oidc';

/** The consent service as the core calls it (its /internal API, authenticated by a shared token). */
export interface ConsentServiceLink {
  internalUrl: string;
  internalToken: string;
  /** entity_id of the citizen dashboard's client: the citizen key is the `sub` of that sector. */
  dashboardEntityId: string;
  /** Public URL of the dashboard, quoted on the citizen's pages. */
  dashboardUrl: string;
}

export class ConsentServiceError extends Error {}

/** Calls of the core to the consent service, each with a short timeout. */
export class ConsentClient {
  constructor(
    private readonly link: ConsentServiceLink,
    private readonly timeoutMs = 3_000,
  ) {}

  get dashboardUrl(): string {
    return this.link.dashboardUrl;
  }

  get dashboardEntityId(): string {
    return this.link.dashboardEntityId;
  }

  /** Records the connection and the consents to data provider scopes; throws when it could not. */
  async recordLogin(login: ConsentLoginRecord): Promise<void> {
    await this.post('/internal/logins', login, 201);
  }

  /** Whether the citizen blocked this identity provider; throws when the consent service cannot say. */
  async isBlocked(citizenKey: string, identityProviderSlug: string): Promise<boolean> {
    const query: IdentityProviderBlockQuery = { citizenKey, identityProviderSlug };
    const answer = (await this.post('/internal/identity-provider-blocks/check', query, 200)) as {
      blocked?: unknown;
    };
    if (typeof answer.blocked !== 'boolean') throw new ConsentServiceError('malformed answer');
    return answer.blocked;
  }

  private async post(path: string, body: unknown, expected: number): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.link.internalUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.link.internalToken}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ConsentServiceError(`consent service unreachable: ${(error as Error).message}`);
    }
    if (response.status !== expected) throw new ConsentServiceError(`consent service answered ${response.status}`);
    return response.json();
  }
}
