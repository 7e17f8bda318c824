// npm run bench [-- --pg] [-- --quick] [-- --page] [-- --enrich] [-- --mixed] [-- --live] [-- --ratelimit [--redis]]: prints figures and ratios against baselines measured in the same run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, fmt, load, median, pgBenchDatabase, ROOT, spawnServer } from './lib.js';

const args = new Set(process.argv.slice(2));
const onPg = args.has('--pg');
const quick = args.has('--quick');
// --page: only the transactions-page comparison (the quick loop while working on the hot path).
const pageOnly = args.has('--page');
// --enrich: only the enrichment figures (normaliser, categoriser, recurring 1k → 100k).
const enrichOnly = args.has('--enrich');
// --mixed: the mixed-load rounds alone (bench/mixed.ts).
const mixedOnly = args.has('--mixed');
// --big: only the big-account figures (1,000,000 transactions: deep pages, sync, recurring, revoke).
const bigOnly = args.has('--big');
// --live: only the live-bank import (bank-sim over XS2A, server/scripts/bench-live.ts).
const liveOnly = args.has('--live');
// --ratelimit: only the rate-limit figures — the cached page with limits off / on (bench/ratelimit-store.ts,
// SQLite file or with --pg PostgreSQL) and, with --pg, the per-key counter alone (bench/ratelimit-counter.ts);
// --redis adds the Redis store to both; --before <dir> adds an older build (a directory with a main.js).
const ratelimitOnly = args.has('--ratelimit');
const seconds = quick ? 3 : 10;
const CONNECTIONS = 50;
const KEY = 'od_test_sk_9x2mABC123sandbox';
const PAGE = '/accounts/acc_rai_001/transactions?limit=50';
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  database: onPg ? 'postgres' : 'sqlite',
  seconds,
  connections: CONNECTIONS,
};

const serverArgs = ['server/dist/main.js'];
const tsx = ['--import', 'tsx'];

async function withDatabase<T>(fn: (url: string) => Promise<T>, pgDb = onPg, suffix = ''): Promise<T> {
  if (!pgDb) {
    const dir = mkdtempSync(join(tmpdir(), 'opendinar-bench-'));
    try {
      return await fn(`file:${join(dir, 'bench.db')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const db = await pgBenchDatabase(`opendinar_bench_${process.pid}${suffix}`);
  try {
    return await fn(db.url);
  } finally {
    await db.drop();
  }
}

const loadAverage = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
};

function line(label: string, value: string) {
  console.log(`  ${label.padEnd(46)} ${value}`);
}

async function startup(): Promise<void> {
  console.log('\n== start-up to first answer (node server/dist/main.js, GET /healthz)');
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < 3; i++) {
    await withDatabase(async (url) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-bench-data-'));
      const env = { DATABASE_URL: url, OPENDINAR_DATA_DIR: dataDir, OPENDINAR_DISPATCHER: 'false' };
      const a = await spawnServer(serverArgs, env);
      fresh.push(a.readyMs);
      await a.stop();
      const b = await spawnServer(serverArgs, env);
      existing.push(b.readyMs);
      await b.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
  }
  line(
    'fresh database (migrate + sandbox seed), median',
    `${fmt(median(fresh), 0)} ms  (runs: ${fresh.map((x) => fmt(x, 0)).join(', ')})`,
  );
  line(
    'existing database, median',
    `${fmt(median(existing), 0)} ms  (runs: ${existing.map((x) => fmt(x, 0)).join(', ')})`,
  );
  line('target', '< 2000 ms');
  report.startup = { freshMedianMs: median(fresh), existingMedianMs: median(existing) };
}

type Row = { label: string; rps: number; p50: number; p99: number };
let releaseBase: () => void = () => {};
let baseDone: Promise<void> = Promise.resolve();

async function transactionsPage(): Promise<void> {
  console.log(
    `\n== GET ${PAGE} — ${CONNECTIONS} connections, ${seconds} s each (autocannon in this process)`,
  );
  await withDatabase(async (url) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-bench-data-'));
    // Rate limits stay on (counted on every request) with a budget the load never reaches.
    const env = {
      DATABASE_URL: url,
      OPENDINAR_DATA_DIR: dataDir,
      OPENDINAR_DISPATCHER: 'false',
      OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000',
    };
    const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
    const withKey = { authorization: `Bearer ${KEY}` };
    const variants: Array<[string, string[], Record<string, string>, Record<string, string>]> = [
      ['bare Fastify, same SQL (baseline)', [...tsx, 'bench/bare-server.ts'], {}, {}],
      ['OpenDinar full stack', serverArgs, {}, withKey],
      ['OpenDinar, page cache off', serverArgs, { OPENDINAR_PAGE_CACHE_MB: '0' }, withKey],
      ['OpenDinar, usage recording off', serverArgs, { OPENDINAR_USAGE_RECORDING: 'false' }, withKey],
      ['OpenDinar, rate limits off', serverArgs, { OPENDINAR_RATE_LIMITS: 'false' }, withKey],
      // Rate limiting's own store is measured by its own ratio above; these leave it out.
      [
        'OpenDinar, page cache off, rate limits off',
        serverArgs,
        { OPENDINAR_PAGE_CACHE_MB: '0', OPENDINAR_RATE_LIMITS: 'false' },
        withKey,
      ],
      [
        'OpenDinar, rate limits off, usage recording off',
        serverArgs,
        { OPENDINAR_RATE_LIMITS: 'false', OPENDINAR_USAGE_RECORDING: 'false' },
        withKey,
      ],
    ];
    // --base <entry>: every OpenDinar variant again on another build (e.g. a copy of the unchanged
    // code's server/dist in server/dist/base/), in the same rounds, for before/after ratios — on a
    // database of its own (a build refuses a database that ran migrations it does not know).
    const baseAt = process.argv.indexOf('--base');
    const baseEntry = baseAt > 0 ? process.argv[baseAt + 1] : undefined;
    const own = variants.length;
    const baseDataDir = mkdtempSync(join(tmpdir(), 'opendinar-bench-data-'));
    const baseUrl = baseEntry
      ? await new Promise<string>((resolve) => {
          // Held open until this bench ends (released below).
          baseDone = withDatabase(
            (u) =>
              new Promise<void>((release) => {
                resolve(u);
                releaseBase = release;
              }),
            onPg,
            '_base',
          );
        })
      : undefined;
    if (baseEntry && baseUrl) {
      for (let i = 1; i < own; i++) {
        const [label, , extraEnv, headers] = variants[i] as (typeof variants)[number];
        variants.push([
          `${label} [base]`,
          [baseEntry],
          { ...extraEnv, DATABASE_URL: baseUrl, OPENDINAR_DATA_DIR: baseDataDir },
          headers,
        ]);
      }
    }
    // The full server first, so the database is migrated and seeded before the bare server opens it.
    // Several rounds, each running every variant once in a rotated (and, every other round, reversed)
    // order; a ratio is taken between runs of the same round, then the median over rounds — so drift
    // on a shared machine weighs on all variants alike.
    const roundsAt = process.argv.indexOf('--rounds');
    const rounds = roundsAt > 0 ? Number(process.argv[roundsAt + 1]) : quick ? 3 : 5;
    const runs: Array<Array<Awaited<ReturnType<typeof load>>>> = variants.map(() => []);
    // Server CPU time per request (µs), per variant and round: steadier than req/s on a shared machine.
    const cpu: number[][] = variants.map(() => []);
    for (let round = 0; round < rounds; round++) {
      const rotated = variants.map((_, i) => (i + 1 + round) % variants.length);
      const order = round % 2 ? rotated.reverse() : rotated;
      for (const i of order) {
        const [label, argv, extraEnv, headers] = variants[i] as (typeof variants)[number];
        const srv = await spawnServer(argv, { ...env, ...extraEnv });
        try {
          await load(srv.url + PAGE, headers, CONNECTIONS, 1); // warm-up
          const c0 = cpuMs(srv.proc.pid);
          const r = await load(srv.url + PAGE, headers, CONNECTIONS, seconds);
          const c1 = cpuMs(srv.proc.pid);
          if (r.non2xx || r.errors) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
          runs[i]?.push(r);
          if (c0 !== null && c1 !== null) cpu[i]?.push(((c1 - c0) * 1000) / r.total);
        } finally {
          await srv.stop();
        }
      }
    }
    const summary = variants.map(([label], i) => {
      const rs = runs[i] ?? [];
      return {
        label,
        rps: median(rs.map((r) => r.requestsPerSec)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
      };
    });
    summary.forEach((v, i) => {
      const us = cpu[i]?.length ? `  server CPU ${fmt(median(cpu[i] ?? []), 0)} µs/req` : '';
      line(v.label, `${fmt(v.rps, 0)} req/s  p50 ${fmt(v.p50, 0)} ms  p99 ${fmt(v.p99, 0)} ms${us}`);
    });
    /** Median over rounds of variant a's rate / variant b's rate in the same round. */
    const ratio = (a: number, b: number): number =>
      median(
        Array.from(
          { length: rounds },
          (_, r) => (runs[a]?.[r]?.requestsPerSec ?? 0) / (runs[b]?.[r]?.requestsPerSec ?? 1),
        ),
      );
    /** Median over rounds of b's CPU per request / a's: the throughput ratio a single core would give. */
    const cpuRatio = (a: number, b: number): number =>
      median(Array.from({ length: rounds }, (_, r) => (cpu[b]?.[r] ?? 0) / (cpu[a]?.[r] ?? 1)));
    const [bare, full] = summary as [Row, Row];
    const r = {
      ratio: ratio(1, 0),
      ratioRateLimitsOff: ratio(4, 0),
      ratioCacheOff: ratio(2, 0),
      ratioCacheOffRateLimitsOff: ratio(5, 0),
      usageRatio: ratio(1, 3),
      usageRatioRateLimitsOff: ratio(4, 6),
      rateLimitRatio: ratio(1, 4),
    };
    const c = {
      ratio: cpuRatio(1, 0),
      ratioRateLimitsOff: cpuRatio(4, 0),
      ratioCacheOff: cpuRatio(2, 0),
      ratioCacheOffRateLimitsOff: cpuRatio(5, 0),
      usageRatio: cpuRatio(1, 3),
      usageRatioRateLimitsOff: cpuRatio(4, 6),
      rateLimitRatio: cpuRatio(1, 4),
    };
    const both = (k: keyof typeof r): string =>
      cpu[0]?.length ? `${fmt(r[k], 2)}   (by server CPU per request: ${fmt(c[k], 2)})` : fmt(r[k], 2);
    console.log(
      `  ratios: median over ${rounds} rounds of the ratio within a round (req/s; in brackets the inverse ratio of server CPU µs per request)`,
    );
    line('ratio cached: full stack / bare (target ≥ 0.80)', both('ratio'));
    line('ratio cached, rate limits off / bare', both('ratioRateLimitsOff'));
    // Issue 14 sets the target on the full stack with the page cache off (rate limits on, as served).
    line('ratio uncached: page cache off / bare (target ≥ 0.80)', both('ratioCacheOff'));
    line('ratio uncached, rate limits off / bare', both('ratioCacheOffRateLimitsOff'));
    line('ratio usage on / usage off (target ≥ 0.95)', both('usageRatio'));
    line('ratio usage on / off, rate limits off', both('usageRatioRateLimitsOff'));
    line('ratio rate limits on / off (target ≥ 0.95)', both('rateLimitRatio'));
    // Idempotency hooks sit on the idempotent POST routes only, so on this GET page the overhead of
    // "idempotency + rate limiting" is the per-key budget counted in the shared store (the database).
    line(
      'overhead of rate limits + idempotency (≤ 5 %)',
      `${fmt((1 / r.rateLimitRatio - 1) * 100, 1)} %  (median of within-round ratios, limits on vs off)`,
    );
    line('full stack p99 (target ≤ 25 ms)', `${fmt(full.p99, 0)} ms  (bare: ${fmt(bare.p99, 0)} ms)`);
    if (baseEntry) {
      console.log(
        `  this build / ${baseEntry}, same variant, by server CPU per request (median of within-round ratios):`,
      );
      for (let i = 1; i < own; i++)
        line(
          `${variants[i]?.[0]}`,
          `${fmt(cpuRatio(i, own + i - 1), 2)}  (req/s: ${fmt(ratio(i, own + i - 1), 2)})`,
        );
      const baseR = (a: number, b: number) => ({
        rps: ratio(own + a - 1, b === 0 ? 0 : own + b - 1),
        cpu: cpuRatio(own + a - 1, b === 0 ? 0 : own + b - 1),
      });
      for (const [label, a, b] of [
        ['base: uncached / bare', 2, 0],
        ['base: uncached, rate limits off / bare', 5, 0],
        ['base: usage on / off', 1, 3],
        ['base: usage on / off, rate limits off', 4, 6],
      ] as const) {
        const x = baseR(a, b);
        line(label, `${fmt(x.rps, 2)}   (by server CPU per request: ${fmt(x.cpu, 2)})`);
      }
    }
    releaseBase();
    await baseDone;
    rmSync(baseDataDir, { recursive: true, force: true });
    report.transactionsPage = {
      variants: summary,
      cpuMicrosPerRequest: variants.map(([label], i) => ({ label, median: median(cpu[i] ?? []) })),
      cpuRatios: c,
      ...r,
      p99: full.p99,
    };
    rmSync(dataDir, { recursive: true, force: true });
  });
}

async function optional(
  name: string,
  file: string,
  fn: (mod: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  if (!existsSync(join(ROOT, 'bench', file))) {
    console.log(`\n== ${name}: bench/${file} not present`);
    return;
  }
  await fn(await import(`./${file.replace(/\.ts$/, '.js')}`));
}

async function main() {
  console.log(`OpenDinar bench — ${onPg ? 'PostgreSQL' : 'embedded SQLite'}${quick ? ' (quick)' : ''}`);
  const enrichFigures = async (): Promise<void> =>
    optional('enrichment', 'enrich.ts', async (m) => {
      console.log('\n== enrichment: normaliser, categoriser, recurring detection');
      const r = (m.benchEnrich as (quick: boolean) => Record<string, number>)(quick);
      for (const [k, v] of Object.entries(r)) line(k, fmt(v, k.includes('/s') ? 0 : 2));
      report.enrich = r;
    });
  // The live path: first import and a refresh of bank-sim's big10000 (10,000 transactions) through the
  // XS2A connector, with the requests each made to the bank (its own process: it starts bank-sim).
  const liveFigures = (): void => {
    console.log('\n== live bank (bank-sim over XS2A): first import and refresh of 10,000 transactions');
    const cmd = onPg
      ? ['node', 'scripts/with-pg.mjs', 'npx', 'tsx', 'scripts/bench-live.ts']
      : ['npx', 'tsx', 'scripts/bench-live.ts'];
    execFileSync(cmd[0] as string, cmd.slice(1), { cwd: join(ROOT, 'server'), stdio: 'inherit' });
  };
  if (liveOnly) {
    liveFigures();
    return;
  }
  if (enrichOnly) {
    await enrichFigures();
    return;
  }
  execFileSync(process.execPath, ['server/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (ratelimitOnly) {
    const { benchRatelimitStore } = await import('./ratelimit-store.js');
    const beforeArg = process.argv.indexOf('--before');
    console.log(
      `\n== rate limits: the cached transactions page with limits off and on (bench/ratelimit-store.ts)`,
    );
    report.ratelimitStore = await benchRatelimitStore({
      pg: onPg,
      redis: args.has('--redis'),
      ...(beforeArg > 0 ? { before: process.argv[beforeArg + 1] } : {}),
      rounds: quick ? 2 : 5,
      seconds: quick ? 2 : 3,
    });
    if (onPg) {
      console.log(
        '\n== rate limits: the per-key counter alone, exact and leased (bench/ratelimit-counter.ts)',
      );
      const { benchRatelimitCounter } = await import('./ratelimit-counter.js');
      report.ratelimitCounter = await benchRatelimitCounter({
        redis: args.has('--redis'),
        hits: quick ? 5_000 : 20_000,
        rounds: quick ? 2 : 3,
      });
    }
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      join(ROOT, 'artifacts', `bench-ratelimit-${onPg ? 'pg' : 'sqlite'}.json`),
      JSON.stringify(report, null, 2),
    );
    return;
  }
  if (bigOnly) {
    const n = Number(process.env.BENCH_BIG_N ?? 1_000_000);
    console.log(
      `\n== big account: ${n.toLocaleString('en-US')} transactions (bench/big.ts; page cache and rate limits off)`,
    );
    const { benchBig } = await import('./big.js');
    report.big = await withDatabase((url) => benchBig({ databaseUrl: url, n, quick, line }));
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      join(ROOT, 'artifacts', `bench-big-${onPg ? 'pg' : 'sqlite'}.json`),
      JSON.stringify(report, null, 2),
    );
    return;
  }
  if (mixedOnly) {
    const roundSeconds = quick ? 8 : 30;
    const numberArg = (name: string, fallback: number) => {
      const i = process.argv.indexOf(name);
      return i > 0 ? Number(process.argv[i + 1]) : fallback;
    };
    const runs = numberArg('--runs', 3);
    const rounds = numberArg('--rounds', 2);
    // --clients 32: one client count instead of 32 and 128.
    const clientCounts = process.argv.includes('--clients') ? [numberArg('--clients', 32)] : [32, 128];
    // Both databases unless one is named.
    const databases: Array<'sqlite' | 'postgres'> = onPg
      ? ['postgres']
      : args.has('--sqlite')
        ? ['sqlite']
        : ['sqlite', 'postgres'];
    // A paired A/B: BENCH_BASE_ENTRY (e.g. a copy of the unchanged build in server/dist/base/) runs
    // beside the build under test in every run, the order alternating run by run.
    const entries: Array<[string, string | undefined]> = process.env.BENCH_BASE_ENTRY
      ? [
          ['new', process.env.BENCH_SERVER_ENTRY],
          ['base', process.env.BENCH_BASE_ENTRY],
        ]
      : [['', undefined]];
    const { benchMixed } = await import('./mixed.js');
    type Rounds = Awaited<ReturnType<typeof benchMixed>>;
    const mixed: Record<string, Rounds[]> = {};
    for (const database of databases) {
      console.log(
        `\n== mixed load on ${database}, ${runs} runs of ${rounds} × ${roundSeconds} s per client count (pages 40 %, balances 25 %, sync 20 %, usage 10 %, connection flows 5 %)` +
          (process.env.BENCH_SERVER_ENTRY ? ` — server ${process.env.BENCH_SERVER_ENTRY}` : '') +
          (process.env.BENCH_BASE_ENTRY ? ` — paired with base ${process.env.BENCH_BASE_ENTRY}` : ''),
      );
      for (const [label] of entries) mixed[`${database}${label ? `:${label}` : ''}`] = [];
      for (let run = 1; run <= runs; run++) {
        const order = run % 2 === 1 ? entries : [...entries].reverse();
        for (const [label, entry] of order) {
          console.log(`  -- run ${run}/${runs}${label ? ` (${label})` : ''}; load ${loadAverage()}`);
          mixed[`${database}${label ? `:${label}` : ''}`]?.push(
            await withDatabase(
              (url) =>
                benchMixed({
                  databaseUrl: url,
                  seconds: roundSeconds,
                  clientCounts,
                  rounds,
                  ...(entry ? { entry } : {}),
                  log: console.log,
                }),
              database === 'postgres',
            ),
          );
        }
      }
      const summaries: Record<string, Record<string, number>> = {};
      for (const [label] of entries) {
        const name = `${database}${label ? `:${label}` : ''}`;
        console.log(`  -- ${name}: medians over ${runs} runs`);
        for (const clients of clientCounts) {
          // Pairs of rounds 1 and 2 of each run at this client count.
          const pairs = (mixed[name] ?? []).flatMap((rs) => {
            const a = rs.find((r) => r.clients === clients && r.round === 1);
            const b = rs.find((r) => r.clients === clients && r.round === 2);
            return a && b ? [[a, b] as const] : [];
          });
          const r1 = pairs.map(([a]) => a);
          const r2 = pairs.map(([, b]) => b);
          const ratios = pairs.map(([a, b]) => b.rps / a.rps);
          const ratio = median(ratios);
          const readP99 = (r: Rounds[number]) =>
            Math.max(...['page', 'balance', 'sync', 'usage'].map((k) => r.kinds[k]?.p99 ?? 0));
          const all = [...r1, ...r2];
          const s: Record<string, number> = {
            'req/s': median(all.map((r) => r.rps)),
            'round 2 / round 1': ratio,
            'worst read p99 ms': median(all.map(readP99)),
            'page p99 ms': median(all.map((r) => r.kinds.page?.p99 ?? 0)),
            'balance p99 ms': median(all.map((r) => r.kinds.balance?.p99 ?? 0)),
            'sync p99 ms': median(all.map((r) => r.kinds.sync?.p99 ?? 0)),
            'usage p99 ms': median(all.map((r) => r.kinds.usage?.p99 ?? 0)),
            'event-loop p99 ms': median(all.map((r) => r.eventLoopP99Ms)),
            'exchange p50 ms': median(all.map((r) => r.kinds.exchange?.p50 ?? 0)),
            'main CPU ms/request': median(all.map((r) => r.mainMsPerRequest)),
            'all CPU ms/request': median(all.map((r) => r.allMsPerRequest)),
            'RSS round 1 MB': median(r1.map((r) => r.rssMb)),
            'RSS round 2 MB': median(r2.map((r) => r.rssMb)),
          };
          summaries[`${label}:${clients}`] = s;
          console.log(
            `  ${String(clients).padStart(3)} clients: round 2 / round 1 throughput median ${fmt(ratio, 2)} ` +
              `(runs: ${ratios.map((x) => fmt(x, 2)).join(', ')}; target ≥ 0.90); ` +
              `req/s median ${fmt(median(all.map((r) => r.rps)), 0)}; worst read p99 median ${fmt(median(all.map(readP99)), 1)} ms; ` +
              `balance p99 median ${fmt(median(all.map((r) => r.kinds.balance?.p99 ?? 0)), 1)} ms; ` +
              `flow p50 median ${fmt(median(all.map((r) => r.kinds.flow?.p50 ?? 0)), 0)} ms ` +
              `(exchange p50 ${fmt(median(all.map((r) => r.kinds.exchange?.p50 ?? 0)), 0)} ms); ` +
              `server CPU median ${fmt(median(all.map((r) => r.mainCpu * 100)), 0)} % main thread / ` +
              `${fmt(median(all.map((r) => r.allCpu * 100)), 0)} % all ` +
              `(${fmt(s['main CPU ms/request'] ?? 0, 2)} / ${fmt(s['all CPU ms/request'] ?? 0, 2)} ms per request); ` +
              `event-loop p99 median ${fmt(median(all.map((r) => r.eventLoopP99Ms)), 1)} ms; ` +
              `errors ${all.reduce((n, r) => n + r.errors, 0)}; ` +
              `RSS round 1 → 2 median ${fmt(median(r1.map((r) => r.rssMb)), 0)} → ${fmt(median(r2.map((r) => r.rssMb)), 0)} MB ` +
              `(main JS heap used ${fmt(median(r1.map((r) => r.heapUsedMb)), 0)} → ${fmt(median(r2.map((r) => r.heapUsedMb)), 0)} MB)`,
          );
        }
        // Main-thread CPU per request of each kind alone, median over runs.
        const kinds = ['page', 'balance', 'sync', 'usage', 'flow'];
        console.log(
          `  main-thread CPU per request (each kind alone), median: ${kinds
            .map((k) => {
              const xs = (mixed[name] ?? []).flatMap((rs) => {
                const c = rs[0]?.costs?.[k];
                return c ? [c.mainMs] : [];
              });
              return `${k} ${fmt(median(xs), 2)} ms`;
            })
            .join('; ')}`,
        );
      }
      if (entries.length === 2) {
        console.log(`  -- ${database}: new / base, ratio of the medians above`);
        for (const clients of [32, 128]) {
          const n = summaries[`new:${clients}`] ?? {};
          const b = summaries[`base:${clients}`] ?? {};
          console.log(
            `  ${String(clients).padStart(3)} clients: ${Object.keys(n)
              .map(
                (k) =>
                  `${k} ${fmt(b[k] ?? 0, 2)} → ${fmt(n[k] ?? 0, 2)} (${fmt((n[k] ?? 0) / (b[k] ?? 1), 2)})`,
              )
              .join('; ')}`,
          );
        }
      }
    }
    report.mixed = mixed;
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'artifacts', 'bench-mixed.json'), JSON.stringify(report, null, 2));
    return;
  }
  await optional('sdk size', 'sdk-size.ts', async (m) => {
    console.log('\n== @opendinar/node SDK (sdk/dist, minified)');
    const r = (
      m.sdkSize as () => Record<
        'esmGzipBytes' | 'cjsGzipBytes' | 'cliGzipBytes' | 'runtimeDependencies',
        number
      >
    )();
    line('client ESM gzipped (target < 15 KB)', `${fmt(r.esmGzipBytes / 1024, 1)} KiB`);
    line('client CJS gzipped', `${fmt(r.cjsGzipBytes / 1024, 1)} KiB`);
    line('CLI gzipped', `${fmt(r.cliGzipBytes / 1024, 1)} KiB`);
    line('runtime dependencies (target 0)', String(r.runtimeDependencies));
    report.sdk = r;
  });
  if (!pageOnly) await startup();
  await transactionsPage();
  if (!onPg && !pageOnly) {
    await optional('webhook deliveries', 'webhooks.ts', async (m) => {
      console.log('\n== webhook deliveries to a local receiver (embedded database)');
      const r = await (
        m.benchWebhookDeliveries as () => Promise<{ deliveriesPerSecond: number; n: number }>
      )();
      line(`deliveries/s over ${r.n} events (target ≥ 500)`, fmt(r.deliveriesPerSecond, 0));
      report.webhooks = r;
    });
    await optional('sync', 'sync.ts', async (m) => {
      console.log('\n== sync, recurring and categoriser');
      const r = await (m.benchSync as () => Promise<Record<string, number | string>>)();
      for (const [k, v] of Object.entries(r)) line(k, typeof v === 'number' ? fmt(v, 2) : v);
      report.sync = r;
    });
    await enrichFigures();
    liveFigures();
    await optional('dashboard size', 'dashboard-size.ts', async (m) => {
      console.log('\n== dashboard bundle');
      const r = (m.dashboardBundleSize as () => Record<string, number>)();
      for (const [k, v] of Object.entries(r)) line(k, `${fmt(v / 1024, 1)} KiB`);
      report.dashboard = r;
    });
    await optional('dashboard first load', 'dashboard-load.ts', async (m) => {
      console.log('\n== dashboard first load in headless Chromium (cold browser context, median)');
      const r = await (m.benchDashboardLoad as () => Promise<Record<string, number> | null>)();
      if (!r) return console.log('  /usr/bin/chromium not installed: skipped');
      for (const [k, v] of Object.entries(r)) line(k, fmt(v, 0));
      report.dashboardLoad = r;
    });
  }
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  writeFileSync(
    join(ROOT, 'artifacts', `bench-${onPg ? 'pg' : 'sqlite'}.json`),
    JSON.stringify(report, null, 2),
  );
  console.log(`\nreport written to artifacts/bench-${onPg ? 'pg' : 'sqlite'}.json`);
}

await main();
