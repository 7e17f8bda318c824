// Paired before/after of the big-account figures: two builds serve copies of one seeded database at
// the same time and the requests alternate between them (A B B A …), so both see the same machine.
//   npx tsx bench/big-ab.ts --base server/dist/base/main.js [--new server/dist/main.js] [--pg]
//     [--reps 30] [--sync-pages 200] [--revoke-seconds 120] [--parts pages,sync,revoke]
// The seeded database (bench/big-seed.ts, migrated by the --base build) is kept between runs in
// BENCH_AB_DIR (default /tmp/opendinar-big-ab; PostgreSQL: database opendinar_bigab_seed) and copied
// for each build; the new build migrates its copy when it starts. Every page body of the two builds
// is compared: any difference is printed and counted.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { BIG_ACCOUNT, BIG_CONNECTION, seedBig } from './big-seed.js';
import { cpuMs, median, type Running, spawnServer } from './lib.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] ?? dflt) : dflt;
};
const onPg = argv.includes('--pg');
const baseEntry = opt('--base', 'server/dist/base/main.js');
const newEntry = opt('--new', 'server/dist/main.js');
const reps = Number(opt('--reps', '30'));
const syncPages = Number(opt('--sync-pages', '200'));
const revokeSeconds = Number(opt('--revoke-seconds', '120'));
const parts = new Set(opt('--parts', 'pages,sync').split(','));
const n = Number(process.env.BENCH_BIG_N ?? 1_000_000);
const dir = process.env.BENCH_AB_DIR ?? '/tmp/opendinar-big-ab';
const KEY = 'od_test_sk_9x2mABC123sandbox';
const headers = { authorization: `Bearer ${KEY}` };
const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pgUrl = (db: string) => {
  const u = new URL(admin);
  u.pathname = `/${db}`;
  return u.toString();
};

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const load = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const serverEnv = (url: string, dataDir: string) => ({
  DATABASE_URL: url,
  OPENDINAR_DATA_DIR: dataDir,
  // On only for the revoke part: the background deletion of a revoked connection is one of its jobs.
  OPENDINAR_DISPATCHER: parts.has('revoke') ? 'true' : 'false',
  OPENDINAR_PAGE_CACHE_MB: '0',
  OPENDINAR_RATE_LIMITS: 'false',
});

/** The seeded database (made once), then one copy per build. */
async function databases(): Promise<[string, string]> {
  mkdirSync(dir, { recursive: true });
  const dataDir = join(dir, 'data');
  if (!onPg) {
    const seed = join(dir, `seed-${n}.db`);
    if (!existsSync(seed)) {
      const first = await spawnServer([baseEntry], serverEnv(`file:${seed}`, dataDir));
      await first.stop();
      const r = await seedBig(`file:${seed}`, n);
      console.log(`seeded ${n} in ${Math.round(r.ms)} ms`);
    }
    const out: string[] = [];
    for (const side of ['a', 'b']) {
      const f = join(dir, `${side}.db`);
      for (const s of ['', '-wal', '-shm']) rmSync(f + s, { force: true });
      copyFileSync(seed, f);
      out.push(`file:${f}`);
    }
    return out as [string, string];
  }
  const seedDb = `opendinar_bigab_seed_${n}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [seedDb])).rowCount;
  await c.end();
  if (!exists) {
    await adminQuery(`CREATE DATABASE ${seedDb}`);
    const first = await spawnServer([baseEntry], serverEnv(pgUrl(seedDb), dataDir));
    await first.stop();
    const r = await seedBig(pgUrl(seedDb), n);
    console.log(`seeded ${n} in ${Math.round(r.ms)} ms`);
  }
  const out: string[] = [];
  for (const side of ['a', 'b']) {
    await adminQuery(`DROP DATABASE IF EXISTS opendinar_bigab_${side} WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE opendinar_bigab_${side} TEMPLATE ${seedDb}`);
    out.push(pgUrl(`opendinar_bigab_${side}`));
  }
  return out as [string, string];
}

async function get(srv: Running, path: string): Promise<{ ms: number; text: string }> {
  const t0 = performance.now();
  const res = await fetch(srv.url + path, { headers });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  return { ms, text };
}

const [urlA, urlB] = await databases();
const dataDir = join(dir, 'data');
console.log(`load ${load()}  ${onPg ? 'PostgreSQL' : 'SQLite'}  A=${baseEntry}  B=${newEntry}`);
const A = await spawnServer([baseEntry], serverEnv(urlA, dataDir));
const B = await spawnServer([newEntry], serverEnv(urlB, dataDir));
console.log(`ready: A ${Math.round(A.readyMs)} ms, B ${Math.round(B.readyMs)} ms (B migrates its copy)`);
let differences = 0;
try {
  const base = `/accounts/${BIG_ACCOUNT}/transactions`;
  if (parts.has('pages')) {
    const offsets = [0, 1000, 10_000, 100_000, 500_000, n - 50, 1_000_000];
    const filters = ['', '&category=dining', '&from=2024-02-10&to=2025-11-20'];
    const rows: string[] = [];
    const all = { a50: [] as number[], b50: [] as number[], a99: [] as number[], b99: [] as number[] };
    let cpuA = 0;
    let cpuB = 0;
    for (const f of filters) {
      for (const offset of offsets) {
        const path = `${base}?limit=50&offset=${offset}${f}`;
        for (let i = 0; i < 3; i++) {
          const [a, b] = [await get(A, path), await get(B, path)];
          if (i === 0 && a.text !== b.text) {
            differences++;
            console.log(`DIFFERENT: ${path}\n  A ${a.text.slice(0, 300)}\n  B ${b.text.slice(0, 300)}`);
          }
        }
        const ta: number[] = [];
        const tb: number[] = [];
        for (let i = 0; i < reps; i++) {
          const order = i % 2 === 0 ? [A, B] : [B, A];
          for (const s of order) {
            const c0 = cpuMs(s.proc.pid) ?? 0;
            const { ms } = await get(s, path);
            const c1 = cpuMs(s.proc.pid) ?? 0;
            if (s === A) {
              ta.push(ms);
              cpuA += c1 - c0;
            } else {
              tb.push(ms);
              cpuB += c1 - c0;
            }
          }
        }
        all.a50.push(median(ta));
        all.b50.push(median(tb));
        all.a99.push(pct(ta, 99));
        all.b99.push(pct(tb, 99));
        rows.push(
          `${`offset=${offset}${f}`.padEnd(52)} A p50 ${median(ta).toFixed(1).padStart(6)} p99 ${pct(ta, 99).toFixed(1).padStart(6)}   B p50 ${median(tb).toFixed(1).padStart(6)} p99 ${pct(tb, 99).toFixed(1).padStart(6)}`,
        );
        console.log(rows[rows.length - 1]);
      }
    }
    console.log(
      `pages (${reps} each): median p50 A ${median(all.a50).toFixed(1)} B ${median(all.b50).toFixed(1)} ms; median p99 A ${median(all.a99).toFixed(1)} B ${median(all.b99).toFixed(1)}; worst p99 A ${Math.max(...all.a99).toFixed(1)} B ${Math.max(...all.b99).toFixed(1)}; server CPU A ${cpuA} B ${cpuB} ms; load ${load()}`,
    );
  }
  if (parts.has('sync')) {
    const cur = { a: '', b: '' };
    const t = { a: [] as number[], b: [] as number[] };
    const cpu = { a: 0, b: 0 };
    let rowsA = 0;
    let rowsB = 0;
    for (let i = 0; i < syncPages; i++) {
      const order = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const bodies: Record<string, string> = {};
      for (const side of order) {
        const s = side === 'a' ? A : B;
        const c0 = cpuMs(s.proc.pid) ?? 0;
        const { ms, text } = await get(s, `${base}?cursor=${encodeURIComponent(cur[side])}&limit=500`);
        cpu[side] += (cpuMs(s.proc.pid) ?? 0) - c0;
        const page = JSON.parse(text) as { added: unknown[]; next_cursor: string; has_more: boolean };
        cur[side] = page.next_cursor;
        bodies[side] = JSON.stringify(page.added);
        if (side === 'a') rowsA += page.added.length;
        else rowsB += page.added.length;
        t[side].push(ms);
      }
      if (bodies.a !== bodies.b) {
        differences++;
        if (differences < 5) console.log(`DIFFERENT sync page ${i}`);
      }
    }
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    console.log(
      `sync ${syncPages} pages of 500 each: A ${rowsA} rows ${Math.round((rowsA / sum(t.a)) * 1000)} tx/s (page p50 ${median(t.a).toFixed(1)} ms, CPU ${cpu.a} ms = ${Math.round((rowsA / cpu.a) * 1000)} tx/CPU-s)  B ${rowsB} rows ${Math.round((rowsB / sum(t.b)) * 1000)} tx/s (page p50 ${median(t.b).toFixed(1)} ms, CPU ${cpu.b} ms = ${Math.round((rowsB / cpu.b) * 1000)} tx/CPU-s); load ${load()}`,
    );
  }
  if (parts.has('revoke')) {
    // Both builds revoke the big connection on their copies at once; for revokeSeconds another
    // account's first page is requested from each in turn; then the rows left are counted.
    const other = '/accounts/acc_rai_001/transactions?limit=50';
    const quiet = { a: [] as number[], b: [] as number[] };
    for (let i = 0; i < 40; i++) {
      quiet.a.push((await get(A, other)).ms);
      quiet.b.push((await get(B, other)).ms);
    }
    const revokeMs = await Promise.all(
      [A, B].map(async (s) => {
        const t0 = performance.now();
        const res = await fetch(`${s.url}/connections/${BIG_CONNECTION}`, { method: 'DELETE', headers });
        await res.text();
        if (!res.ok) throw new Error(`revoke: ${res.status}`);
        return performance.now() - t0;
      }),
    );
    const during = { a: [] as number[], b: [] as number[] };
    let failed = 0;
    const end = performance.now() + revokeSeconds * 1000;
    for (let i = 0; performance.now() < end; i++) {
      for (const side of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
        try {
          during[side].push((await get(side === 'a' ? A : B, other)).ms);
        } catch {
          failed++;
        }
      }
    }
    const left = async (url: string): Promise<number> => {
      const q = `SELECT count(*) AS n FROM transactions WHERE account_id = '${BIG_ACCOUNT}'`;
      if (url.startsWith('file:')) {
        const db = new SQLite(url.slice(5), { readonly: true });
        const n = Number((db.prepare(q).get() as { n: number }).n);
        db.close();
        return n;
      }
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const n = Number((await c.query(q)).rows[0].n);
      await c.end();
      return n;
    };
    const [leftA, leftB] = [await left(urlA), await left(urlB)];
    const f = (xs: number[]) =>
      `p50 ${median(xs).toFixed(1)} p99 ${pct(xs, 99).toFixed(1)} ms (${xs.length})`;
    console.log(
      `revoke: answer A ${revokeMs[0]?.toFixed(0)} B ${revokeMs[1]?.toFixed(0)} ms; deleted in ${revokeSeconds} s: A ${n - leftA} (${Math.round((n - leftA) / revokeSeconds)} tx/s) B ${n - leftB} (${Math.round((n - leftB) / revokeSeconds)} tx/s)`,
    );
    console.log(`other account page before: A ${f(quiet.a)}  B ${f(quiet.b)}`);
    console.log(
      `other account page during:  A ${f(during.a)}  B ${f(during.b)}; failed ${failed}; load ${load()}`,
    );
  }
} finally {
  await A.stop();
  await B.stop();
}
console.log(`differences between A and B: ${differences}`);
