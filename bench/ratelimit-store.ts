// The cost of the per-key rate limit on the cached transactions page: the same server with rate
// limits off, on (the configured shared store: the database, leased), on with Redis (--redis), and
// optionally an older build (--before server/dist-before) with limits on, each variant once per
// round in a rotated order; ratios are medians of within-round ratios to "rate limits off". Beside
// req/s it prints the server's CPU per request and, on PostgreSQL, the CPU of the database's
// backends per request (the counter's other half, on the same cores). Needs server/dist (npm run build).
// Run through `npm run bench -- --ratelimit [--pg] [--redis] [--quick]` (bench/run.ts), or alone:
// npx tsx bench/ratelimit-store.ts [--pg] [--redis] [--before <dir with a main.js>] [--rounds N] [--seconds S]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { cpuMs, fmt, load, median, spawnServer } from './lib.js';

export interface StoreBenchOptions {
  pg?: boolean;
  redis?: boolean;
  /** An older build's directory (with a main.js) measured with limits on beside this one. */
  before?: string;
  /** Rounds (default 5), each variant once per round in a rotated order. */
  rounds?: number;
  /** Seconds of load per variant per round (default 3). */
  seconds?: number;
  log?: (line: string) => void;
}

export interface StoreFigures {
  requestsPerSecond: number;
  /** Server CPU per request, µs. */
  serverUsPerRequest: number;
  /** PostgreSQL backends' CPU per request, µs (0 on SQLite). */
  dbUsPerRequest: number;
  /** Counter rows written per 1000 requests (PostgreSQL). */
  counterWritesPer1000: number;
  /** Median of within-round req/s ratios to "rate limits off" (1 for that variant). */
  onOffRatio: number;
}

const PAGE = '/accounts/acc_rai_001/transactions?limit=50';
const headers = { authorization: 'Bearer od_test_sk_9x2mABC123sandbox' };
const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function backendCpuMs(client: pg.Client | null, name: string): Promise<number> {
  if (!client) return 0;
  const { rows } = await client.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [name],
  );
  return rows.reduce((sum, r) => sum + (cpuMs(r.pid) ?? 0), 0);
}

/** Rows the rate-limit counters have inserted or updated in the bench database (flushed when backends exit). */
async function counterWrites(url: string | null): Promise<number> {
  if (!url) return 0;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ n: string }>(
    "SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0) AS n FROM pg_stat_user_tables WHERE relname = 'rate_limit_windows'",
  );
  await c.end();
  return Number(rows[0]?.n ?? 0);
}

/** Every variant once per round; medians per variant, ratios to "rate limits off". */
export async function benchRatelimitStore(
  opts: StoreBenchOptions = {},
): Promise<Record<string, StoreFigures>> {
  const onPg = opts.pg ?? false;
  const rounds = opts.rounds ?? 5;
  const seconds = opts.seconds ?? 3;
  const before = opts.before;
  const log = opts.log ?? console.log;
  const name = `opendinar_rlbench_${process.pid}`;
  let url: string;
  let client: pg.Client | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-rlbench-'));
  if (onPg) {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    client = new pg.Client({ connectionString: admin });
    await client.connect();
  } else url = `file:${join(dir, 'bench.db')}`;
  const env = {
    DATABASE_URL: url,
    OPENDINAR_DATA_DIR: dir,
    OPENDINAR_DISPATCHER: 'false',
    OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000',
  };
  const shared: Record<string, string> = onPg ? {} : { OPENDINAR_RATE_LIMIT_STORE: 'database' };
  const redis: Record<string, string> = {
    OPENDINAR_RATE_LIMIT_STORE: 'redis',
    REDIS_URL: redisUrl,
    OPENDINAR_REDIS_PREFIX: `rlbench-${process.pid}:`,
  };
  const variants: Array<[string, string, Record<string, string>]> = [
    ['rate limits off', 'server/dist/main.js', { OPENDINAR_RATE_LIMITS: 'false' }],
    [`rate limits on, ${onPg ? 'PostgreSQL' : 'SQLite file'} (leased)`, 'server/dist/main.js', shared],
    ...(opts.redis
      ? [
          ['rate limits on, Redis (leased)', 'server/dist/main.js', redis] as [
            string,
            string,
            Record<string, string>,
          ],
        ]
      : []),
    ...(before
      ? ([
          [`rate limits on, ${onPg ? 'PostgreSQL' : 'SQLite file'}, ${before}`, `${before}/main.js`, shared],
          ...(opts.redis ? [[`rate limits on, Redis, ${before}`, `${before}/main.js`, redis]] : []),
        ] as Array<[string, string, Record<string, string>]>)
      : []),
  ];
  const rps: number[][] = variants.map(() => []);
  const cpu: number[][] = variants.map(() => []);
  const dbCpu: number[][] = variants.map(() => []);
  const writes: number[][] = variants.map(() => []);
  try {
    // The first start migrates and seeds.
    await (await spawnServer(['server/dist/main.js'], env)).stop();
    for (let round = 0; round < rounds; round++) {
      const order = variants.map((_, i) => (i + round) % variants.length);
      if (round % 2) order.reverse();
      for (const i of order) {
        const [label, main, extra] = variants[i] as (typeof variants)[number];
        const w0 = await counterWrites(onPg ? url : null);
        let total = 0;
        const srv = await spawnServer([main], { ...env, ...extra });
        try {
          await load(srv.url + PAGE, headers, 50, 1);
          const c0 = cpuMs(srv.proc.pid);
          const d0 = await backendCpuMs(client, name);
          const r = await load(srv.url + PAGE, headers, 50, seconds);
          const c1 = cpuMs(srv.proc.pid);
          const d1 = await backendCpuMs(client, name);
          if (r.non2xx || r.errors) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
          rps[i]?.push(r.requestsPerSec);
          cpu[i]?.push((((c1 ?? 0) - (c0 ?? 0)) * 1000) / r.total);
          dbCpu[i]?.push(((d1 - d0) * 1000) / r.total);
          total = r.total;
        } finally {
          await srv.stop();
        }
        // A backend's table statistics are flushed when it exits (the server's pool closed above).
        await new Promise((r) => setTimeout(r, 500));
        if (total) writes[i]?.push((((await counterWrites(onPg ? url : null)) - w0) * 1000) / total);
      }
    }
  } finally {
    await client?.end();
    if (onPg) {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  }
  const at = (xs: number[][], i: number): number[] => xs[i] ?? [];
  const ratio = (a: number[], b: number[]) => median(a.map((x, r) => x / (b[r] ?? 1)));
  log(`GET ${PAGE}, 50 connections, ${rounds} rounds × ${seconds} s (${onPg ? 'PostgreSQL' : 'SQLite'})`);
  const out: Record<string, StoreFigures> = {};
  variants.forEach(([label], i) => {
    out[label] = {
      requestsPerSecond: median(at(rps, i)),
      serverUsPerRequest: median(at(cpu, i)),
      dbUsPerRequest: median(at(dbCpu, i)),
      counterWritesPer1000: median(at(writes, i)),
      onOffRatio: i === 0 ? 1 : ratio(at(rps, i), at(rps, 0)),
    };
    const on =
      i === 0
        ? ''
        : `  on/off ${fmt(ratio(at(rps, i), at(rps, 0)), 2)} (by server CPU ${fmt(ratio(at(cpu, 0), at(cpu, i)), 2)})`;
    const d = onPg
      ? `  db ${fmt(median(at(dbCpu, i)), 0)} µs/req  counter writes ${fmt(median(at(writes, i)), 1)}/1000 req (${fmt((median(at(writes, i)) * median(at(rps, i))) / 1000, 0)}/s)`
      : '';
    log(
      `  ${label.padEnd(52)} ${fmt(median(at(rps, i)), 0)} req/s  server ${fmt(median(at(cpu, i)), 0)} µs/req${d}${on}`,
    );
  });
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const opt = (f: string) => (argv.includes(f) ? argv[argv.indexOf(f) + 1] : undefined);
  await benchRatelimitStore({
    pg: argv.includes('--pg'),
    redis: argv.includes('--redis'),
    before: opt('--before'),
    rounds: opt('--rounds') === undefined ? undefined : Number(opt('--rounds')),
    seconds: opt('--seconds') === undefined ? undefined : Number(opt('--seconds')),
  });
}
