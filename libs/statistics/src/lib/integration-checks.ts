import type { BusinessEvent } from '@federation/queue';
import type { EntityManager } from 'typeorm';

/** Below this, a `state` or a `nonce` is too easy to guess (the core refuses shorter nonces). */
export const MIN_STATE_NONCE_LENGTH = 22;

export type IntegrationCheckKey = 'state_nonce' | 'login_completed' | 'code_exchanged' | 'userinfo_called' | 'logout_id_token_hint';

interface Observation {
  key: IntegrationCheckKey;
  passed: boolean;
  detail: string | null;
}

/** What one event says of the client's integration (nothing for most steps). */
export function observationsOf(event: BusinessEvent): Observation[] {
  const success = event.outcome === 'success';
  switch (event.type) {
    case 'authorize': {
      if (!event.checks) return [];
      const state = event.checks.stateLength ?? 0;
      const nonce = event.checks.nonceLength ?? 0;
      return [
        {
          key: 'state_nonce',
          passed: state >= MIN_STATE_NONCE_LENGTH && nonce >= MIN_STATE_NONCE_LENGTH,
          detail: `state : ${state} caractères, nonce : ${nonce} caractères`,
        },
      ];
    }
    case 'redirected_to_fs':
      return success ? [{ key: 'login_completed', passed: true, detail: null }] : [];
    case 'token':
      return success ? [{ key: 'code_exchanged', passed: true, detail: null }] : [];
    case 'userinfo':
      return success ? [{ key: 'userinfo_called', passed: true, detail: null }] : [];
    case 'logout_requested':
      return event.checks?.idTokenHint === undefined
        ? []
        : [{ key: 'logout_id_token_hint', passed: event.checks.idTokenHint, detail: null }];
    default:
      return [];
  }
}

/**
 * Records what the event shows of the client's integration, inside the transaction that counts it
 * (so a replay records nothing): each check keeps its latest observation (by the time of the event,
 * whatever the order of arrival), each error code its count.
 */
export async function recordIntegration(manager: EntityManager, event: BusinessEvent): Promise<void> {
  if (!event.clientId) return;
  for (const observation of observationsOf(event))
    await manager.query(
      `INSERT INTO "partners"."integration_check" AS c ("client_id", "check_key", "status", "detail", "last_seen_at")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("client_id", "check_key") DO UPDATE SET
         "status" = EXCLUDED."status", "detail" = EXCLUDED."detail", "last_seen_at" = EXCLUDED."last_seen_at"
       WHERE c."last_seen_at" <= EXCLUDED."last_seen_at"`,
      [event.clientId, observation.key, observation.passed ? 'passed' : 'failed', observation.detail, event.at],
    );
  if (event.outcome === 'failure' && event.errorCode)
    await manager.query(
      `INSERT INTO "partners"."integration_error" AS e ("client_id", "event_type", "error_code", "count", "last_seen_at")
       VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT ("client_id", "event_type", "error_code") DO UPDATE SET
         "count" = e."count" + 1, "last_seen_at" = greatest(e."last_seen_at", EXCLUDED."last_seen_at")`,
      [event.clientId, event.type, event.errorCode.slice(0, 64), event.at],
    );
}
