import type { BusinessEvent } from '@federation/queue';
import type { DataSource } from 'typeorm';
import { recordIntegration } from './integration-checks';

/** Days are French days: a login at 00:30 in Paris counts for that day, not the day before in UTC. */
export const STATISTICS_TIME_ZONE = 'Europe/Paris';

/**
 * Counts one business event into the daily figures, once: the event id is recorded in the same
 * transaction as the increment, so a replay (a job retried after a worker died, an event published
 * twice) finds it and counts nothing. Increments commute, so the order of arrival does not matter.
 * Returns false for a replay.
 */
export async function aggregateBusinessEvent(dataSource: DataSource, event: BusinessEvent): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const seen: unknown[] = await manager.query(
      `INSERT INTO "partners"."business_event_seen" ("event_id") VALUES ($1) ON CONFLICT DO NOTHING RETURNING "event_id"`,
      [event.eventId],
    );
    if (seen.length === 0) return false;
    // Events without a client (an unknown client_id at /authorize) say nothing of a service's traffic.
    if (!event.clientId) return true;
    const success = event.outcome === 'success' ? 1 : 0;
    await manager.query(
      `INSERT INTO "partners"."login_statistic_daily" ("day", "client_id", "fi_slug", "acr", "event_type", "successes", "failures")
       VALUES ((($1::timestamptz) AT TIME ZONE '${STATISTICS_TIME_ZONE}')::date, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("day", "client_id", "fi_slug", "acr", "event_type") DO UPDATE SET
         "successes" = "login_statistic_daily"."successes" + EXCLUDED."successes",
         "failures" = "login_statistic_daily"."failures" + EXCLUDED."failures"`,
      [event.at, event.clientId, event.fiSlug ?? '', event.acr ?? '', event.type, success, 1 - success],
    );
    await recordIntegration(manager, event);
    return true;
  });
}

/** How long event ids are remembered: well beyond the queue's own de-duplication window (7 days). */
export const SEEN_EVENTS_RETENTION_DAYS = 35;

export async function forgetOldEvents(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `DELETE FROM "partners"."business_event_seen" WHERE "seen_at" < now() - make_interval(days => $1)`,
    [SEEN_EVENTS_RETENTION_DAYS],
  );
}
