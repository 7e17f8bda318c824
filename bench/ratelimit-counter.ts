// The per-key rate-limit counter alone, in this process, on the real store (PostgreSQL; Redis too
// with --redis) — N hits on one key from 50 concurrent callers, in rounds, exact (one atomic
// increment per hit, coalesced while one is in flight: the store before the leases) and leased
// (ratelimit/lease.ts). Prints this process's CPU per hit and the PostgreSQL backends' CPU per hit:
// steadier than req/s on a loaded machine, it measures only the counter.
// Run through `npm run bench -- --ratelimit --pg [--redis] [--quick]` (bench/run.ts), or alone:
// npx tsx bench/ratelimit-counter.ts [--redis] [--hits N] [--rounds N]
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createDb } from '../server/src/db/index.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { type BudgetCounter, exactCounter, leasedCounter } from '../server/src/ratelimit/lease.js';
import { databaseStore, redisStore } from '../server/src/ratelimit/store.js';
import { cpuMs, fmt, median } from './lib.js';

const LIMIT = 1_000_000_000;
const MINUTE = 60_000;

export interface CounterBenchOptions {
  /** Hits per variant per round (default 20,000). */
  hits?: number;
  /** Rounds (default 3); figures are medians over them. */
  rounds?: number;
  /** Also the Redis store (REDIS_URL, default redis://127.0.0.1:6379). */
  redis?: boolean;
  log?: (line: string) => void;
}

export interface CounterFigures {
  /** This process's CPU per hit, µs. */
  cpuUsPerHit: number;
  /** The PostgreSQL backends' CPU per hit, µs. */
  dbUsPerHit: number;
  hitsPerSecond: number;
}

async function backendCpuMs(c: pg.Client, name: string): Promise<number> {
  const { rows } = await c.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  return rows.reduce((sum, r) => sum + (cpuMs(r.pid) ?? 0), 0);
}

async function run(
  counter: BudgetCounter,
  hits: number,
  c: pg.Client,
  name: string,
): Promise<CounterFigures> {
  const bucket = `k:bench-${randomBytes(4).toString('hex')}`;
  const cpu0 = process.cpuUsage();
  const db0 = await backendCpuMs(c, name);
  const t0 = performance.now();
  let left = hits;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (left > 0) {
        left -= 1;
        const r = counter.take(bucket, LIMIT, MINUTE, Date.now());
        if (r instanceof Promise) await r;
        else await null;
      }
    }),
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const db = (await backendCpuMs(c, name)) - db0;
  return {
    cpuUsPerHit: (cpu.user + cpu.system) / hits,
    dbUsPerHit: (db * 1000) / hits,
    hitsPerSecond: (hits / ms) * 1000,
  };
}

/** Runs every variant once per round on a fresh PostgreSQL database; medians per variant. */
export async function benchRatelimitCounter(
  opts: CounterBenchOptions = {},
): Promise<Record<string, CounterFigures>> {
  const hits = opts.hits ?? 20_000;
  const rounds = opts.rounds ?? 3;
  const log = opts.log ?? console.log;
  const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `opendinar_rlcounter_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const handle = createDb({ kind: 'postgres', url: u.toString() }, { poolSize: 10 });
  const figures: Record<string, CounterFigures[]> = {};
  const record = (label: string, f: CounterFigures) => {
    const list = figures[label] ?? [];
    list.push(f);
    figures[label] = list;
    log(
      `  ${label.padEnd(34)} ${fmt(f.cpuUsPerHit, 1)} µs CPU/hit here  ${fmt(f.dbUsPerHit, 1)} µs/hit in PostgreSQL  ${fmt(f.hitsPerSecond, 0)} hits/s`,
    );
  };
  try {
    await migrateToLatest(handle.db);
    log(
      `per-key counter, ${hits} hits from 50 concurrent callers, ${rounds} rounds (load: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    for (let round = 0; round < rounds; round++) {
      const store = databaseStore(handle.db);
      record('PostgreSQL, exact (before)', await run(exactCounter(store), hits, c, name));
      record('PostgreSQL, leased', await run(leasedCounter(store), hits, c, name));
      if (opts.redis) {
        const { Redis } = await import('ioredis');
        const r = redisStore(
          new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true }),
          `rlc-${process.pid}:`,
        );
        record('Redis, exact (before)', await run(exactCounter(r), hits, c, name));
        record('Redis, leased', await run(leasedCounter(r), hits, c, name));
        await r.close();
      }
    }
  } finally {
    await handle.close();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
  const medians: Record<string, CounterFigures> = {};
  for (const [label, fs] of Object.entries(figures)) {
    medians[label] = {
      cpuUsPerHit: median(fs.map((f) => f.cpuUsPerHit)),
      dbUsPerHit: median(fs.map((f) => f.dbUsPerHit)),
      hitsPerSecond: median(fs.map((f) => f.hitsPerSecond)),
    };
  }
  return medians;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const opt = (f: string) => (argv.includes(f) ? Number(argv[argv.indexOf(f) + 1]) : undefined);
  await benchRatelimitCounter({
    hits: opt('--hits'),
    rounds: opt('--rounds'),
    redis: argv.includes('--redis'),
  });
}
