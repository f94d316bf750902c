import { createHmac } from 'node:crypto';
import { PIVOT_CLAIMS, type PivotIdentity } from '@federation/identity';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { ConsentCache, type CachedConsent } from '../records/consent-cache';
import type { RegisteredDataProvider } from '../registry/data-provider-registry';
import type { AccessRecorder } from './access-recorder';
import type { AnswerSigner } from './answer-signer';
import type { CoreTokenStore } from './core-token-store';

export interface CheckTokenOptions {
  /** `iss` of the answers: the consent service's public URL. */
  issuer: string;
  /** Secret of the data-provider-specific `sub`s. */
  subjectSecret: string;
}

/** Why a token is inactive (logged and counted, never told to the data provider). */
export type InactiveReason = 'unknown_or_expired' | 'no_scope_of_provider' | 'no_consent' | 'no_identity';

export interface CheckResult {
  active: boolean;
  reason?: InactiveReason;
  /** The answer: a signed JWT, encrypted for providers that registered a key. */
  body: string;
}

/**
 * checktoken: tells a data provider whether an access token of the core is active for it, with
 * only its own scopes, a `sub` specific to it and the pivot identity, and records the access.
 */
export class CheckTokenService {
  constructor(
    private readonly options: CheckTokenOptions,
    private readonly redis: Redis,
    private readonly tokens: CoreTokenStore,
    private readonly consents: ConsentCache,
    private readonly dataSource: DataSource,
    private readonly recorder: AccessRecorder,
    private readonly signer: AnswerSigner,
  ) {}

  async check(provider: RegisteredDataProvider, token: string): Promise<CheckResult> {
    const inactive = async (reason: InactiveReason): Promise<CheckResult> => ({
      active: false,
      reason,
      body: await this.signer.answer(provider.row, this.envelope(provider, { active: false })),
    });
    const accessToken = await this.tokens.accessToken(token);
    if (!accessToken) return inactive('unknown_or_expired');
    const requested = accessToken.scope.split(' ').filter((scope) => provider.scopes.has(scope));
    // A data provider asking about a token with none of its scopes learns nothing about it.
    if (requested.length === 0) return inactive('no_scope_of_provider');

    const [consentRaw, identityRaw] = (await this.redis
      .pipeline()
      .get(this.consents.key(accessToken.grantId, provider.row.id))
      .get(this.tokens.accountKey(accessToken.accountId))
      .exec()) as [Error | null, string | null][];
    if (consentRaw[0] || identityRaw[0]) throw consentRaw[0] ?? identityRaw[0];
    const cached = ConsentCache.parse(consentRaw[1]);
    const consent =
      cached === 'revoked'
        ? undefined
        : (cached ?? (await this.consentFromDatabase(accessToken.grantId, provider.row.id)));
    if (!consent || consent.clientId !== accessToken.clientId || consent.expiresAt <= Math.floor(Date.now() / 1000)) return inactive('no_consent');
    const scopes = requested.filter((scope) => consent.scopes.includes(scope));
    if (scopes.length === 0) return inactive('no_consent');
    const identity = this.tokens.parseIdentity(identityRaw[1]);
    if (!identity) return inactive('no_identity');

    await this.recorder.record({
      consentId: consent.consentId,
      citizenKey: consent.citizenKey,
      dataProviderId: provider.row.id,
      clientId: accessToken.clientId,
      scopes,
    });
    return {
      active: true,
      body: await this.signer.answer(
        provider.row,
        this.envelope(provider, {
          active: true,
          scope: scopes.join(' '),
          client_id: accessToken.clientId,
          client_name: consent.clientName,
          acr: consent.acr,
          iat: accessToken.iat,
          exp: accessToken.exp,
          sub: this.subjectFor(provider, consent.citizenKey),
          identity: pivotIdentity(identity),
        }),
      ),
    };
  }

  /** The citizen's `sub` at this data provider: stable, and unlinkable across data providers. */
  subjectFor(provider: RegisteredDataProvider, citizenKey: string): string {
    return createHmac('sha256', this.options.subjectSecret)
      .update(`${provider.row.id}:${citizenKey}`)
      .digest('hex');
  }

  private envelope(provider: RegisteredDataProvider, introspection: Record<string, unknown>) {
    return {
      iss: this.options.issuer,
      aud: provider.row.clientId,
      iat: Math.floor(Date.now() / 1000),
      token_introspection: introspection,
    };
  }

  /** The cache lost the consent (Redis restarted): the database is the truth; revoked ones stay out. */
  private async consentFromDatabase(grantId: string, dataProviderId: string): Promise<CachedConsent | undefined> {
    const rows: { id: string; citizen_key: string; client_id: string; scopes: string[]; client_name: string; acr: string; expires_at: Date }[] =
      await this.dataSource.query(
        `SELECT id, citizen_key, client_id, scopes, client_name, acr, expires_at FROM consent.consent
         WHERE grant_id = $1 AND data_provider_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
        [grantId, dataProviderId],
      );
    const row = rows[0];
    if (!row) return undefined;
    const consent: CachedConsent = {
      consentId: row.id,
      citizenKey: row.citizen_key,
      clientId: row.client_id,
      scopes: row.scopes,
      clientName: row.client_name,
      acr: row.acr,
      expiresAt: Math.floor(row.expires_at.getTime() / 1000),
    };
    await this.consents.refill(grantId, dataProviderId, consent);
    return consent;
  }
}

function pivotIdentity(identity: PivotIdentity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const claim of PIVOT_CLAIMS) {
    const value = (identity as unknown as Record<string, unknown>)[claim];
    out[claim] = claim === 'birthplace' ? (value ?? '') : value;
  }
  return out;
}
