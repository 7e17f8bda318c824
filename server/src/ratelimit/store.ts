import SQLite from 'better-sqlite3';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { type Db, sqliteFileOf } from '../db/index.js';

/** One counted hit: the count in the current fixed window (after this hit) and when that window ends. */
export interface Hit {
  count: number;
  resetAtMs: number;
}

/**
 * A fixed-window counter shared by whoever uses the same store: memory (one embedded process),
 * the database (processes sharing PostgreSQL or one SQLite file) or Redis (REDIS_URL).
 * `weight` counts several units at once (custom sandbox transactions).
 */
export interface RateLimitStore {
  readonly kind: 'memory' | 'database' | 'redis';
  hit(bucket: string, windowMs: number, nowMs: number, weight?: number): Hit | Promise<Hit>;
  close(): Promise<void>;
}

const windowStartOf = (nowMs: number, windowMs: number) => Math.floor(nowMs / windowMs) * windowMs;

/** In-process counters: exact for one process, synchronous (no promise on the hot path). */
export function memoryStore(): RateLimitStore {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    kind: 'memory',
    hit(bucket, windowMs, nowMs, weight = 1) {
      const start = windowStartOf(nowMs, windowMs);
      const w = windows.get(bucket);
      if (w && w.start === start) {
        w.count += weight;
        return { count: w.count, resetAtMs: start + windowMs };
      }
      if (windows.size > 100_000) {
        for (const [k, v] of windows) if (v.start + windowMs <= nowMs) windows.delete(k);
      }
      windows.set(bucket, { start, count: weight });
      return { count: weight, resetAtMs: start + windowMs };
    },
    async close() {
      windows.clear();
    },
  };
}

const UPSERT_SQL =
  'INSERT INTO rate_limit_windows (bucket, window_end, hits) VALUES (?, ?, ?) ' +
  'ON CONFLICT (bucket, window_end) DO UPDATE SET hits = rate_limit_windows.hits + excluded.hits RETURNING hits';

/** How long the SQLite store retries a counter its file's write lock holds back, before giving up. */
const SQLITE_BUSY_GIVE_UP_MS = 5000;

/**
 * Counters in the rate_limit_windows table, one row per (bucket, window): one atomic upsert per
 * request, so every process sharing the database counts a request once (the retention job deletes
 * windows that are over). On an SQLite file the store has a connection of its own and runs the
 * upsert synchronously (no promise on the hot path, and never queued behind a transaction another
 * request holds on the main connection); elsewhere (PostgreSQL) see `coalescingStore`.
 */
export function databaseStore(db: Db): RateLimitStore {
  const file = sqliteFileOf(db);
  return file ? sqliteFileStore(file) : coalescingStore(db);
}

/**
 * SQLite file: hits that arrive in one turn of the event loop are written together at its end, in
 * one write transaction (one WAL commit for all of them instead of one each): per (bucket, window)
 * the summed weight is added atomically and the waiters take consecutive counts in arrival order,
 * as in `coalescingStore`. Exact within the process and across processes on the file.
 */
function sqliteFileStore(path: string): RateLimitStore {
  const conn = new SQLite(path, { fileMustExist: true });
  // Never wait for the write lock synchronously: the holder may be this very process (a transaction
  // awaiting on the main connection), which cannot go on while the event loop is blocked. A busy
  // lock is retried from a timer instead.
  conn.pragma('busy_timeout = 0');
  // Per connection, as createDb sets them on the main one (WAL itself is the file's).
  conn.pragma('synchronous = NORMAL');
  conn.pragma('wal_autocheckpoint = 10000');
  const upsert = conn.prepare<[string, number, number], number>(UPSERT_SQL).pluck();
  const isBusy = (err: unknown) => (err as { code?: string }).code?.startsWith('SQLITE_BUSY') ?? false;
  type Pending = { bucket: string; end: number; weight: number; waiters: Waiter[] };
  let pending = new Map<string, Pending>();
  let scheduled = false;
  const writeAll = conn.transaction((batch: Pending[]) =>
    batch.map((p) => upsert.get(p.bucket, p.end, p.weight)),
  );

  const flush = (batch: Pending[], since: number) => {
    let totals: number[];
    try {
      totals = writeAll.immediate(batch) as number[];
    } catch (err) {
      if (isBusy(err) && performance.now() - since < SQLITE_BUSY_GIVE_UP_MS) {
        setTimeout(() => flush(batch, since), 1 + Math.random() * 4);
        return;
      }
      for (const p of batch) for (const w of p.waiters) w.reject(err);
      return;
    }
    batch.forEach((p, i) => {
      let count = (totals[i] as number) - p.weight;
      for (const w of p.waiters) {
        count += w.weight;
        w.resolve({ count, resetAtMs: p.end });
      }
    });
  };

  return {
    kind: 'database',
    hit(bucket, windowMs, nowMs, weight = 1) {
      const end = windowStartOf(nowMs, windowMs) + windowMs;
      // (A timer to gather more hits per commit was tried: under a closed-loop load its wait cost
      // more throughput than the commits it saved.)
      return new Promise<Hit>((resolve, reject) => {
        const key = `${end}:${bucket}`;
        let p = pending.get(key);
        if (!p) {
          p = { bucket, end, weight: 0, waiters: [] };
          pending.set(key, p);
        }
        p.weight += weight;
        p.waiters.push({ weight, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          const batch = [...pending.values()];
          pending = new Map();
          flush(batch, performance.now());
        });
      });
    },
    async close() {
      conn.close();
    },
  };
}

interface Waiter {
  weight: number;
  resolve: (hit: Hit) => void;
  reject: (err: unknown) => void;
}

/**
 * The database store through Kysely (PostgreSQL). Hits on one (bucket, window) that arrive while
 * its upsert is in flight wait and go together in the next one, with their summed weight: a
 * statement adds w1 + … + wk atomically and returns the new total T, so the waiters take the counts
 * T − (w1 + … + wk) + w1, …, T in arrival order — exactly as if they had been counted one by one,
 * and still counted once across processes. Under load this turns one row-lock wait per request on a
 * busy key's row into one per round trip.
 */
function coalescingStore(db: Db): RateLimitStore {
  const queues = new Map<string, { inFlight: boolean; waiting: Waiter[] }>();
  const flush = (key: string, bucket: string, end: number) => {
    const q = queues.get(key);
    if (!q) return;
    const batch = q.waiting;
    q.waiting = [];
    q.inFlight = true;
    const total = batch.reduce((n, w) => n + w.weight, 0);
    db.insertInto('rate_limit_windows')
      .values({ bucket, window_end: end, hits: total })
      .onConflict((oc) =>
        oc.columns(['bucket', 'window_end']).doUpdateSet({
          hits: sql<number>`rate_limit_windows.hits + excluded.hits`,
        }),
      )
      .returning('hits')
      .executeTakeFirstOrThrow()
      .then(
        (row) => {
          let count = Number(row.hits) - total;
          for (const w of batch) {
            count += w.weight;
            w.resolve({ count, resetAtMs: end });
          }
        },
        (err: unknown) => {
          for (const w of batch) w.reject(err);
        },
      )
      .finally(() => {
        q.inFlight = false;
        if (q.waiting.length > 0) flush(key, bucket, end);
        else queues.delete(key);
      });
  };
  return {
    kind: 'database',
    hit(bucket, windowMs, nowMs, weight = 1) {
      const end = windowStartOf(nowMs, windowMs) + windowMs;
      const key = `${end}:${bucket}`;
      return new Promise<Hit>((resolve, reject) => {
        let q = queues.get(key);
        if (!q) {
          q = { inFlight: false, waiting: [] };
          queues.set(key, q);
        }
        q.waiting.push({ weight, resolve, reject });
        if (!q.inFlight) flush(key, bucket, end);
      });
    },
    async close() {},
  };
}

// INCRBY and set the expiry on the window's first hit, in one atomic step on the Redis server.
const HIT_SCRIPT = `
local c = redis.call('INCRBY', KEYS[1], ARGV[1])
if c == tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return c`;

/** Counters in Redis, one key per bucket and window, incremented by a Lua script. */
export function redisStore(redis: Redis, prefix: string): RateLimitStore {
  redis.defineCommand('odRateHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const client = redis as Redis & { odRateHit(key: string, weight: number, ttlMs: number): Promise<number> };
  return {
    kind: 'redis',
    async hit(bucket, windowMs, nowMs, weight = 1) {
      const start = windowStartOf(nowMs, windowMs);
      const count = await client.odRateHit(`${prefix}rl:${bucket}:${start}`, weight, windowMs * 2);
      return { count: Number(count), resetAtMs: start + windowMs };
    },
    async close() {
      await redis.quit();
    },
  };
}
