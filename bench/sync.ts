// Sync, recurring and categoriser figures (wired into `npm run bench`; also runnable alone:
// `cd server && npx tsx ../bench/sync.ts`). Embedded SQLite, one process, baselines in the same run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { measureThroughput } from '../server/eval/categorize.js';
import { medianDetectionMs } from '../server/eval/recurring.js';
import { buildApp } from '../server/src/app.js';
import { TestClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { createConnectionWithData } from '../server/src/connections/materialize.js';
import type { ConnectorTransaction } from '../server/src/connectors/types.js';
import { createDb } from '../server/src/db/index.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { seedSandbox } from '../server/src/sandbox/seed.js';
import { createSecretBox } from '../server/src/secrets.js';
import { readChanges, toTransactionJson } from '../server/src/transactions/store.js';

const KEY = 'od_test_sk_9x2mABC123sandbox';
const N = 100_000;
const PAGE = 500;
const ROUNDS = 3;

const MERCHANTS: ReadonlyArray<readonly [string, number]> = [
  ['Maxi 0423 Beograd', -2450],
  ['IDEA 112 Novi Sad', -1830],
  ['Lidl Srbija KD', -3120],
  ['DIS market Vracar', -1650],
  ['Wolt Beograd', -1290],
  ['Glovo *Order', -980],
  ['NIS Petrol BS 031', -5400],
  ['CarGo Ride', -640],
  ['BusPlus dopuna', -1000],
  ['NETFLIX.COM AMSTERDAM', -790],
  ['EPS Snabdevanje - električna energija', -5600],
  ['Infostan tehnologije', -8700],
];

/** 100,000 transactions over about four years, a few dozen a day. */
function history(): ConnectorTransaction[] {
  const start = Date.UTC(2022, 3, 1);
  return Array.from({ length: N }, (_, i) => {
    const [description, amount] = MERCHANTS[i % MERCHANTS.length] as readonly [string, number];
    return {
      bankTxnId: `bench-${i}`,
      date: new Date(start + Math.floor(i / 70) * 86_400_000).toISOString().slice(0, 10),
      amount: amount - (i % 97),
      description,
      pending: false,
    };
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchSync(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-bench-sync-'));
  const handle = createDb({ kind: 'sqlite', path: join(dir, 'sync.db') });
  try {
    await migrateToLatest(handle.db);
    const clock = new TestClock('2026-04-04T10:30:00.000Z');
    const box = createSecretBox(randomBytes(32));
    const config = {
      ...loadConfig({ OPENDINAR_PUBLIC_URL: 'http://localhost:3000' }),
      dispatcherEnabled: false,
      syncIntervalSeconds: 0,
    };
    const deps = { db: handle.db, dialect: handle.dialect, clock, config, box };
    await seedSandbox(handle.db, clock, box);

    const txns = history();
    let started = performance.now();
    const { accounts } = await handle.db.transaction().execute((trx) =>
      createConnectionWithData(
        trx,
        {
          apiKeyId: 'key_mani_app',
          developerId: 'dev_mani_app',
          environment: 'sandbox',
          bankId: 'aik',
          userId: 'bench',
          connector: 'custom',
          grantEnc: null,
        },
        {
          identity: null,
          accounts: [
            {
              ref: 'bench-1',
              name: 'Bench',
              type: 'current',
              currency: 'RSD',
              accountNumber: '105-0000000000001-00',
              openingBalance: 0,
              availableDelta: 0,
              transactions: txns,
            },
          ],
        },
        clock.now().toISOString(),
      ),
    );
    const createMs = performance.now() - started;
    const accountId = (accounts[0] as { id: string }).id;

    const app = await buildApp(deps);
    await app.ready();
    const headers = { authorization: `Bearer ${KEY}` };

    /** Full sync through auth, scoping, cursor checks and serialisation, as a client pages it. */
    async function httpSync(): Promise<{ ms: number; count: number }> {
      const t0 = performance.now();
      let cursor = '';
      let bytes = 0;
      for (;;) {
        const res = await app.inject({
          method: 'GET',
          url: `/accounts/${accountId}/transactions?limit=${PAGE}&cursor=${cursor}`,
          headers,
        });
        if (res.statusCode !== 200)
          throw new Error(`sync answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
        bytes += res.body.length;
        // The server's work is what is timed; the client only needs the cursor and has_more.
        const tail = res.body.slice(res.body.lastIndexOf('"next_cursor"'));
        cursor = /"next_cursor":"([^"]+)"/.exec(tail)?.[1] ?? '';
        if (tail.includes('"has_more":false')) break;
      }
      return { ms: performance.now() - t0, count: bytes };
    }

    // Baseline: a bare Fastify route paging the same rows by the same SQL (keyset on the change
    // log's seq) — no auth, scoping, cursor signing or change collapsing; JSON.stringify output.
    const bare = Fastify();
    bare.get<{ Querystring: { after?: string } }>('/plain', async (req) => {
      const rows = await readChanges(handle.db, accountId, Number(req.query.after ?? 0), PAGE + 1);
      const page = rows.slice(0, PAGE);
      return {
        transactions: page.flatMap((r) => (r.row ? [toTransactionJson(r.row)] : [])),
        next: page.at(-1)?.seq ?? 0,
        has_more: rows.length > PAGE,
      };
    });
    await bare.ready();

    async function barePaging(): Promise<{ ms: number; count: number }> {
      const t0 = performance.now();
      let after = 0;
      let count = 0;
      for (;;) {
        const res = await bare.inject({ method: 'GET', url: `/plain?after=${after}` });
        const tail = res.body.slice(res.body.lastIndexOf('"next"'));
        after = Number(/"next":(\d+)/.exec(tail)?.[1] ?? 0);
        count += res.body.length;
        if (tail.includes('"has_more":false')) break;
      }
      return { ms: performance.now() - t0, count };
    }

    /** The same SQL without HTTP at all, for scale. */
    async function plainPaging(): Promise<{ ms: number; count: number }> {
      const t0 = performance.now();
      let after = 0;
      let count = 0;
      for (;;) {
        const rows = await readChanges(handle.db, accountId, after, PAGE + 1);
        const page = rows.slice(0, PAGE);
        count += page.length;
        after = page.at(-1)?.seq ?? after;
        if (rows.length <= PAGE) break;
      }
      return { ms: performance.now() - t0, count };
    }

    await httpSync(); // warm-up: JIT, page cache, compiled serializers
    await barePaging();
    await plainPaging();
    const httpMs: number[] = [];
    const bareMs: number[] = [];
    const plainMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bareMs.push((await barePaging()).ms);
      httpMs.push((await httpSync()).ms);
      plainMs.push((await plainPaging()).ms);
    }
    await bare.close();
    const plainCount = (await plainPaging()).count;
    if (plainCount !== N) throw new Error(`plain paging saw ${plainCount} rows, expected ${N}`);

    started = performance.now();
    const rec = await app.inject({ method: 'GET', url: `/accounts/${accountId}/recurring`, headers });
    const recurringHttpMs = performance.now() - started;
    if (rec.statusCode !== 200) throw new Error(`recurring answered ${rec.statusCode}`);
    await app.close();

    const small = medianDetectionMs(1_000);
    const large = medianDetectionMs(10_000);
    const sync = median(httpMs);
    const plain = median(bareMs);
    const raw = median(plainMs);
    return {
      'create 100k-transaction account (ms)': createMs,
      'full sync 100k via HTTP, pages of 500 (ms)': sync,
      'plain keyset paging, bare Fastify (ms)': plain,
      'ratio sync / plain (target ≤ 1.5)': sync / plain,
      'same SQL without HTTP (ms)': raw,
      'ratio sync / SQL without HTTP': sync / raw,
      'GET /recurring over 100k transactions (ms)': recurringHttpMs,
      'recurring detection 1,000 txns, median (ms)': small,
      'recurring detection 10,000 txns, median (ms)': large,
      'recurring ratio 10k / 1k (linear = 10)': large / small,
      'categoriser throughput (descriptions/s)': measureThroughput(200_000),
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [k, v] of Object.entries(await benchSync()))
    console.log(`  ${k.padEnd(46)} ${typeof v === 'number' ? v.toFixed(2) : v}`);
}
