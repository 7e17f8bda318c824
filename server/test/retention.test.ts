import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { runRetentionOnce } from '../src/retention/plugin.js';
import { cutoffs, policyFromConfig, usageIdBelow } from '../src/retention/retention.js';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import type { Transport } from '../src/webhooks/transport.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';
import { connectThroughSandbox } from './helpers/contract.js';
import { createDevSession } from './helpers/webhooks.js';

const DAY = 24 * 60 * 60_000;

describe('retention policy', () => {
  it('defaults to 90 days of usage and 30 of webhooks, configurable by environment', () => {
    expect(policyFromConfig(loadConfig({}))).toMatchObject({
      usageRetentionDays: 90,
      webhookRetentionDays: 30,
    });
    const c = loadConfig({ OPENDINAR_USAGE_RETENTION_DAYS: '7', OPENDINAR_WEBHOOK_RETENTION_DAYS: '3' });
    expect(policyFromConfig(c)).toMatchObject({ usageRetentionDays: 7, webhookRetentionDays: 3 });
    expect(() => loadConfig({ OPENDINAR_USAGE_RETENTION_DAYS: '0' })).toThrow(
      /OPENDINAR_USAGE_RETENTION_DAYS/,
    );
    const cut = cutoffs(policyFromConfig(c), new Date('2026-04-10T00:00:00.000Z'));
    expect(cut).toEqual({
      usage: '2026-04-03T00:00:00.000Z',
      webhooks: '2026-04-07T00:00:00.000Z',
      requestLog: '2026-04-03T00:00:00.000Z',
      expired: '2026-04-09T00:00:00.000Z',
      throttleNextAttemptBefore: Date.parse('2026-04-08T00:00:00.000Z'), // a day's quiet + a day's grace
      knownLoginBefore: '2026-01-10T00:00:00.000Z', // 90 days (OPENDINAR_KNOWN_LOGIN_DAYS)
      rateLimitWindowEndBefore: Date.parse('2026-04-09T23:59:00.000Z'),
    });
  });

  it('usage ids below the cut-off prefix are exactly those recorded before it', () => {
    const cut = '2026-04-03T00:00:00.000Z';
    const idAt = (iso: string) =>
      `use_${new Date(iso).getTime().toString(36).padStart(9, '0')}000001abcdefgh`;
    expect(idAt('2026-04-02T23:59:59.999Z') < usageIdBelow(cut)).toBe(true);
    expect(idAt(cut) < usageIdBelow(cut)).toBe(false);
    expect(idAt('2026-05-01T00:00:00.000Z') < usageIdBelow(cut)).toBe(false);
  });
});

describe('retention job (through the API)', () => {
  let t: TestApp;
  let dev: Registered;
  let hookA: string;
  let oldSessionToken: string;
  let oldExchangedSession: string;
  let oldPendingDelivery: string;
  let oldSucceededDelivery: string;
  let resentDelivery: string;
  let resentEvent: string;
  let recentFailedDelivery: string;
  let oldUsageRows: number;
  let recentSessionToken: string;
  let recentHeaders: { authorization: string };

  const count = async (
    table: 'usage_events' | 'webhook_deliveries' | 'webhook_events' | 'webhook_attempts',
  ) =>
    // Usage: the requests counted (a failed request alone keeps a usage row of its own).
    table === 'usage_events'
      ? Number(
          (
            await t.deps.db
              .selectFrom('usage_minutes')
              .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('requests'), eb.lit(0)).as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : Number(
          (
            await t.deps.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );

  const testEvent = async (headers: { authorization: string }, hook: string) => {
    const res = await t.app.inject({ method: 'POST', url: `/developers/webhooks/${hook}/test`, headers });
    expect(res.statusCode, res.body).toBe(202);
    return res.json() as { delivery_id: string; event_id: string };
  };

  const deliveries = async (headers: { authorization: string }, hook: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${hook}/deliveries`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().deliveries as { id: string; status: string }[]).map((d) => [d.id, d.status]);
  };

  const connectStatus = (token: string) =>
    t.app.inject({ method: 'GET', url: `/connect/status/${token}`, headers: auth(dev.key) });

  beforeAll(async () => {
    // Rate-limit counters in the database (as several processes on one file, or PostgreSQL, count them),
    // so that the job's cleanup of finished windows has rows to delete on SQLite too.
    t = await createTestApp({ env: { OPENDINAR_RATE_LIMIT_STORE: 'database' } });
    // --- Day 0: everything that will be old.
    dev = await registerDeveloper(t.app); // its dev session expires after 24 h
    const login = await t.app.inject({
      method: 'POST',
      url: '/developers/login',
      payload: { email: dev.email, password: dev.password },
    });
    expect(login.statusCode, login.body).toBe(200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/developers/logout',
      headers: devAuth(login.json().session_token),
    });
    expect(logout.statusCode, logout.body).toBeLessThan(300); // revoked session
    const failed = await t.app.inject({
      method: 'POST',
      url: '/developers/login',
      payload: { email: dev.email, password: 'wrong password!' },
    });
    expect(failed.statusCode).toBe(401); // login_throttle rows for the e-mail and the IP

    // Exchanged before any webhook exists: its AUTH event has no delivery.
    oldExchangedSession = (await connectThroughSandbox(t, { key: dev.key })).sessionToken;
    const started = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(dev.key),
      payload: { bank_id: 'raiffeisen', user_id: 'u1', redirect_url: 'https://app.example.com/done' },
    });
    expect(started.statusCode).toBe(201);
    oldSessionToken = started.json().session_token; // never completed: expires in 10 minutes
    const link = await t.app.inject({
      method: 'POST',
      url: '/link/token',
      headers: auth(dev.key),
      payload: { user_id: 'u1' },
    });
    expect(link.statusCode).toBe(201);

    const headers = devAuth(dev.token);
    const create = async (url: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/developers/webhooks',
        headers,
        payload: { url },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    hookA = await create('https://hooks.example.com/a');
    const hookB = await create('https://hooks.example.com/b');
    const first = await testEvent(headers, hookA);
    oldSucceededDelivery = first.delivery_id;
    const pending = await testEvent(headers, hookA);
    oldPendingDelivery = pending.delivery_id;
    // The first succeeds; the second gets a 500 and stays pending (with one attempt) from then on.
    const transport: Transport = {
      post: async (_url, body) =>
        body.toString().includes(pending.event_id)
          ? { statusCode: 500, error: 'HTTP 500', durationMs: 1 }
          : { statusCode: 200, error: null, durationMs: 1 },
      close: () => {},
    };
    expect(await runDispatcherOnce(t.deps, { transport })).toMatchObject({ succeeded: 1, retrying: 1 });
    await testEvent(headers, hookB);
    const delB = await t.app.inject({ method: 'DELETE', url: `/developers/webhooks/${hookB}`, headers });
    expect(delB.statusCode).toBeLessThan(300); // its pending delivery becomes failed, never attempted
    await t.app.usage.flush();
    oldUsageRows = await count('usage_events');
    expect(oldUsageRows).toBe(4); // POST /connect ×2, POST /connect/exchange, POST /link/token

    // --- Day 31: recent rows. (No dispatcher runs from here on, as if it had been off.)
    t.clock.advance(31 * DAY);
    recentHeaders = (await createDevSession(t.deps.db, t.clock, { developerId: dev.id })).headers;
    const recent = await t.app.inject({
      method: 'POST',
      url: '/connect',
      headers: auth(dev.key),
      payload: { bank_id: 'raiffeisen', user_id: 'u2', redirect_url: 'https://app.example.com/done' },
    });
    recentSessionToken = recent.json().session_token;
    // A resend of the old succeeded delivery: a new pending delivery of the OLD event.
    const resend = await t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${hookA}/deliveries/${oldSucceededDelivery}/retry`,
      headers: recentHeaders,
    });
    expect(resend.statusCode, resend.body).toBe(202);
    resentDelivery = resend.json().delivery_id;
    resentEvent = resend.json().event_id;
    expect(resentEvent).toBe(first.event_id);
    // A recent final delivery: cancelled by deleting its webhook.
    const hookC = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: recentHeaders,
      payload: { url: 'https://hooks.example.com/c' },
    });
    recentFailedDelivery = (await testEvent(recentHeaders, hookC.json().id)).delivery_id;
    const delC = await t.app.inject({
      method: 'DELETE',
      url: `/developers/webhooks/${hookC.json().id}`,
      headers: recentHeaders,
    });
    expect(delC.statusCode).toBeLessThan(300);
    await t.app.usage.flush();
  });
  afterAll(async () => t?.close());

  const deliveryRows = async () =>
    (await t.deps.db.selectFrom('webhook_deliveries').select(['id', 'status']).orderBy('id').execute()).map(
      (d) => [d.id, d.status],
    );

  it('deletes exactly the old finished rows, keeps pending deliveries and what is still answered', async () => {
    const before = await deliveryRows();
    expect(before).toContainEqual([oldPendingDelivery, 'pending']);
    expect(before).toContainEqual([oldSucceededDelivery, 'succeeded']);
    expect(before).toContainEqual([recentFailedDelivery, 'failed']);
    expect(before).toHaveLength(5);

    // Batches of one row: every table needs several DELETE statements, as with a large backlog.
    const logCutoff = new Date(t.clock.now().getTime() - 7 * 86_400_000).toISOString();
    const oldLogRows = (
      await t.deps.db.selectFrom('request_log').select('id').where('at', '<', logCutoff).execute()
    ).length;
    expect(oldLogRows).toBeGreaterThan(0);
    const endedWindows = (
      await t.deps.db
        .selectFrom('rate_limit_windows')
        .select('bucket')
        .where('window_end', '<', t.clock.now().getTime() - 60_000)
        .execute()
    ).length;
    expect(endedWindows).toBeGreaterThan(0);
    const counts = await runRetentionOnce(t.deps, { batchSize: 1 });
    expect(
      await t.deps.db.selectFrom('request_log').select('id').where('at', '<', logCutoff).execute(),
    ).toEqual([]);
    expect(counts).toEqual({
      usage_events: 0, // 31 days < 90
      request_log: oldLogRows, // older than 7 days
      webhook_attempts: 1, // the old succeeded delivery's attempt
      webhook_deliveries: 2, // old succeeded + old failed (cancelled by deleting webhook B)
      webhook_events: 2, // webhook B's test event + the AUTH event that had no delivery
      connect_sessions: 1, // the abandoned one; the exchanged one stays
      link_tokens: 1,
      dev_sessions: 2, // the expired registration session + the revoked one
      login_throttle: 2, // e-mail and IP buckets
      known_logins: 0, // the day-0 sign-in is remembered for 90 days
      rate_limit_windows: endedWindows, // counters of windows that are over
    });

    expect(await deliveryRows()).toEqual(
      [
        [oldPendingDelivery, 'pending'],
        [resentDelivery, 'pending'],
        [recentFailedDelivery, 'failed'],
      ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
    );
    expect(await count('webhook_attempts')).toBe(1); // the pending delivery's failed try stays
    // The old event a recent resend points at stays.
    const events = (await t.deps.db.selectFrom('webhook_events').select('id').execute()).map((e) => e.id);
    expect(events).toContain(resentEvent);
    expect(events).toHaveLength(3);
    expect(await count('usage_events')).toBeGreaterThan(oldUsageRows);

    // Everything still answers.
    expect(await deliveries(recentHeaders, hookA)).toEqual([
      [resentDelivery, 'pending'],
      [oldPendingDelivery, 'pending'],
    ]);
    expect((await connectStatus(recentSessionToken)).json()).toEqual({ status: 'pending' });
    expect((await connectStatus(oldExchangedSession)).json()).toEqual({ status: 'exchanged' });
    expect((await connectStatus(oldSessionToken)).json().error_code).toBe('SESSION_NOT_FOUND');
    const old = await t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(dev.token) });
    expect(old.json().error_code).toBe('INVALID_DEV_TOKEN');
    await t.app.usage.flush();
    const usage = await t.app.inject({ method: 'GET', url: '/developers/usage', headers: recentHeaders });
    expect(usage.statusCode).toBe(200);
    expect(usage.json().total_requests).toBe(await count('usage_events'));
  });

  it('a second run deletes nothing', async () => {
    const counts = await runRetentionOnce(t.deps);
    expect(Object.values(counts)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('usage past 90 days goes; the usage endpoint answers for the retained window', async () => {
    t.clock.advance(60 * DAY); // day 91: day-0 usage is past 90 days, day-31 rows are not
    await t.app.usage.flush();
    const total = await count('usage_events');
    const counts = await runRetentionOnce(t.deps);
    expect(counts).toMatchObject({
      usage_events: 0, // the day-0 requests succeeded: no usage row of their own (their roll-up goes)
      webhook_attempts: 0,
      webhook_deliveries: 1, // the day-31 failed one, now 60 days old
      webhook_events: 1,
      connect_sessions: 1, // the day-31 abandoned one
      dev_sessions: 1, // the day-31 session, expired since day 32
      known_logins: 1, // the day-0 sign-in's address, past 90 days
    });
    expect(await count('usage_events')).toBe(total - oldUsageRows);
    // Pending deliveries are never deleted, however old; nor their events and attempts.
    expect(await deliveryRows()).toEqual(
      [
        [oldPendingDelivery, 'pending'],
        [resentDelivery, 'pending'],
      ].sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1)),
    );
    expect(await count('webhook_events')).toBe(2);
    expect(await count('webhook_attempts')).toBe(1);

    const headers = (await createDevSession(t.deps.db, t.clock, { developerId: dev.id })).headers;
    for (const query of ['', '?from=2026-01-01']) {
      const usage = await t.app.inject({ method: 'GET', url: `/developers/usage${query}`, headers });
      expect(usage.statusCode).toBe(200);
      expect(usage.json().total_requests).toBe(total - oldUsageRows);
    }
    expect(await deliveries(headers, hookA)).toEqual([
      [resentDelivery, 'pending'],
      [oldPendingDelivery, 'pending'],
    ]);
    expect((await connectStatus(oldExchangedSession)).json()).toEqual({ status: 'exchanged' });
    await t.app.usage.flush();
    expect(Object.values(await runRetentionOnce(t.deps))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('/docs has the Data retention section and the usage range mentions it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('id="retention"');
    expect(res.body).toMatch(/usage records after 90 days[\s\S]*pending is never deleted/);
    expect(res.body).toContain('Usage is kept for 90 days by default');
  });
});
