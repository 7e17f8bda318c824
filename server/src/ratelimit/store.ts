import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Db } from '../db/index.js';

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

/** Counters in the rate_limits table: one atomic upsert per hit, so every process counts once. */
export function databaseStore(db: Db): RateLimitStore {
  return {
    kind: 'database',
    async hit(bucket, windowMs, nowMs, weight = 1) {
      const start = windowStartOf(nowMs, windowMs);
      const row = await db
        .insertInto('rate_limits')
        .values({ bucket, window_start: start, hits: weight })
        .onConflict((oc) =>
          oc.column('bucket').doUpdateSet({
            hits: sql<number>`CASE WHEN rate_limits.window_start = ${start} THEN rate_limits.hits + ${weight} ELSE ${weight} END`,
            window_start: start,
          }),
        )
        .returning(['hits'])
        .executeTakeFirstOrThrow();
      return { count: Number(row.hits), resetAtMs: start + windowMs };
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
