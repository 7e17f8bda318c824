import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/index.js';
import { sha256Hex } from '../src/ids.js';
import { DEFAULT_RECORDER_OPTIONS, type UsageEvent, UsageRecorder } from '../src/usage/recorder.js';
import { insertTextCount } from '../src/usage/writer.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const silent: FastifyBaseLogger = pino({ level: 'silent' });

let n = 0;
const event = (over: Partial<UsageEvent> = {}): UsageEvent =>
  ({
    method: 'GET',
    endpoint: 'GET /accounts',
    status: 200,
    errorCode: null,
    requestId: `rec-${++n}`,
    at: t.clock.now(),
    key: { apiKeyId: 'key_mani_app', developerId: 'dev_mani_app', environment: 'sandbox' },
    log: { path: '/accounts', latencyMs: 1, authorization: null, errorBody: null },
    ...over,
  }) as UsageEvent;

// A request is one request-log row (usage keeps its own row for failed requests only).
const stored = async (requestIds: string[]) =>
  (
    await t.deps.db
      .selectFrom('request_log')
      .select('request_id')
      .where('request_id', 'in', requestIds)
      .execute()
  ).map((r) => r.request_id);

describe('UsageRecorder', () => {
  it('stores every value as sent, whatever its characters, with nulls kept null', async () => {
    // PostgreSQL receives a batch as one array per column: quotes, backslashes, braces, commas and
    // the word NULL must come back exactly, and a null error code as SQL NULL.
    const rec = new UsageRecorder(t.deps.db, t.deps.dialect, silent);
    const odd = ['q"u\\o{t,e}', 'NULL', ' lead-and-trail ', '{}', 'šđčćž'];
    const events = odd.map((requestId, i) =>
      event({ requestId, errorCode: i % 2 ? 'INVALID_FIELD' : null, endpoint: `GET /x/{${i}}` }),
    );
    for (const e of events) rec.record(e);
    await rec.flush();
    const rows = await t.deps.db
      .selectFrom('request_log')
      .select(['request_id', 'error_code', 'endpoint', 'status'])
      .where('request_id', 'in', odd)
      .execute();
    const byId = new Map(rows.map((r) => [r.request_id, r]));
    events.forEach((e, i) => {
      expect(byId.get(e.requestId)).toEqual({
        request_id: e.requestId,
        error_code: i % 2 ? 'INVALID_FIELD' : null,
        endpoint: `GET /x/{${i}}`,
        status: 200,
      });
    });
  });

  it('flushes by itself once a batch is full', async () => {
    const rec = new UsageRecorder(t.deps.db, t.deps.dialect, silent, {
      batchSize: 3,
      intervalMs: 60_000,
      maxBuffered: 100,
      worker: true,
      sqliteWorker: true,
    });
    const events = [event(), event(), event()];
    for (const e of events) rec.record(e);
    const ids = events.map((e) => e.requestId);
    // A deadline, not a timing: the first batch also starts the worker thread (slow on a loaded machine).
    const deadline = Date.now() + 20_000;
    while ((await stored(ids)).length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect((await stored(ids)).sort()).toEqual(ids.sort());
  });

  it('resolves keys known only by hash and drops keys that do not exist', async () => {
    const rec = new UsageRecorder(t.deps.db, t.deps.dialect, silent);
    const known = event({
      key: undefined,
      keyHash: sha256Hex(MANI_KEY),
      status: 404,
      errorCode: 'ROUTE_NOT_FOUND',
    });
    const unknown = event({ key: undefined, keyHash: sha256Hex('od_test_sk_nobodysKeyNobodysKey1') });
    rec.record(known);
    rec.record(unknown);
    await rec.flush();
    const rows = await t.deps.db
      .selectFrom('usage_events')
      .selectAll()
      .where('request_id', 'in', [known.requestId, unknown.requestId])
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      api_key_id: 'key_mani_app',
      developer_id: 'dev_mani_app',
      environment: 'sandbox',
      status: 404,
    });
  });

  it('keeps events when a write fails and writes them on the next flush', async () => {
    let failNext = true;
    // A database whose next write fails, as during a brief outage: a transaction (SQLite), or the
    // one statement a PostgreSQL batch is.
    const flaky = new Proxy(t.deps.db, {
      get(target, prop, receiver) {
        if (prop === 'transaction' && failNext) {
          failNext = false;
          return () => ({
            execute: async () => {
              throw new Error('connection lost');
            },
          });
        }
        if (prop === 'executeQuery' && failNext) {
          failNext = false;
          return async () => {
            throw new Error('connection lost');
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Db;
    const rec = new UsageRecorder(flaky, t.deps.dialect, silent, {
      ...DEFAULT_RECORDER_OPTIONS,
      worker: false,
    });
    const events = [event(), event()];
    for (const e of events) rec.record(e);
    await rec.flush();
    expect(rec.pending).toBe(2);
    expect(await stored(events.map((e) => e.requestId))).toEqual([]);
    await rec.flush();
    expect(rec.pending).toBe(0);
    expect((await stored(events.map((e) => e.requestId))).sort()).toEqual(
      events.map((e) => e.requestId).sort(),
    );
  });

  it('keeps events when the worker thread cannot write, and writes them once it can', async () => {
    // A real failure on the worker's own connection: the request log's table (its chunks) is briefly missing.
    // (On SQLite the worker is opt-in; this runs it there too.)
    const rec = new UsageRecorder(t.deps.db, t.deps.dialect, silent, {
      ...DEFAULT_RECORDER_OPTIONS,
      sqliteWorker: true,
    });
    const withLog = (): UsageEvent =>
      event({
        log: { path: '/accounts', latencyMs: 1.234, authorization: `Bearer ${MANI_KEY}`, errorBody: null },
      });
    const events = [withLog(), withLog(), withLog()];
    await sql`alter table request_log_chunks rename to request_log_chunks_away`.execute(t.deps.db);
    try {
      for (const e of events) rec.record(e);
      await rec.flush();
      // Kept, not written (the request log, where they would be, is away).
      expect(rec.pending).toBe(3);
    } finally {
      await sql`alter table request_log_chunks_away rename to request_log_chunks`.execute(t.deps.db);
    }
    await rec.flush();
    expect(rec.pending).toBe(0);
    expect((await stored(events.map((e) => e.requestId))).sort()).toEqual(
      events.map((e) => e.requestId).sort(),
    );
    const logged = await t.deps.db
      .selectFrom('request_log')
      .select(['request_id', 'key_prefix', 'path', 'latency_ms'])
      .where(
        'request_id',
        'in',
        events.map((e) => e.requestId),
      )
      .execute();
    expect(logged).toHaveLength(3);
    for (const row of logged)
      expect(row).toMatchObject({ key_prefix: MANI_KEY.slice(0, 15), path: '/accounts', latency_ms: 1.23 });
    await rec.stop();
  });

  it('writes what was recorded when a flush began, leaving later requests to the next batch', async () => {
    // Under steady load a flush that also wrote whatever arrived during its write wrote, back to
    // back, one batch (one transaction) per round trip of a few requests each.
    const rec = new UsageRecorder(t.deps.db, t.deps.dialect, silent, {
      ...DEFAULT_RECORDER_OPTIONS,
      intervalMs: 60_000,
    });
    const first = [event(), event(), event()];
    for (const e of first) rec.record(e);
    const flushing = rec.flush();
    // The write has begun (it took the batch) before the next requests arrive.
    await new Promise((r) => setImmediate(r));
    expect(rec.pending).toBe(0);
    const later = [event(), event()];
    for (const e of later) rec.record(e);
    await flushing;
    expect((await stored(first.map((e) => e.requestId))).length).toBe(3);
    expect(rec.pending).toBe(2);
    expect(await stored(later.map((e) => e.requestId))).toEqual([]);
    await rec.flush();
    expect(rec.pending).toBe(0);
    expect((await stored(later.map((e) => e.requestId))).length).toBe(2);
    await rec.stop();
  });

  it('writes a large burst in several multi-row inserts', async () => {
    const rec = new UsageRecorder(t.deps.db, t.deps.dialect, silent);
    const events = Array.from({ length: 1234 }, () => event());
    for (const e of events) rec.record(e);
    await rec.flush();
    const count = await t.deps.db
      .selectFrom('request_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'request_id',
        'in',
        events.map((e) => e.requestId),
      )
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1234);
  });

  it.skipIf(onPostgres())(
    'writes batches of every size with a bounded set of INSERT statements (SQLite)',
    async () => {
      // Each batch size once (1, 2, … 40 requests a flush): one INSERT text per row count would be
      // 40 texts per table, each kept prepared by the connection's statement cache.
      const ids: string[] = [];
      for (let k = 1; k <= 40; k++) {
        for (let i = 0; i < k; i++) {
          const res = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) });
          expect(res.statusCode).toBe(200);
          ids.push(String(res.headers['x-request-id']));
        }
        await t.app.usage.flush();
      }
      // Four tables (failed requests' usage rows, the per-minute roll-up, its instants, the request
      // log), nine texts each at most.
      expect(insertTextCount()).toBeLessThanOrEqual(36);
      const counted = async (table: 'request_log') =>
        Number(
          (
            await t.deps.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('request_id', 'in', ids)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await counted('request_log')).toBe(ids.length);
    },
  );
});
