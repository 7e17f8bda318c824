// The uncached transactions page only, paired: the bare baseline (bench/bare-server.ts), this build
// and another build (default server/dist/base/main.js), page cache off, rate limits on as served —
// the three variants of `npm run bench -- --page` that issue 14's uncached target compares, without
// the other ten, so more rounds fit in the same time on a loaded machine.
// npx tsx bench/page-ab.ts [--pg] [--rounds N] [--seconds S] [--base server/dist/base/main.js] [--usage-off]
// --usage-off: a fourth variant, this build with usage recording off too (what usage costs on this page).
// --cached: the page cache on (as served) instead of off: usage recording's cost at the cached rate.
// --no-base: without the other build (e.g. `--cached --usage-off --no-base --rounds 9` for usage alone).
// Each round runs every variant once in a rotated order (reversed every other round); ratios are taken
// within a round, then the median over rounds. Server CPU µs per request is read from /proc.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMs, fmt, load, mainThreadCpuMs, median, pgBenchDatabase, spawnServer } from './lib.js';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? (argv[i + 1] as string) : fallback;
};
const onPg = argv.includes('--pg');
const rounds = Number(arg('--rounds', '3'));
const seconds = Number(arg('--seconds', '3'));
const baseEntry = arg('--base', 'server/dist/base/main.js');
const cached = argv.includes('--cached');
const withBase = !argv.includes('--no-base');
const cacheLabel = cached ? 'page cache on' : 'page cache off';
const KEY = 'od_test_sk_9x2mABC123sandbox';
const PAGE = '/accounts/acc_rai_001/transactions?limit=50';
const CONNECTIONS = 50;
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function database(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-page-ab-'));
  if (!onPg)
    return { url: `file:${join(dir, 'bench.db')}`, drop: async () => rmSync(dir, { recursive: true }) };
  const db = await pgBenchDatabase(`opendinar_page_ab_${process.pid}${suffix}`);
  return {
    url: db.url,
    drop: async () => {
      await db.drop();
      rmSync(dir, { recursive: true });
    },
  };
}

async function main() {
  const own = await database('');
  const base = withBase ? await database('_base') : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-page-ab-data-'));
  const common = {
    OPENDINAR_DATA_DIR: dataDir,
    OPENDINAR_DISPATCHER: 'false',
    OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000',
    ...(cached ? {} : { OPENDINAR_PAGE_CACHE_MB: '0' }),
  };
  const withKey = { authorization: `Bearer ${KEY}` };
  const variants: Array<[string, string[], Record<string, string>, Record<string, string>]> = [
    ['bare Fastify, same SQL', ['--import', 'tsx', 'bench/bare-server.ts'], { DATABASE_URL: own.url }, {}],
    [`this build, ${cacheLabel}`, ['server/dist/main.js'], { DATABASE_URL: own.url }, withKey],
  ];
  if (base) variants.push([`${baseEntry}, ${cacheLabel}`, [baseEntry], { DATABASE_URL: base.url }, withKey]);
  if (argv.includes('--usage-off'))
    variants.push([
      `this build, ${cacheLabel}, usage recording off`,
      ['server/dist/main.js'],
      { DATABASE_URL: own.url, OPENDINAR_USAGE_RECORDING: 'false' },
      withKey,
    ]);
  try {
    // Migrated and seeded first (the bare route opens an existing database).
    for (const [, entry, env] of variants.slice(1))
      await (await spawnServer(entry, { ...common, ...env })).stop();
    const rps: number[][] = variants.map(() => []);
    const cpu: number[][] = variants.map(() => []);
    const mainCpu: number[][] = variants.map(() => []);
    console.log(
      `== ${cached ? 'cached' : 'uncached'} page (${onPg ? 'PostgreSQL' : 'SQLite'}), ${rounds} rounds × ${seconds} s, ${CONNECTIONS} connections; load ${loadavg()}`,
    );
    for (let round = 0; round < rounds; round++) {
      const rotated = variants.map((_, i) => (i + round) % variants.length);
      for (const i of round % 2 ? rotated.reverse() : rotated) {
        const [label, entry, env, headers] = variants[i] as (typeof variants)[number];
        const srv = await spawnServer(entry, { ...common, ...env });
        try {
          await load(srv.url + PAGE, headers, CONNECTIONS, 1);
          const c0 = cpuMs(srv.proc.pid);
          const m0 = mainThreadCpuMs(srv.proc.pid);
          const r = await load(srv.url + PAGE, headers, CONNECTIONS, seconds);
          const c1 = cpuMs(srv.proc.pid);
          const m1 = mainThreadCpuMs(srv.proc.pid);
          if (m0 !== null && m1 !== null) mainCpu[i]?.push(((m1 - m0) * 1000) / r.total);
          if (r.non2xx || r.errors) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
          rps[i]?.push(r.requestsPerSec);
          if (c0 !== null && c1 !== null) cpu[i]?.push(((c1 - c0) * 1000) / r.total);
        } finally {
          await srv.stop();
        }
      }
    }
    variants.forEach(([label], i) => {
      console.log(
        `  ${label.padEnd(48)} ${fmt(median(rps[i] ?? []), 0)} req/s  server CPU ${fmt(median(cpu[i] ?? []), 0)} µs/req (main thread ${fmt(median(mainCpu[i] ?? []), 0)})` +
          `  (req/s ${(rps[i] ?? []).map((x) => fmt(x, 0)).join(', ')}; µs ${(cpu[i] ?? []).map((x) => fmt(x, 0)).join(', ')})`,
      );
    });
    const within = (xs: number[][], a: number, b: number) =>
      median(Array.from({ length: rounds }, (_, r) => (xs[a]?.[r] ?? 0) / (xs[b]?.[r] ?? 1)));
    const line = (label: string, a: number, b: number) =>
      console.log(
        `  ${label.padEnd(48)} ${fmt(within(rps, a, b), 2)}  (by server CPU per request: ${fmt(within(cpu, b, a), 2)})`,
      );
    const page = cached ? 'cached' : 'uncached';
    line(`this build ${page} / bare${cached ? '' : ' (target ≥ 0.80)'}`, 1, 0);
    if (withBase) {
      line(`base ${page} / bare`, 2, 0);
      line('this build / base', 1, 2);
    }
    const off = withBase ? 3 : 2;
    if (variants.length > off) {
      line(`this build ${page}, usage off / bare`, off, 0);
      line(`this build ${page}, usage on / off${cached ? ' (target ≥ 0.95)' : ''}`, 1, off);
    }
    console.log(`  load at the end ${loadavg()}`);
  } finally {
    await own.drop();
    await base?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
await main();
