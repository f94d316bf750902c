import { createDataSource, migrateSchemas } from '@federation/database';
import { PARTNERS_SCHEMA } from '@federation/partners-data';
import type { BusinessEvent } from '@federation/queue';
import { createTestDatabase, type TestDatabase } from '@federation/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { aggregateBusinessEvent } from './aggregate-business-events';

let clock = Date.parse('2026-11-20T10:00:00.000Z');
const event = (overrides: Partial<BusinessEvent>): BusinessEvent => ({
  eventId: randomUUID(),
  type: 'authorize',
  outcome: 'success',
  clientId: 'sandbox-client',
  at: new Date((clock += 1_000)).toISOString(),
  ...overrides,
});

describe('the integration checklist computed from a client’s traffic', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase('integration-checks');
    await migrateSchemas(database.url, [PARTNERS_SCHEMA]);
    dataSource = await createDataSource({ url: database.url, schema: PARTNERS_SCHEMA, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const checklist = async () =>
    Object.fromEntries(
      (await dataSource.query(`SELECT check_key, status FROM "partners"."integration_check" WHERE client_id = 'sandbox-client'`)).map(
        (row: { check_key: string; status: string }) => [row.check_key, row.status],
      ),
    );
  const errors = () =>
    dataSource.query(`SELECT event_type, error_code, count FROM "partners"."integration_error" WHERE client_id = 'sandbox-client' ORDER BY 1, 2`);

  it('turns green step by step as the relying party performs each step', async () => {
    // A first try with a short state: flagged
    await aggregateBusinessEvent(dataSource, event({ checks: { stateLength: 8, nonceLength: 32, pkce: true } }));
    expect(await checklist()).toEqual({ state_nonce: 'failed' });

    await aggregateBusinessEvent(dataSource, event({ checks: { stateLength: 43, nonceLength: 43, pkce: true } }));
    expect(await checklist()).toEqual({ state_nonce: 'passed' });

    await aggregateBusinessEvent(dataSource, event({ type: 'redirected_to_fs', fiSlug: 'impots', acr: 'eidas1' }));
    await aggregateBusinessEvent(dataSource, event({ type: 'token' }));
    expect(await checklist()).toEqual({ state_nonce: 'passed', login_completed: 'passed', code_exchanged: 'passed' });

    await aggregateBusinessEvent(dataSource, event({ type: 'userinfo' }));
    await aggregateBusinessEvent(dataSource, event({ type: 'logout_requested', checks: { idTokenHint: false } }));
    expect(await checklist()).toMatchObject({ userinfo_called: 'passed', logout_id_token_hint: 'failed' });

    await aggregateBusinessEvent(dataSource, event({ type: 'logout_requested', checks: { idTokenHint: true } }));
    expect(await checklist()).toEqual({
      state_nonce: 'passed',
      login_completed: 'passed',
      code_exchanged: 'passed',
      userinfo_called: 'passed',
      logout_id_token_hint: 'passed',
    });
  });

  it('keeps the latest observation by the time of the event, whatever the order of arrival', async () => {
    const later = event({ checks: { stateLength: 43, nonceLength: 43 } });
    const earlier = { ...event({ checks: { stateLength: 4, nonceLength: 4 } }), at: '2026-01-01T00:00:00.000Z' };
    await aggregateBusinessEvent(dataSource, later);
    await aggregateBusinessEvent(dataSource, earlier);
    expect((await checklist())['state_nonce']).toBe('passed');
  });

  it('counts each error the client ran into, once per event', async () => {
    const failure = event({ type: 'token', outcome: 'failure', errorCode: 'invalid_grant' });
    await aggregateBusinessEvent(dataSource, failure);
    await aggregateBusinessEvent(dataSource, failure);
    await aggregateBusinessEvent(dataSource, event({ type: 'token', outcome: 'failure', errorCode: 'invalid_grant' }));
    await aggregateBusinessEvent(dataSource, event({ outcome: 'failure', errorCode: 'invalid_request', checks: { stateLength: 0, nonceLength: 0 } }));

    expect(await errors()).toEqual([
      { event_type: 'authorize', error_code: 'invalid_request', count: 1 },
      { event_type: 'token', error_code: 'invalid_grant', count: 2 },
    ]);
  });
});
