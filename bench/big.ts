// npm run bench -- --big [--pg]: an account of 1,000,000 transactions (bench/big-seed.ts) —
// list pages at offsets up to the documented maximum, a full cursor sync, recurring detection, and
// revoking its connection while another account's page is requested.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_ACCOUNT, BIG_CONNECTION, purgeProbe, seedBig } from './big-seed.js';
import { cpuMs, median, spawnServer } from './lib.js';

const KEY = 'od_test_sk_9x2mABC123sandbox';
const headers = { authorization: `Bearer ${KEY}` };

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

async function timed(url: string, init: RequestInit = {}): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, headers });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return { ms, body };
}

export async function benchBig(opts: {
  databaseUrl: string;
  n: number;
  quick: boolean;
  line: (label: string, value: string) => void;
}): Promise<Record<string, number>> {
  const { line, n } = opts;
  const out: Record<string, number> = {};
  const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-bench-big-'));
  const env = {
    DATABASE_URL: opts.databaseUrl,
    OPENDINAR_DATA_DIR: dataDir,
    // On: the background jobs include the deletion of a revoked connection's data (timed below).
    OPENDINAR_DISPATCHER: 'true',
    // Every figure here is the database path: no page cache, no rate limit on the sequential client.
    OPENDINAR_PAGE_CACHE_MB: '0',
    OPENDINAR_RATE_LIMITS: 'false',
  };
  try {
    const first = await spawnServer(['server/dist/main.js'], env); // migrate + sandbox seed
    await first.stop();
    const seeded = await seedBig(opts.databaseUrl, n);
    line(
      `seed ${n.toLocaleString('en-US')} transactions (batched inserts)`,
      `${Math.round(seeded.ms)} ms  (${Math.round(seeded.perSecond).toLocaleString('en-US')} tx/s)`,
    );
    out.seedMs = seeded.ms;
    const srv = await spawnServer(['server/dist/main.js'], env);
    try {
      const base = `${srv.url}/accounts/${BIG_ACCOUNT}/transactions`;
      const reps = opts.quick ? 20 : 50;
      // BENCH_BIG_PARTS=revoke (comma-separated: pages, sync, recurring, revoke) runs only those parts.
      const parts = new Set((process.env.BENCH_BIG_PARTS ?? 'pages,sync,recurring,revoke').split(','));
      // Pages at offsets up to the documented maximum (MAX_OFFSET = 1,000,000), sequential requests.
      const offsets = parts.has('pages') ? [0, 1000, 10_000, 100_000, 500_000, n - 50, 1_000_000] : [];
      const p99s: number[] = [];
      for (const offset of offsets) {
        for (const query of ['', '&category=dining']) {
          const url = `${base}?limit=50&offset=${offset}${query}`;
          for (let i = 0; i < 3; i++) await timed(url); // warm-up
          const ms: number[] = [];
          for (let i = 0; i < reps; i++) ms.push((await timed(url)).ms);
          p99s.push(pct(ms, 99));
          line(
            `page offset=${offset.toLocaleString('en-US')}${query}`,
            `p50 ${median(ms).toFixed(1)} ms  p99 ${pct(ms, 99).toFixed(1)} ms  (${reps} requests)`,
          );
        }
      }
      if (p99s.length) out.pageWorstP99Ms = Math.max(...p99s);
      if (p99s.length)
        line(
          'worst page p99 over those offsets (target ≤ 25 ms)',
          `${(out.pageWorstP99Ms ?? 0).toFixed(1)} ms`,
        );

      // Full cursor sync, 500 changes a page, as a client mirroring the account would.
      let cursor = '';
      let added = 0;
      if (!parts.has('sync')) cursor = 'skip';
      const t0 = performance.now();
      const c0 = cpuMs(srv.proc.pid);
      for (; cursor !== 'skip'; ) {
        const { body } = await timed(`${base}?cursor=${encodeURIComponent(cursor)}&limit=500`);
        const page = body as { added: unknown[]; next_cursor: string; has_more: boolean };
        added += page.added.length;
        cursor = page.next_cursor;
        if (!page.has_more) break;
      }
      const syncMs = performance.now() - t0;
      const c1 = cpuMs(srv.proc.pid);
      out.syncPerSecond = (added / syncMs) * 1000;
      // The same sync in transactions per second of server CPU: what the server sustains when the
      // client and the machine are not the bottleneck.
      if (c0 !== null && c1 !== null) out.syncPerServerCpuSecond = (added / (c1 - c0)) * 1000;
      if (added > 0)
        line(
          `full cursor sync (${added.toLocaleString('en-US')} added, limit=500)`,
          `${Math.round(syncMs)} ms  ${Math.round(out.syncPerSecond).toLocaleString('en-US')} tx/s (target ≥ 50,000)`,
        );
      if (added > 0 && out.syncPerServerCpuSecond !== undefined) {
        line(
          'full cursor sync, per second of server CPU',
          `${Math.round(out.syncPerServerCpuSecond).toLocaleString('en-US')} tx/s`,
        );
      }

      // Recurring detection over the whole account.
      const rec: number[] = [];
      for (let i = 0; i < (parts.has('recurring') ? (opts.quick ? 1 : 3) : 0); i++)
        rec.push((await timed(`${srv.url}/accounts/${BIG_ACCOUNT}/recurring`)).ms);
      if (rec.length) out.recurringMs = median(rec);
      if (rec.length)
        line(
          'recurring detection (GET /accounts/:id/recurring)',
          `${Math.round(out.recurringMs ?? 0)} ms median of ${rec.length}`,
        );

      // Revocation, while another account's first page is requested back to back.
      const other = `${srv.url}/accounts/acc_rai_001/transactions?limit=50`;
      let failures = 0;
      const sample = async (until: () => boolean): Promise<number[]> => {
        const ms: number[] = [];
        while (!until()) {
          try {
            ms.push((await timed(other)).ms);
          } catch {
            failures++;
          }
        }
        return ms;
      };
      if (parts.has('revoke')) {
        const quietEnd = performance.now() + 2000;
        const quiet = await sample(() => performance.now() > quietEnd);
        const probe = await purgeProbe(opts.databaseUrl);
        let done = false;
        const during = sample(() => done);
        const r0 = performance.now();
        try {
          await timed(`${srv.url}/connections/${BIG_CONNECTION}`, { method: 'DELETE' });
        } catch (err) {
          line('revoke failed', String((err as Error).cause ?? (err as Error).message).slice(0, 200));
        }
        out.revokeMs = performance.now() - r0;
        // Hidden at once: the account answers 404 from the next request on.
        const gone = await fetch(`${base}?limit=50&offset=500000`, { headers });
        out.revokedAccountStatus = gone.status;
        // The background job deletes the rows; polled through a connection of our own.
        while (!(await probe.done())) await new Promise((r) => setTimeout(r, 250));
        out.purgeMs = performance.now() - r0;
        done = true;
        await probe.close();
        const busy = await during;
        out.otherFailuresDuringRevoke = failures;
        out.otherP99QuietMs = pct(quiet, 99);
        out.otherP50DuringPurgeMs = median(busy);
        out.otherP99DuringPurgeMs = pct(busy, 99);
        out.otherMaxDuringPurgeMs = Math.max(...busy);
        line('revoke the connection: the answer', `${out.revokeMs.toFixed(1)} ms`);
        line('the revoked account right after', `HTTP ${gone.status}`);
        line(
          `background deletion of ${n.toLocaleString('en-US')} transactions and changes`,
          `${Math.round(out.purgeMs)} ms  (${Math.round((n / out.purgeMs) * 1000).toLocaleString('en-US')} tx/s)`,
        );
        line(
          'another account page during the deletion',
          `p50 ${median(busy).toFixed(1)} ms  p99 ${out.otherP99DuringPurgeMs.toFixed(1)} ms  max ${out.otherMaxDuringPurgeMs.toFixed(1)} ms  (${busy.length} requests, ${failures} failed; quiet: p50 ${median(quiet).toFixed(1)} ms, p99 ${out.otherP99QuietMs.toFixed(1)} ms)`,
        );
      }
    } finally {
      await srv.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
