// npm run bench -- --mixed [--sqlite | --pg] [--quick] [--runs N]: the mixed load (transaction pages,
// balances, sync pages, usage reads and sandbox connection flows) at 32 and 128 clients, two rounds
// each, against one server process per run, on SQLite and PostgreSQL. Prints per round: throughput,
// p50/p99 per request kind, event-loop delay p99 (the server's own /metrics: prom-client's
// perf_hooks.monitorEventLoopDelay histogram, reset at each scrape), errors and the server's RSS; then,
// over the runs, the median round-2/round-1 throughput ratio per client count.
// BENCH_SERVER_ENTRY="[node flags] path/to/main.js" runs another build (a before-run of unchanged code)
// or the same one under a profiler ("--cpu-prof --cpu-prof-dir=/tmp/prof server/dist/main.js");
// BENCH_BASE_ENTRY (bench/run.ts) alternates two builds run by run for a paired A/B.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, jsonClient, median, postgresCpuMs, spawnServer } from './lib.js';

const METRICS_TOKEN = 'bench-metrics-token-0123456789';

type Kind = 'page' | 'balance' | 'sync' | 'usage' | 'flow';
/** The flow's own steps, timed inside each flow (not counted as requests of their own). */
type Step = 'exchange' | 'revoke';
/** Share of each kind in the mix (a flow is 4 requests: connect, authorize, exchange, revoke). */
const MIX: Array<[Kind, number]> = [
  ['page', 40],
  ['balance', 25],
  ['sync', 20],
  ['usage', 10],
  ['flow', 5],
];

/** Server errors and failed calls by route and status, since the last take: printed per round. */
const failures = new Map<string, number>();
function failed(method: string, path: string, what: string): void {
  const route = (path.split('?')[0] ?? '').replace(/\/(acc|conn)_[A-Za-z0-9]+/g, '/:id');
  const k = `${method} ${route} ${what}`;
  failures.set(k, (failures.get(k) ?? 0) + 1);
}

const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

/**
 * CPU seconds the server has used so far: its main thread (the event loop) and all its threads
 * (worker pool, SQLite writer, GC helpers), from /proc; undefined where /proc is not available.
 */
function cpuOf(pid: number | undefined): { main: number; all: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const ticks = (path: string) => {
      // Fields after the command name "(…)": utime and stime are the 12th and 13th.
      const f = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(f[11]) + Number(f[12])) / 100; // USER_HZ is 100 on Linux
    };
    return { main: ticks(`/proc/${pid}/task/${pid}/stat`), all: ticks(`/proc/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

/** CPU seconds so far of each thread of a process, by thread id (/proc/<pid>/task); empty where unavailable. */
function threadCpuOf(pid: number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (pid === undefined) return out;
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        out.set(tid, (Number(f[11]) + Number(f[12])) / 100);
      } catch {
        // the thread ended
      }
    }
  } catch {
    // no /proc
  }
  return out;
}

export interface KindCost {
  n: number;
  /** Server main-thread CPU per request (a flow: per whole flow of four requests), ms. */
  mainMs: number;
  /** Server CPU of all threads per request, ms. */
  allMs: number;
  p50: number;
}

export interface RoundResult {
  clients: number;
  round: number;
  rps: number;
  errors: number;
  eventLoopP99Ms: number;
  rssMb: number;
  /** The main thread's V8 heap in use and its external (Buffer, off-heap) memory at the round's end, MB: RSS minus these is native memory (SQLite, worker threads' heaps, the allocator's arenas). */
  heapUsedMb: number;
  externalMb: number;
  /** Server CPU per answered request over the round (a flow counts as its four requests), ms: main thread, all threads. */
  mainMsPerRequest: number;
  allMsPerRequest: number;
  /** Server CPU over the round as a share of one core: main thread, and all threads. */
  mainCpu: number;
  allCpu: number;
  /** The busiest other server threads over the round (worker threads, the SQLite writer, GC and libuv helpers), share of one core each. */
  otherThreadsCpu: number[];
  /** The bench process's own CPU over the round (the load generator shares the machine's cores), share of one core. */
  clientCpu: number;
  /** CPU of every postgres process on the machine over the round, as a share of one core (NaN on SQLite). */
  postgresCpu: number;
  kinds: Record<string, { n: number; p50: number; p99: number }>;
  /** Main-thread CPU per request of each kind, measured alone before the rounds (same on every round of a run). */
  costs?: Record<string, KindCost>;
}

export async function benchMixed(opts: {
  databaseUrl: string;
  seconds: number;
  clientCounts: number[];
  /** Rounds per client count (2 unless asked: more tell a bounded cache filling from a leak). */
  rounds?: number;
  /** "[node flags] path/to/main.js"; BENCH_SERVER_ENTRY or server/dist/main.js unless given. */
  entry?: string;
  log: (s: string) => void;
}): Promise<RoundResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-mixed-'));
  const onPostgres = opts.databaseUrl.startsWith('postgres');
  const entry = opts.entry ?? process.env.BENCH_SERVER_ENTRY ?? 'server/dist/main.js';
  const srv = await spawnServer(entry.split(' '), {
    DATABASE_URL: opts.databaseUrl,
    OPENDINAR_DATA_DIR: dataDir,
    // Background jobs on, as served: the flows' revocations delete their data (connections/purge.ts) on
    // the writer, as in production; with them off the database only grew (1.7 GB and 2.2 M rows after
    // 4 × 30 s on SQLite) and each round was slower than the last. No webhooks are registered.
    OPENDINAR_DISPATCHER: 'true',
    OPENDINAR_METRICS_TOKEN: METRICS_TOKEN,
    // The bench measures queueing; it must not be shed, nor rate-limited (one key makes every call).
    OPENDINAR_SHED_EVENT_LOOP_DELAY_MS: '0',
    OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000',
    OPENDINAR_RATE_LIMIT_SESSION_PER_MINUTE: '1000000000',
    OPENDINAR_RATE_LIMIT_SANDBOX_CONNECTIONS_PER_HOUR: '1000000000',
  });
  const results: RoundResult[] = [];
  try {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
    const call = jsonClient(srv.url, agent, failed);
    const reg = await call('POST', '/developers/register', undefined, {
      email: `mixed-${Date.now()}@example.com`,
      password: 'correct horse battery',
      name: 'Mixed load',
    });
    if (reg.status !== 201) throw new Error(`register: ${reg.status} ${reg.body}`);
    const registered = JSON.parse(reg.body) as { session_token: string; api_key: { key: string } };
    const key = registered.api_key.key;
    const session = registered.session_token;
    let users = 0;
    let steps: Record<Step, number[]> = { exchange: [], revoke: [] };
    const flow = async (keep: boolean): Promise<boolean> => {
      users += 1;
      const c = await call('POST', '/connect', key, {
        bank_id: 'raiffeisen',
        user_id: `user_mixed_${users}`,
        redirect_url: 'https://app.example.com/done',
      });
      if (c.status !== 201) return false;
      const a = await call('POST', '/sandbox/authorize', undefined, {
        session_token: (JSON.parse(c.body) as { session_token: string }).session_token,
      });
      if (a.status !== 200) return false;
      const tx = performance.now();
      const x = await call('POST', '/connect/exchange', key, {
        public_token: (JSON.parse(a.body) as { public_token: string }).public_token,
      });
      if (x.status !== 200) return false;
      steps.exchange.push(performance.now() - tx);
      if (keep) return true;
      const td = performance.now();
      const d = await call(
        'DELETE',
        `/connections/${(JSON.parse(x.body) as { connection_id: string }).connection_id}`,
        key,
      );
      if (d.status !== 200) return false;
      steps.revoke.push(performance.now() - td);
      return true;
    };
    // Two lasting connections: the accounts every read goes to.
    for (let i = 0; i < 2; i++) if (!(await flow(true))) throw new Error('set-up connection flow failed');
    const accounts = (
      JSON.parse((await call('GET', '/accounts', key)).body) as { accounts: Array<{ id: string }> }
    ).accounts.map((a) => a.id);
    const scrape = async (): Promise<(name: string) => number> => {
      const text = (await call('GET', '/metrics', METRICS_TOKEN)).body;
      return (name) => {
        const m = new RegExp(`^${name} ([0-9.e+-]+)`, 'm').exec(text);
        return m ? Number(m[1]) : Number.NaN;
      };
    };
    const total = MIX.reduce((s, [, w]) => s + w, 0);
    const pick = (): Kind => {
      let r = Math.random() * total;
      for (const [k, w] of MIX) {
        r -= w;
        if (r < 0) return k;
      }
      return 'page';
    };
    const acct = () => accounts[Math.floor(Math.random() * accounts.length)] as string;

    const cursors = new Map<number, string>();
    /** One request of this kind (a whole flow for 'flow'); true when answered as expected. */
    const one = async (kind: Kind, id: number): Promise<boolean> => {
      try {
        if (kind === 'page') {
          const offset = Math.floor(Math.random() * 4) * 50;
          return (
            (await call('GET', `/accounts/${acct()}/transactions?limit=50&offset=${offset}`, key)).status ===
            200
          );
        }
        if (kind === 'balance') return (await call('GET', `/accounts/${acct()}/balance`, key)).status === 200;
        if (kind === 'sync') {
          const r = await call(
            'GET',
            `/accounts/${accounts[id % accounts.length]}/transactions?cursor=${encodeURIComponent(cursors.get(id) ?? '')}&limit=100`,
            key,
          );
          if (r.status !== 200) return false;
          const b = JSON.parse(r.body) as { next_cursor: string; has_more: boolean };
          cursors.set(id, b.has_more ? b.next_cursor : '');
          return true;
        }
        if (kind === 'usage') return (await call('GET', '/developers/usage', session)).status === 200;
        return await flow(false);
      } catch {
        return false;
      }
    };

    // Each kind alone first, a few clients, to price it: server CPU per request on the main thread
    // (what every other request waits behind) and on all threads.
    const costs: Record<string, KindCost> = {};
    const COST_N: Record<Kind, number> = { page: 400, balance: 400, sync: 400, usage: 100, flow: 30 };
    for (const [kind] of MIX) {
      const before = cpuOf(srv.proc.pid);
      const took: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async (_, id) => {
          while (next < COST_N[kind]) {
            next += 1;
            const t0 = performance.now();
            if (await one(kind, 1000 + id)) took.push(performance.now() - t0);
          }
        }),
      );
      const after = cpuOf(srv.proc.pid);
      if (before && after && took.length > 0) {
        costs[kind] = {
          n: took.length,
          mainMs: ((after.main - before.main) * 1000) / took.length,
          allMs: ((after.all - before.all) * 1000) / took.length,
          p50: pct(took, 50),
        };
      }
    }
    opts.log(
      `  main-thread CPU per request, each kind alone (4 clients): ${Object.entries(costs)
        .map(([k, c]) => `${k} ${fmt(c.mainMs, 2)} ms (all threads ${fmt(c.allMs, 2)})`)
        .join('; ')}`,
    );

    for (const clients of opts.clientCounts) {
      for (let round = 1; round <= (opts.rounds ?? 2); round++) {
        const lat: Record<Kind, number[]> = { page: [], balance: [], sync: [], usage: [], flow: [] };
        let errors = 0;
        let requests = 0;
        await scrape(); // prom-client resets the delay histogram per scrape
        const started = performance.now();
        const deadline = started + opts.seconds * 1000;
        steps = { exchange: [], revoke: [] };
        failures.clear();
        const cpu0 = cpuOf(srv.proc.pid);
        const threads0 = threadCpuOf(srv.proc.pid);
        const client0 = process.cpuUsage();
        const pg0 = onPostgres ? postgresCpuMs() : null;
        const worker = async (id: number) => {
          while (performance.now() < deadline) {
            const kind = pick();
            const t0 = performance.now();
            const ok = await one(kind, id);
            if (ok) {
              lat[kind].push(performance.now() - t0);
              requests += kind === 'flow' ? 4 : 1;
            } else errors += 1;
          }
        };
        await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
        const elapsed = (performance.now() - started) / 1000;
        const cpu1 = cpuOf(srv.proc.pid);
        const threads1 = threadCpuOf(srv.proc.pid);
        const client1 = process.cpuUsage(client0);
        const pg1 = onPostgres ? postgresCpuMs() : null;
        const otherThreadsCpu = [...threads1]
          .filter(([tid]) => tid !== String(srv.proc.pid))
          .map(([tid, s]) => (s - (threads0.get(tid) ?? 0)) / elapsed)
          .sort((x, y) => y - x)
          .slice(0, 3);
        const metric = await scrape();
        const loopP99 = metric('nodejs_eventloop_lag_p99_seconds') * 1000;
        const MB = 1024 * 1024;
        const rss = metric('process_resident_memory_bytes') / MB;
        const kinds = Object.fromEntries(
          [...Object.entries(lat), ...Object.entries(steps)].map(([k, xs]) => [
            k,
            { n: xs.length, p50: pct(xs, 50), p99: pct(xs, 99) },
          ]),
        );
        const r: RoundResult = {
          clients,
          round,
          rps: requests / elapsed,
          errors,
          eventLoopP99Ms: loopP99,
          rssMb: rss,
          heapUsedMb: metric('nodejs_heap_size_used_bytes') / MB,
          externalMb: metric('nodejs_external_memory_bytes') / MB,
          mainMsPerRequest: cpu0 && cpu1 ? ((cpu1.main - cpu0.main) * 1000) / requests : Number.NaN,
          allMsPerRequest: cpu0 && cpu1 ? ((cpu1.all - cpu0.all) * 1000) / requests : Number.NaN,
          mainCpu: cpu0 && cpu1 ? (cpu1.main - cpu0.main) / elapsed : Number.NaN,
          allCpu: cpu0 && cpu1 ? (cpu1.all - cpu0.all) / elapsed : Number.NaN,
          otherThreadsCpu,
          clientCpu: (client1.user + client1.system) / 1e6 / elapsed,
          postgresCpu: pg0 !== null && pg1 !== null ? (pg1 - pg0) / 1000 / elapsed : Number.NaN,
          kinds,
          costs,
        };
        results.push(r);
        opts.log(
          `  ${String(clients).padStart(3)} clients, round ${round}: ${fmt(r.rps, 0)} req/s, errors ${errors}, ` +
            `event-loop p99 ${fmt(loopP99, 1)} ms, RSS ${fmt(rss, 0)} MB (main JS heap used ${fmt(r.heapUsedMb, 0)} MB, external ${fmt(r.externalMb, 0)} MB), ` +
            `server CPU ${fmt(r.mainCpu * 100, 0)} % main thread / ${fmt(r.allCpu * 100, 0)} % all threads ` +
            `(${fmt(r.mainMsPerRequest, 2)} / ${fmt(r.allMsPerRequest, 2)} ms per request; busiest other threads ${otherThreadsCpu.map((x) => `${fmt(x * 100, 0)} %`).join(', ')}); ` +
            `bench client CPU ${fmt(r.clientCpu * 100, 0)} %; ` +
            (onPostgres ? `PostgreSQL processes CPU ${fmt(r.postgresCpu * 100, 0)} %; ` : '') +
            `load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
        );
        if (failures.size > 0) {
          opts.log(`      failed calls: ${[...failures].map(([k, n]) => `${k} × ${n}`).join('; ')}`);
        }
        for (const [k, v] of Object.entries(kinds)) {
          opts.log(
            `      ${(k === 'exchange' || k === 'revoke' ? `  ${k}` : k).padEnd(10)} n ${String(v.n).padStart(6)}  p50 ${fmt(v.p50, 1).padStart(7)} ms  p99 ${fmt(v.p99, 1).padStart(7)} ms`,
          );
        }
      }
      const mine = results.filter((r) => r.clients === clients);
      const [a, b] = mine as [RoundResult, RoundResult];
      opts.log(
        `      round 2 / round 1 throughput: ${fmt(b.rps / a.rps, 2)} (target ≥ 0.90); RSS ${mine.map((r) => fmt(r.rssMb, 0)).join(' → ')} MB; main JS heap used ${mine.map((r) => fmt(r.heapUsedMb, 0)).join(' → ')} MB`,
      );
    }
    agent.destroy();
  } finally {
    await srv.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

export const medianOf = median;
