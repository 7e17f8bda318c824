// npx tsx bench/ratelimit-counter.ts [--redis] [--hits N]: the per-key rate-limit counter alone, in this
// process, on the real store (PostgreSQL; Redis too with --redis) — N hits on one key from 50 concurrent
// callers, 3 rounds, exact (one atomic increment per hit, coalesced while one is in flight: the store
// before the leases) and leased (ratelimit/lease.ts). Prints this process's CPU per hit and the
// PostgreSQL backends' CPU per hit: steadier than req/s on a loaded machine, it measures only the counter.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../server/src/db/index.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { type BudgetCounter, exactCounter, leasedCounter } from '../server/src/ratelimit/lease.js';
import { databaseStore, redisStore } from '../server/src/ratelimit/store.js';
import { cpuMs, fmt } from './lib.js';

const argv = process.argv.slice(2);
const hits = Number(argv.includes('--hits') ? argv[argv.indexOf('--hits') + 1] : 20_000);
const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LIMIT = 1_000_000_000;
const MINUTE = 60_000;

async function backendCpuMs(c: pg.Client, name: string): Promise<number> {
  const { rows } = await c.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  return rows.reduce((sum, r) => sum + (cpuMs(r.pid) ?? 0), 0);
}

async function run(label: string, counter: BudgetCounter, c: pg.Client, name: string) {
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
  console.log(
    `  ${label.padEnd(34)} ${fmt((cpu.user + cpu.system) / hits, 1)} µs CPU/hit here  ${fmt((db * 1000) / hits, 1)} µs/hit in PostgreSQL  ${fmt((hits / ms) * 1000, 0)} hits/s`,
  );
}

async function main() {
  const name = `opendinar_rlcounter_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const handle = createDb({ kind: 'postgres', url: u.toString() }, { poolSize: 10 });
  try {
    await migrateToLatest(handle.db);
    console.log(
      `per-key counter, ${hits} hits from 50 concurrent callers (load: ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    for (let round = 0; round < 3; round++) {
      const store = databaseStore(handle.db);
      await run('PostgreSQL, exact (before)', exactCounter(store), c, name);
      await run('PostgreSQL, leased', leasedCounter(store), c, name);
      if (argv.includes('--redis')) {
        const { Redis } = await import('ioredis');
        const r = redisStore(
          new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true }),
          `rlc-${process.pid}:`,
        );
        await run('Redis, exact (before)', exactCounter(r), c, name);
        await run('Redis, leased', leasedCounter(r), c, name);
        await r.close();
      }
    }
  } finally {
    await handle.close();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

await main();
