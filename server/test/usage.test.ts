import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { instantsOfUsageRows } from '../src/db/migrations/0020_usage_instants.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';

let t: TestApp;
let ana: Registered;
let anaLive: { id: string; key: string };
let bob: Registered;

beforeAll(async () => {
  t = await createTestApp();
  ana = await registerDeveloper(t.app);
  bob = await registerDeveloper(t.app);
  const live = await t.app.inject({
    method: 'POST',
    url: '/developers/keys',
    headers: devAuth(ana.token),
    payload: { app_name: 'Live', environment: 'live' },
  });
  anaLive = { id: live.json().id, key: live.json().key };
});
afterAll(async () => t.close());

const get = (url: string, key: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { ...auth(key), ...headers } });

async function usage(token: string, query = '') {
  await t.app.usage.flush();
  const res = await t.app.inject({
    method: 'GET',
    url: `/developers/usage${query}`,
    headers: devAuth(token),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /developers/usage', () => {
  it('starts empty', async () => {
    expect(await usage(ana.token)).toEqual({
      total_requests: 0,
      error_rate: 0,
      billable_requests: 0,
      by_endpoint: [],
      recent_errors: [],
      time_series: [],
    });
  });

  it('counts every request made with a key, by route pattern, with errors and billable live successes', async () => {
    // Sandbox key: 3 successes, one failure with a client-sent request id.
    for (let i = 0; i < 3; i++) expect((await get('/accounts', ana.key)).statusCode).toBe(200);
    const missing = await get('/accounts/acc_nope/transactions', ana.key, {
      'x-request-id': 'req-missing-account',
    });
    expect(missing.json().error_code).toBe('ACCOUNT_NOT_FOUND');
    // Live key: 2 successes (billable), 1 failure (not billable), 1 unknown route.
    t.clock.advance(60_000);
    expect((await get('/accounts', anaLive.key)).statusCode).toBe(200);
    expect((await get('/accounts?bank_id=erste', anaLive.key)).statusCode).toBe(200);
    const badBalance = await get('/accounts/acc_rai_001/balance', anaLive.key);
    expect(badBalance.json().error_code).toBe('ACCOUNT_NOT_FOUND');
    const nowhere = await get('/nowhere/123', anaLive.key);
    expect(nowhere.json().error_code).toBe('ROUTE_NOT_FOUND');
    // Neither the seeded Mani key's traffic nor an unknown key counts for Ana.
    await get('/accounts', MANI_KEY);
    await get('/accounts', 'od_test_sk_unknownUnknownUnknown1');

    const u = await usage(ana.token);
    expect(u.total_requests).toBe(8);
    expect(u.error_rate).toBe(0.375);
    expect(u.billable_requests).toBe(2);
    expect(u.by_endpoint).toEqual(
      [
        { endpoint: 'GET /accounts', requests: 5, errors: 0 },
        { endpoint: 'GET (unmatched route)', requests: 1, errors: 1 },
        { endpoint: 'GET /accounts/:id/balance', requests: 1, errors: 1 },
        { endpoint: 'GET /accounts/:id/transactions', requests: 1, errors: 1 },
      ].sort((a, b) => b.requests - a.requests || (a.endpoint < b.endpoint ? -1 : 1)),
    );
    // Newest first, each with the request id the client saw.
    expect(u.recent_errors).toEqual([
      {
        request_id: nowhere.headers['x-request-id'],
        endpoint: 'GET (unmatched route)',
        error_code: 'ROUTE_NOT_FOUND',
        status: 404,
        at: '2026-04-04T10:31:00.000Z',
      },
      {
        request_id: badBalance.headers['x-request-id'],
        endpoint: 'GET /accounts/:id/balance',
        error_code: 'ACCOUNT_NOT_FOUND',
        status: 404,
        at: '2026-04-04T10:31:00.000Z',
      },
      {
        request_id: 'req-missing-account',
        endpoint: 'GET /accounts/:id/transactions',
        error_code: 'ACCOUNT_NOT_FOUND',
        status: 404,
        at: '2026-04-04T10:30:00.000Z',
      },
    ]);
    expect(u.time_series).toEqual([{ bucket: '2026-04-04', requests: 8, errors: 3 }]);
  });

  it('updates last_used_at of the keys that were used', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: devAuth(ana.token) });
    const keys = res.json().keys as Array<{ id: string; last_used_at: string | null }>;
    expect(keys.find((k) => k.id === ana.keyId)?.last_used_at).toBe('2026-04-04T10:30:00.000Z');
    expect(keys.find((k) => k.id === anaLive.id)?.last_used_at).toBe('2026-04-04T10:31:00.000Z');
  });

  it('filters by key', async () => {
    const live = await usage(ana.token, `?key_id=${anaLive.id}`);
    expect(live.total_requests).toBe(4);
    expect(live.billable_requests).toBe(2);
    const sandbox = await usage(ana.token, `?key_id=${ana.keyId}`);
    expect(sandbox.total_requests).toBe(4);
    expect(sandbox.billable_requests).toBe(0);
    const other = await t.app.inject({
      method: 'GET',
      url: `/developers/usage?key_id=${bob.keyId}`,
      headers: devAuth(ana.token),
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error_code).toBe('KEY_NOT_FOUND');
  });

  it('filters by dates and instants, and buckets by hour or day', async () => {
    t.clock.set('2026-04-05T08:15:00.000Z');
    await get('/accounts', ana.key);
    await get('/accounts/acc_x/balance', ana.key);
    t.clock.set('2026-04-05T09:45:00.000Z');
    await get('/accounts', ana.key);

    expect((await usage(ana.token)).total_requests).toBe(11);
    expect((await usage(ana.token, '?from=2026-04-05')).total_requests).toBe(3);
    expect((await usage(ana.token, '?to=2026-04-04')).total_requests).toBe(8);
    expect((await usage(ana.token, '?from=2026-04-03&to=2026-04-03')).total_requests).toBe(0);
    // Instants are inclusive at both ends.
    expect(
      (await usage(ana.token, '?from=2026-04-05T08:15:00.000Z&to=2026-04-05T09:45:00Z')).total_requests,
    ).toBe(3);
    expect((await usage(ana.token, '?from=2026-04-05T08:15:00.001Z')).total_requests).toBe(1);
    expect((await usage(ana.token, '?from=2026-04-05T11:00:00%2B02:00')).total_requests).toBe(1);

    const daily = await usage(ana.token);
    expect(daily.time_series).toEqual([
      { bucket: '2026-04-04', requests: 8, errors: 3 },
      { bucket: '2026-04-05', requests: 3, errors: 1 },
    ]);
    const hourly = await usage(ana.token, '?granularity=hour&from=2026-04-05');
    expect(hourly.time_series).toEqual([
      { bucket: '2026-04-05T08:00:00.000Z', requests: 2, errors: 1 },
      { bucket: '2026-04-05T09:00:00.000Z', requests: 1, errors: 0 },
    ]);
  });

  it('rejects bad filters with INVALID_FIELD', async () => {
    for (const query of [
      '?from=yesterday',
      '?to=2026-02-30',
      '?from=2026-04-05&to=2026-04-04',
      '?from=2026-04-05T25:00:00Z',
      '?granularity=minute',
      '?from=2026-04-05T10:00:00',
    ]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/developers/usage${query}`,
        headers: devAuth(ana.token),
      });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error_code, query).toBe('INVALID_FIELD');
    }
  });

  it('counts requests refused because the key was revoked, without touching last_used_at', async () => {
    const dev = await registerDeveloper(t.app);
    await get('/accounts', dev.key);
    await t.app.inject({
      method: 'DELETE',
      url: `/developers/keys/${dev.keyId}`,
      headers: devAuth(dev.token),
    });
    const usedAt = t.clock.now().toISOString();
    t.clock.advance(5000);
    const refused = await get('/accounts', dev.key);
    expect(refused.json().error_code).toBe('REVOKED_API_KEY');
    const u = await usage(dev.token);
    expect(u.total_requests).toBe(2);
    expect(u.recent_errors).toEqual([
      {
        request_id: refused.headers['x-request-id'],
        endpoint: 'GET /accounts',
        error_code: 'REVOKED_API_KEY',
        status: 401,
        at: t.clock.now().toISOString(),
      },
    ]);
    const keys = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: devAuth(dev.token) });
    expect(keys.json().keys[0].last_used_at).toBe(usedAt);
  });

  it('keeps developers apart', async () => {
    const u = await usage(bob.token);
    expect(u.total_requests).toBe(0);
    await get('/accounts', bob.key);
    expect((await usage(bob.token)).total_requests).toBe(1);
    expect((await usage(ana.token)).total_requests).toBe(11);
  });

  it('does not count developer-portal or unauthenticated traffic', async () => {
    const before = await t.deps.db
      .selectFrom('request_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(ana.token) });
    await t.app.inject({ method: 'GET', url: '/accounts' });
    await t.app.inject({ method: 'GET', url: '/banks' });
    await t.app.usage.flush();
    const after = await t.deps.db
      .selectFrom('request_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('whole minutes from the per-minute roll-up, the edges from the rows', () => {
  it('every figure equals a count of the recorded requests, for ranges cut anywhere in a minute', async () => {
    // 40 requests 17 s apart (several per minute, across 12 minutes and an hour boundary); every
    // third to an account that does not exist (an error).
    t.clock.set('2026-06-01T09:55:03.250Z');
    const dev = await registerDeveloper(t.app);
    for (let i = 0; i < 40; i++) {
      await get(i % 3 === 0 ? '/accounts/acc_nowhere/balance' : '/accounts', dev.key);
      t.clock.advance(17_000);
    }
    await t.app.usage.flush();
    const rows = await t.deps.db
      .selectFrom('request_log')
      .select(['endpoint', 'status', 'at'])
      .where('developer_id', '=', dev.id)
      .execute();
    expect(rows).toHaveLength(40);
    const bounds = [
      undefined,
      '2026-06-01T09:55:03.250Z',
      '2026-06-01T09:57:00.000Z',
      '2026-06-01T09:58:29.999Z',
      '2026-06-01T10:00:00.000Z',
      '2026-06-01T10:01:44.001Z',
      '2026-06-01T10:06:20.250Z',
    ];
    for (const from of bounds) {
      for (const to of bounds) {
        if (from !== undefined && to !== undefined && from > to) continue;
        const q = [from && `from=${from}`, to && `to=${to}`, 'granularity=hour'].filter(Boolean).join('&');
        const u = await usage(dev.token, `?${q}`);
        // Inclusive at both ends.
        const inRange = rows.filter(
          (r) => (from === undefined || r.at >= from) && (to === undefined || r.at <= to),
        );
        const errors = inRange.filter((r) => r.status >= 400);
        expect(u.total_requests, q).toBe(inRange.length);
        expect(u.error_rate, q).toBe(
          inRange.length === 0 ? 0 : Math.round((errors.length / inRange.length) * 10_000) / 10_000,
        );
        const byEndpoint = new Map<string, { requests: number; errors: number }>();
        const byHour = new Map<string, { requests: number; errors: number }>();
        for (const r of inRange) {
          for (const [map, k] of [
            [byEndpoint, r.endpoint],
            [byHour, `${r.at.slice(0, 13)}:00:00.000Z`],
          ] as const) {
            const c = map.get(k) ?? { requests: 0, errors: 0 };
            c.requests++;
            if (r.status >= 400) c.errors++;
            map.set(k, c);
          }
        }
        expect(
          Object.fromEntries(
            (u.by_endpoint as Array<{ endpoint: string; requests: number; errors: number }>).map((e) => [
              e.endpoint,
              { requests: e.requests, errors: e.errors },
            ]),
          ),
          q,
        ).toEqual(Object.fromEntries(byEndpoint));
        expect(u.time_series, q).toEqual(
          [...byHour.entries()].sort().map(([bucket, c]) => ({ bucket, ...c })),
        );
        expect(u.recent_errors.length, q).toBe(Math.min(20, errors.length));
      }
    }
  });
});

describe('recording stays off the request path', () => {
  it('buffers in memory until a flush, then writes one batch', async () => {
    const dev = await registerDeveloper(t.app);
    await t.app.usage.flush();
    // Without the 500 ms timer, which could fire between these requests on a slow machine.
    t.app.usage.pause();
    for (let i = 0; i < 5; i++) await get('/accounts', dev.key);
    const stored = () =>
      t.deps.db
        .selectFrom('request_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('developer_id', '=', dev.id)
        .executeTakeFirstOrThrow();
    expect(Number((await stored()).n)).toBe(0);
    expect(t.app.usage.pending).toBe(5);
    await t.app.usage.flush();
    t.app.usage.start();
    expect(t.app.usage.pending).toBe(0);
    expect(Number((await stored()).n)).toBe(5);
  });

  it('flushes on its own within the interval', async () => {
    const dev = await registerDeveloper(t.app);
    await get('/accounts', dev.key);
    const deadline = Date.now() + 3000;
    let n = 0;
    while (Date.now() < deadline && n === 0) {
      await new Promise((r) => setTimeout(r, 100));
      const row = await t.deps.db
        .selectFrom('request_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('developer_id', '=', dev.id)
        .executeTakeFirstOrThrow();
      n = Number(row.n);
    }
    expect(n).toBe(1);
  });
});

describe('graceful shutdown', () => {
  it('writes buffered events when the app closes', async () => {
    // A second app (server process) on the same database, closed on its own.
    const handle = t.database.connect();
    const other = await buildApp({ ...t.deps, db: handle.db });
    try {
      const dev = await registerDeveloper(other);
      for (let i = 0; i < 3; i++)
        await other.inject({ method: 'GET', url: '/accounts', headers: auth(dev.key) });
      expect(other.usage.pending).toBe(3);
      await other.close();
      const row = await t.deps.db
        .selectFrom('request_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('developer_id', '=', dev.id)
        .executeTakeFirstOrThrow();
      expect(Number(row.n)).toBe(3);
    } finally {
      await handle.close();
    }
  });
});

describe('reads do not wait for writes', () => {
  it.skipIf(onPostgres())(
    'answers while a write transaction holds the main connection (SQLite: the read-only connection)',
    async () => {
      const dev = await registerDeveloper(t.app);
      await get('/accounts', dev.key);
      await t.app.usage.flush();
      // A long write transaction (a sandbox import, a connect step) holds Kysely's one connection.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let open = () => {};
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      const writing = t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('developers').set({ name: 'held' }).where('id', '=', dev.id).execute();
        open();
        await held;
      });
      await opened;
      try {
        const answered = t.app.inject({
          method: 'GET',
          url: '/developers/usage',
          headers: devAuth(dev.token),
        });
        const first = await Promise.race([
          answered.then(() => 'answered'),
          new Promise((resolve) => setTimeout(() => resolve('waited'), 3000)),
        ]);
        expect(first).toBe('answered');
        expect((await answered).json().total_requests).toBe(1);
      } finally {
        release();
        await writing;
      }
    },
  );
});

describe('exact across batches and processes', () => {
  it('every figure equals a count of the requests, recorded in many batches by two processes, read on either', async () => {
    // A second app (server process) on the same database, with its own recorder.
    const handle = t.database.connect();
    const other = await buildApp({ ...t.deps, db: handle.db });
    try {
      t.clock.set('2026-07-01T11:58:41.500Z');
      const dev = await registerDeveloper(t.app);
      const created = await t.app.inject({
        method: 'POST',
        url: '/developers/keys',
        headers: devAuth(dev.token),
        payload: { app_name: 'Live', environment: 'live' },
      });
      const live = { id: created.json().id as string, key: created.json().key as string };
      // 36 requests 7.3 s apart over five minutes and an hour boundary, alternating processes; each
      // flushes after every third of its own, so most minutes' requests sit in several batches of both.
      for (let i = 0; i < 36; i++) {
        const app = i % 2 ? other : t.app;
        const res = await app.inject({
          method: 'GET',
          url: i % 5 === 0 ? '/accounts/acc_nowhere/balance' : '/accounts',
          headers: auth(i % 4 === 3 ? live.key : dev.key),
        });
        expect(res.statusCode).toBeLessThan(500);
        if (i % 6 >= 4) await app.usage.flush();
        t.clock.advance(7_300);
      }
      await t.app.usage.flush();
      await other.usage.flush();
      const rows = await t.deps.db
        .selectFrom('request_log')
        .select(['endpoint', 'status', 'at', 'api_key_id'])
        .where('developer_id', '=', dev.id)
        .execute();
      expect(rows).toHaveLength(36);
      // A successful request is one request-log row: usage keeps a row of its own for failures only.
      const usageRows = await t.deps.db
        .selectFrom('usage_events')
        .select('status')
        .where('developer_id', '=', dev.id)
        .execute();
      expect(usageRows.length).toBe(rows.filter((r) => r.status >= 400).length);
      const bounds = [
        undefined,
        '2026-07-01T11:58:41.500Z',
        '2026-07-01T11:59:00.000Z',
        '2026-07-01T11:59:30.123Z',
        '2026-07-01T12:00:00.000Z',
        '2026-07-01T12:01:12.345Z',
        '2026-07-01T12:02:59.999Z',
      ];
      for (const reader of [t.app, other]) {
        for (const from of bounds) {
          for (const to of bounds) {
            if (from !== undefined && to !== undefined && from > to) continue;
            const q = [from && `from=${from}`, to && `to=${to}`, 'granularity=hour']
              .filter(Boolean)
              .join('&');
            const res = await reader.inject({
              method: 'GET',
              url: `/developers/usage?${q}`,
              headers: devAuth(dev.token),
            });
            const u = res.json();
            const inRange = rows.filter(
              (r) => (from === undefined || r.at >= from) && (to === undefined || r.at <= to),
            );
            expect(u.total_requests, q).toBe(inRange.length);
            expect(u.billable_requests, q).toBe(
              inRange.filter((r) => r.api_key_id === live.id && r.status < 300).length,
            );
            const byEndpoint: Record<string, { requests: number; errors: number }> = {};
            const byHour: Record<string, { requests: number; errors: number }> = {};
            for (const r of inRange)
              for (const [map, k] of [
                [byEndpoint, r.endpoint],
                [byHour, `${r.at.slice(0, 13)}:00:00.000Z`],
              ] as const) {
                map[k] ??= { requests: 0, errors: 0 };
                const c = map[k];
                c.requests++;
                if (r.status >= 400) c.errors++;
              }
            expect(
              Object.fromEntries(
                (u.by_endpoint as Array<{ endpoint: string; requests: number; errors: number }>).map((e) => [
                  e.endpoint,
                  { requests: e.requests, errors: e.errors },
                ]),
              ),
              q,
            ).toEqual(byEndpoint);
            expect(u.time_series, q).toEqual(
              Object.entries(byHour)
                .sort()
                .map(([bucket, c]) => ({ bucket, ...c })),
            );
          }
        }
      }
    } finally {
      await other.close();
      await handle.close();
    }
  });
});

describe('usage recorded before migration 0020', () => {
  it('keeps every figure exact: the old usage rows become instants', async () => {
    // As the old writer left them: a usage row per request and the roll-up, no instants.
    const dev = await registerDeveloper(t.app);
    const ats = ['2026-08-02T10:00:59.999Z', '2026-08-02T10:01:00.000Z', '2026-08-02T10:01:07.041Z'];
    await t.deps.db
      .insertInto('usage_events')
      .values(
        ats.map((at, i) => ({
          id: `use_backfill_${dev.id}_${i}`,
          api_key_id: dev.keyId,
          developer_id: dev.id,
          environment: 'sandbox' as const,
          method: 'GET',
          endpoint: 'GET /accounts',
          status: 200,
          error_code: null,
          request_id: `backfill-${i}`,
          at,
        })),
      )
      .execute();
    await t.deps.db
      .insertInto('usage_minutes')
      .values(
        ['2026-08-02T10:00', '2026-08-02T10:01'].map((minute, i) => ({
          developer_id: dev.id,
          minute,
          api_key_id: dev.keyId,
          environment: 'sandbox' as const,
          endpoint: 'GET /accounts',
          status: 200,
          requests: i + 1,
        })),
      )
      .execute();
    await instantsOfUsageRows(t.deps.db as unknown as Kysely<unknown>);
    for (const [from, to, n] of [
      ['2026-08-02T10:00:59.999Z', '2026-08-02T10:01:00.000Z', 2],
      ['2026-08-02T10:00:30Z', '2026-08-02T10:01:07.040Z', 2],
      ['2026-08-02T10:01:00.001Z', '2026-08-02T10:01:07.041Z', 1],
      ['2026-08-02T10:00:00Z', '2026-08-02T10:02:00Z', 3],
    ] as const) {
      const u = await usage(dev.token, `?from=${from}&to=${to}`);
      expect(u.total_requests, `${from} ${to}`).toBe(n);
    }
  });
});
