import { createDataSource, migrateSchemas } from '@federation/database';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import type { BusinessEvent } from '@federation/queue';
import { createTestDatabase, type TestDatabase } from '@federation/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { aggregateBusinessEvent, forgetOldEvents } from './aggregate-business-events';

const event = (overrides: Partial<BusinessEvent>): BusinessEvent => ({
  eventId: randomUUID(),
  type: 'redirected_to_fs',
  outcome: 'success',
  clientId: 'client-a',
  fiSlug: 'impots',
  acr: 'eidas1',
  at: '2026-11-20T10:00:00.000Z',
  ...overrides,
});

describe('daily statistics from the core business events', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('statistics');
    await migrateSchemas(database.url, [PARTNERS_SCHEMA]);
    dataSource = await createDataSource({ url: database.url, schema: PARTNERS_SCHEMA, poolSize: 4 }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  beforeEach(() => dataSource.query('TRUNCATE "partners"."login_statistic_daily", "partners"."business_event_seen"'));

  const figures = (): Promise<Record<string, unknown>[]> =>
    dataSource.query(
      `SELECT to_char("day", 'YYYY-MM-DD') AS day, client_id AS "clientId", fi_slug AS "fiSlug", acr, event_type AS type, successes, failures
         FROM "partners"."login_statistic_daily" ORDER BY 1, 2, 3, 4, 5`,
    );

  it('counts successes and failures per day, client, identity provider, eIDAS level and step', async () => {
    const events = [
      event({}),
      event({}),
      event({ outcome: 'failure', errorCode: 'Y000005' }),
      event({ fiSlug: 'ameli', acr: 'eidas2' }),
      event({ clientId: 'client-b' }),
      event({ type: 'token' }),
      event({ at: '2026-11-21T09:00:00.000Z' }),
    ];
    for (const item of events) expect(await aggregateBusinessEvent(dataSource, item)).toBe(true);

    expect(await figures()).toEqual([
      { day: '2026-11-20', clientId: 'client-a', fiSlug: 'ameli', acr: 'eidas2', type: 'redirected_to_fs', successes: 1, failures: 0 },
      { day: '2026-11-20', clientId: 'client-a', fiSlug: 'impots', acr: 'eidas1', type: 'redirected_to_fs', successes: 2, failures: 1 },
      { day: '2026-11-20', clientId: 'client-a', fiSlug: 'impots', acr: 'eidas1', type: 'token', successes: 1, failures: 0 },
      { day: '2026-11-20', clientId: 'client-b', fiSlug: 'impots', acr: 'eidas1', type: 'redirected_to_fs', successes: 1, failures: 0 },
      { day: '2026-11-21', clientId: 'client-a', fiSlug: 'impots', acr: 'eidas1', type: 'redirected_to_fs', successes: 1, failures: 0 },
    ]);
  });

  it('never counts a replayed event twice, even when replays run concurrently', async () => {
    const once = event({});
    expect(await aggregateBusinessEvent(dataSource, once)).toBe(true);
    const replays = await Promise.all([1, 2, 3, 4].map(() => aggregateBusinessEvent(dataSource, { ...once })));

    expect(replays).toEqual([false, false, false, false]);
    expect(await figures()).toEqual([expect.objectContaining({ successes: 1, failures: 0 })]);
  });

  it('gives the same figures whatever the order of arrival', async () => {
    const events = [
      event({ at: '2026-11-21T08:00:00.000Z' }),
      event({ at: '2026-11-19T08:00:00.000Z', outcome: 'failure' }),
      event({ at: '2026-11-20T08:00:00.000Z' }),
      event({ at: '2026-11-19T09:00:00.000Z' }),
    ];
    for (const item of [...events].reverse()) await aggregateBusinessEvent(dataSource, item);
    const reversed = await figures();
    await dataSource.query('TRUNCATE "partners"."login_statistic_daily", "partners"."business_event_seen"');
    await Promise.all(events.map((item) => aggregateBusinessEvent(dataSource, { ...item, eventId: randomUUID() })));

    expect(await figures()).toEqual(reversed);
    expect(reversed.map((row) => [row['day'], row['successes'], row['failures']])).toEqual([
      ['2026-11-19', 1, 1],
      ['2026-11-20', 1, 0],
      ['2026-11-21', 1, 0],
    ]);
  });

  it('counts days in Paris time: 23:30 UTC on 20 November is already the 21st in France', async () => {
    await aggregateBusinessEvent(dataSource, event({ at: '2026-11-20T23:30:00.000Z' }));
    await aggregateBusinessEvent(dataSource, event({ at: '2026-07-14T21:59:00.000Z' }));

    expect((await figures()).map((row) => row['day'])).toEqual(['2026-07-14', '2026-11-21']);
  });

  it('records but does not count the events of no client (an unknown client_id)', async () => {
    const orphan = event({ type: 'authorize', clientId: undefined, outcome: 'failure' });
    expect(await aggregateBusinessEvent(dataSource, orphan)).toBe(true);
    expect(await aggregateBusinessEvent(dataSource, orphan)).toBe(false);
    expect(await figures()).toEqual([]);
  });

  it('forgets the ids of events older than the retention, keeps the recent ones', async () => {
    const recent = event({});
    const old = event({});
    await aggregateBusinessEvent(dataSource, recent);
    await aggregateBusinessEvent(dataSource, old);
    await dataSource.query(`UPDATE "partners"."business_event_seen" SET seen_at = now() - interval '40 days' WHERE event_id = $1`, [old.eventId]);

    await forgetOldEvents(dataSource);

    expect((await dataSource.query('SELECT event_id FROM "partners"."business_event_seen"')).map((row: { event_id: string }) => row.event_id)).toEqual([recent.eventId]);
  });
});
