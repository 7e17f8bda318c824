// Where a big account's list page and sync page spend their time, in-process (no HTTP):
//   DATABASE_URL=file:/tmp/opendinar-big-ab/b.db npx tsx bench/big-profile.ts [reps]
// prints, per offset × filter, the median of listTransactions, of making the rows' JSON objects and
// of serialising; then the same for sync pages of 500 (readChanges, collapse, serialise).
import { readFileSync } from 'node:fs';
import { createDb } from '../server/src/db/index.js';
import { SyncResponseSchema, TransactionListSchema } from '../server/src/transactions/schemas.js';
import { BIG_ACCOUNT } from './big-seed.js';
import { median } from './lib.js';

const url = process.env.DATABASE_URL ?? '';
// PROFILE_STORE=../server/src/transactions/store.base.js profiles another version of the list code.
const store = (await import(
  process.env.PROFILE_STORE ?? '../server/src/transactions/store.js'
)) as typeof import('../server/src/transactions/store.js');
const { listTransactions, readChanges, valuesToTransactionJson } = store;
const { collapseChanges } = await import('../server/src/transactions/sync.js');
const reps = Number(process.argv[2] ?? 20);
const handle = createDb(
  url.startsWith('file:') ? { kind: 'sqlite', path: url.slice(5) } : { kind: 'postgres', url },
);
const { db } = handle;
const fjs = (await import('fast-json-stringify')).default;
const serList = fjs(TransactionListSchema as never);
const serSync = fjs(SyncResponseSchema as never);
console.log(`load ${readFileSync('/proc/loadavg', 'utf8').slice(0, 15)}`);
const n = 1_000_000;
for (const f of ['', 'category', 'fromto']) {
  for (const offset of [0, 1000, 10_000, 100_000, 500_000, n - 50, 1_000_000]) {
    const filter = {
      limit: 50,
      offset,
      ...(f === 'category' ? { category: 'dining' } : {}),
      ...(f === 'fromto' ? { from: '2024-02-10', to: '2025-11-20' } : {}),
    };
    const q: number[] = [];
    const j: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < reps + 2; i++) {
      const t0 = performance.now();
      const { rows, total } = await listTransactions(db, BIG_ACCOUNT, filter);
      const t1 = performance.now();
      const txns = rows.map((r) => valuesToTransactionJson(r));
      const t2 = performance.now();
      serList({ transactions: txns, total, has_more: false });
      const t3 = performance.now();
      if (i >= 2) {
        q.push(t1 - t0);
        j.push(t2 - t1);
        s.push(t3 - t2);
      }
    }
    console.log(
      `${f.padEnd(9)} offset ${String(offset).padStart(7)}: sql ${median(q).toFixed(3)} ms (max ${Math.max(...q).toFixed(2)})  objects ${median(j).toFixed(3)}  json ${median(s).toFixed(3)}`,
    );
  }
}
// Sync: 100 pages of 500 from the start of the log.
const parts = { sql: 0, collapse: 0, json: 0 };
let rowsOut = 0;
let seq = 0;
const t0 = performance.now();
for (let p = 0; p < Number(process.env.SYNC_PAGES ?? 100); p++) {
  const a = performance.now();
  const changes = await readChanges(db, BIG_ACCOUNT, seq, 501);
  const b = performance.now();
  const page = changes.slice(0, 500);
  const out = collapseChanges(page);
  const c = performance.now();
  const text = serSync({ sync_status: 'x', ...out, next_cursor: 'c', has_more: true });
  const d = performance.now();
  parts.sql += b - a;
  parts.collapse += c - b;
  parts.json += d - c;
  rowsOut += out.added.length;
  seq = page[page.length - 1]?.seq ?? seq;
  if (p === 0) console.log(`sync page bytes ${text.length}`);
}
const all = performance.now() - t0;
console.log(
  `sync ${rowsOut} rows: ${Math.round((rowsOut / all) * 1000)} rows/s in-process; per row µs: sql ${((parts.sql * 1000) / rowsOut).toFixed(2)} collapse ${((parts.collapse * 1000) / rowsOut).toFixed(2)} json ${((parts.json * 1000) / rowsOut).toFixed(2)}`,
);
await handle.close();
