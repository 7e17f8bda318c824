// npx tsx bench/flow-cost.ts [entry ...]: server main-thread CPU per connection-flow step (connect,
// authorize, exchange, revoke — the answer only: with OPENDINAR_DISPATCHER=false, as in the mixed
// bench, a revoked connection's data is not deleted in the background), one client, on
// PostgreSQL (PG_ADMIN_URL or postgres://postgres@127.0.0.1:5432/postgres; a database of its own per
// entry). Each entry (default server/dist/main.js; e.g. server/dist/base/main.js for a pair) runs
// FLOWS flows (default 60) after 10 warm-up flows, three times alternating; prints medians. CPU time
// from /proc (PostgreSQL: every postgres process on the machine), so it is far less sensitive to other load on the machine than latencies are.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { jsonClient, median, pgBenchDatabase, postgresCpuMs, spawnServer } from './lib.js';

const entries = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['server/dist/main.js'];
const FLOWS = Number(process.env.FLOWS ?? 60);
type Step = 'connect' | 'authorize' | 'exchange' | 'revoke';
const STEPS: Step[] = ['connect', 'authorize', 'exchange', 'revoke'];

type Cost = { main: number; all: number; pg: number };

function cpu(pid: number): Cost {
  const ticks = (p: string) => {
    const f = readFileSync(p, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(f[11]) + Number(f[12])) * 10; // ms
  };
  return {
    main: ticks(`/proc/${pid}/task/${pid}/stat`),
    all: ticks(`/proc/${pid}/stat`),
    pg: postgresCpuMs() ?? 0,
  };
}

async function once(entry: string, run: number): Promise<Record<Step, Cost>> {
  const db = await pgBenchDatabase(`opendinar_flowcost_${process.pid}_${run}`);
  const url = new URL(db.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-flowcost-'));
  const srv = await spawnServer(entry.split(' '), {
    DATABASE_URL: url.toString(),
    OPENDINAR_DATA_DIR: dataDir,
    OPENDINAR_DISPATCHER: 'false',
    OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000',
    OPENDINAR_RATE_LIMIT_SANDBOX_CONNECTIONS_PER_HOUR: '1000000000',
  });
  const pid = srv.proc.pid as number;
  const d = new pg.Client({ connectionString: url.toString() });
  await d.connect();
  const agent = new http.Agent({ keepAlive: true });
  const call = jsonClient(srv.url, agent);
  const sum: Record<Step, Cost> = {
    connect: { main: 0, all: 0, pg: 0 },
    authorize: { main: 0, all: 0, pg: 0 },
    exchange: { main: 0, all: 0, pg: 0 },
    revoke: { main: 0, all: 0, pg: 0 },
  };
  try {
    const reg = await call('POST', '/developers/register', undefined, {
      email: `flowcost-${Date.now()}@example.com`,
      password: 'correct horse battery',
      name: 'Flow cost',
    });
    const key = (JSON.parse(reg.body) as { api_key: { key: string } }).api_key.key;
    let users = 0;
    const step = async (s: Step, count: boolean, fn: () => Promise<{ status: number; body: string }>) => {
      const a = cpu(pid);
      const r = await fn();
      if (r.status >= 300) throw new Error(`${s}: ${r.status} ${r.body}`);
      const b = cpu(pid);
      if (count) {
        sum[s].main += b.main - a.main;
        sum[s].all += b.all - a.all;
        sum[s].pg += b.pg - a.pg;
      }
      return r;
    };
    for (let i = 0; i < FLOWS + 10; i++) {
      const count = i >= 10;
      users += 1;
      const cs = await step('connect', count, () =>
        call('POST', '/connect', key, {
          bank_id: 'raiffeisen',
          user_id: `user_flow_${users}`,
          redirect_url: 'https://app.example.com/done',
        }),
      );
      const au = await step('authorize', count, () =>
        call('POST', '/sandbox/authorize', undefined, {
          session_token: (JSON.parse(cs.body) as { session_token: string }).session_token,
        }),
      );
      const ex = await step('exchange', count, () =>
        call('POST', '/connect/exchange', key, {
          public_token: (JSON.parse(au.body) as { public_token: string }).public_token,
        }),
      );
      await step('revoke', count, () =>
        call(
          'DELETE',
          `/connections/${(JSON.parse(ex.body) as { connection_id: string }).connection_id}`,
          key,
        ),
      );
    }
  } finally {
    await d.end();
    agent.destroy();
    await srv.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop();
  }
  for (const s of STEPS) {
    sum[s].main /= FLOWS;
    sum[s].all /= FLOWS;
    sum[s].pg /= FLOWS;
  }
  return sum;
}

const results = new Map<string, Array<Record<Step, Cost>>>();
for (let r = 0; r < 3; r++) {
  const order = r % 2 === 0 ? entries : [...entries].reverse();
  for (const e of order) {
    const res = await once(e, results.size * 10 + r * 100 + order.indexOf(e));
    results.set(e, [...(results.get(e) ?? []), res]);
    console.log(
      `run ${r + 1} ${e}: ${STEPS.map((s) => `${s} ${res[s].main.toFixed(2)} / ${res[s].all.toFixed(2)} / ${res[s].pg.toFixed(2)}`).join('; ')} ms main / all threads / PostgreSQL; load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`,
    );
  }
}
for (const [e, rs] of results) {
  const m = (s: Step, k: keyof Cost) => median(rs.map((x) => x[s][k]));
  const total = (k: keyof Cost) => median(rs.map((x) => STEPS.reduce((n, s) => n + x[s][k], 0)));
  console.log(
    `${e} medians: ${STEPS.map((s) => `${s} ${m(s, 'main').toFixed(2)} / ${m(s, 'all').toFixed(2)} / ${m(s, 'pg').toFixed(2)}`).join('; ')}; whole flow ${total('main').toFixed(2)} / ${total('all').toFixed(2)} / ${total('pg').toFixed(2)} ms (main thread / all threads / PostgreSQL processes)`,
  );
}
