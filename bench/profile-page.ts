// Profiles the server on the transactions-page load: per-thread CPU per request (main thread, usage
// worker, the rest) and, with --cpu-prof, the top self-time functions of each thread's profile.
// npx tsx bench/profile-page.ts [--pg] [--prof] [--seconds N] [--entry server/dist/main.js] [ENV=value …]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { load, spawnServer } from './lib.js';

const argv = process.argv.slice(2);
const onPg = argv.includes('--pg');
const prof = argv.includes('--prof');
const secIdx = argv.indexOf('--seconds');
const seconds = secIdx >= 0 ? Number(argv[secIdx + 1]) : 5;
const entryIdx = argv.indexOf('--entry');
const entry = entryIdx >= 0 ? (argv[entryIdx + 1] as string) : 'server/dist/main.js';
const extra = Object.fromEntries(
  argv.filter((a) => /^[A-Z_]+=/.test(a)).map((a) => a.split('=', 2) as [string, string]),
);
const KEY = 'od_test_sk_9x2mABC123sandbox';
const PAGE = '/accounts/acc_rai_001/transactions?limit=50';

function threads(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = (Number(f[11]) + Number(f[12])) * 10;
      const label = tid === String(pid) ? 'main' : `${name}#${tid}`;
      out.set(label, (out.get(label) ?? 0) + ms);
    } catch {}
  }
  return out;
}

async function main() {
  const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let url: string;
  const name = `opendinar_prof_${process.pid}`;
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-prof-'));
  if (onPg) {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
  } else url = `file:${join(dir, 'bench.db')}`;
  const profDir = join(dir, 'prof');
  try {
    const entryArgs = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
    if (entry.endsWith('.ts')) {
      // The bare route reads a migrated, seeded database: the server makes it first.
      const seed = await spawnServer(['server/dist/main.js'], {
        DATABASE_URL: url,
        OPENDINAR_DATA_DIR: dir,
        OPENDINAR_DISPATCHER: 'false',
      });
      await seed.stop();
    }
    const srv = await spawnServer(
      prof ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...entryArgs] : entryArgs,
      {
        DATABASE_URL: url,
        OPENDINAR_DATA_DIR: dir,
        OPENDINAR_DISPATCHER: 'false',
        OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000',
        ...extra,
      },
    );
    const headers = { authorization: `Bearer ${KEY}` };
    await load(srv.url + PAGE, headers, 50, 1);
    const pid = srv.proc.pid as number;
    const t0 = threads(pid);
    const r = await load(srv.url + PAGE, headers, 50, seconds);
    const t1 = threads(pid);
    console.log(
      `${JSON.stringify(extra)} ${entry}: ${Math.round(r.requestsPerSec)} req/s, ${r.total} requests, non2xx ${r.non2xx}`,
    );
    let all = 0;
    for (const [k, v] of t1) {
      const d = v - (t0.get(k) ?? 0);
      all += d;
      if (d > 0) console.log(`  ${k.padEnd(20)} ${((d * 1000) / r.total).toFixed(1)} µs/req`);
    }
    console.log(`  ${'all threads'.padEnd(20)} ${((all * 1000) / r.total).toFixed(1)} µs/req`);
    await srv.stop();
    if (prof) {
      for (const f of readdirSync(profDir)) {
        const p = JSON.parse(readFileSync(join(profDir, f), 'utf8')) as {
          nodes: Array<{
            id: number;
            callFrame: { functionName: string; url: string; lineNumber: number };
            hitCount: number;
          }>;
        };
        const self = new Map<string, number>();
        let total = 0;
        for (const n of p.nodes) {
          const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
          self.set(k, (self.get(k) ?? 0) + n.hitCount);
          total += n.hitCount;
        }
        console.log(`  profile ${f}: ${total} samples`);
        for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
          console.log(`    ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
      }
    }
  } finally {
    if (onPg) {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    }
    if (!process.env.KEEP_PROF) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}
await main();
