// CPU per recorded request of the usage writer alone: a batch as the hook builds it, written by
// writeBatch on a runner that only encodes (no database), or on a PostgreSQL client (--pg URL).
// or on an SQLite file (--sqlite PATH, created and migrated; the writer's CPU includes SQLite's there).
// npx tsx scripts/usage-write-micro.ts [batches] [--pg postgres://… | --sqlite /tmp/usage.db]
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  betterSqliteRunner,
  F,
  FIELDS,
  pgClientRunner,
  type SqlRunner,
  writeBatch,
} from '../src/usage/writer.js';

const batches = Number(process.argv[2] ?? 200);
const pgAt = process.argv.indexOf('--pg');
const sqliteAt = process.argv.indexOf('--sqlite');
const n = 500;
function makeBatch(start: number): unknown[] {
  const b: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array(FIELDS).fill(null);
    row[F.method] = 'GET';
    row[F.endpoint] = 'GET /accounts/:id/transactions';
    row[F.status] = 200;
    row[F.errorCode] = null;
    row[F.requestId] = `req_${(start + i).toString(36)}abcdefghij`;
    row[F.atMs] = 1_780_000_000_000 + (start + i) * 3;
    row[F.url] = '/accounts/acc_rai_001/transactions?limit=50';
    row[F.latencyMs] = 1.2345;
    row[F.authorization] = 'Bearer od_test_sk_9x2mABC123sandbox';
    row[F.keyId] = 'key_mani_app';
    row[F.developerOrHash] = 'dev_mani_app';
    row[F.environment] = 'sandbox';
    row[F.errorBody] = null;
    b.push(...row);
  }
  return b;
}
let runner: SqlRunner;
let client: pg.Client | null = null;
if (pgAt > 0) {
  const { createDb } = await import('../src/db/index.js');
  const { migrateToLatest } = await import('../src/db/migrate.js');
  const h = createDb({ kind: 'postgres', url: process.argv[pgAt + 1] as string });
  await migrateToLatest(h.db);
  await h.close();
  client = new pg.Client({ connectionString: process.argv[pgAt + 1] });
  await client.connect();
  runner = pgClientRunner(client);
} else if (sqliteAt > 0) {
  const path = process.argv[sqliteAt + 1] as string;
  const { createDb } = await import('../src/db/index.js');
  const { migrateToLatest } = await import('../src/db/migrate.js');
  const h = createDb({ kind: 'sqlite', path });
  await migrateToLatest(h.db);
  await h.close();
  // As the usage worker opens it (usage/worker.ts).
  const conn = new SQLite(path, { fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('wal_autocheckpoint = 10000');
  runner = betterSqliteRunner(conn);
} else {
  runner = {
    dialect: 'postgres',
    async query(_text, params) {
      let len = 0;
      for (const p of params) len += typeof p === 'string' ? p.length : (JSON.stringify(p)?.length ?? 0);
      if (len < 0) throw new Error('x');
      return [];
    },
    async transaction(fn) {
      await fn(this);
    },
  };
}
const input = Array.from({ length: batches }, (_, k) => structuredClone(makeBatch(k * n)));
const u0 = process.cpuUsage();
for (const b of input) await writeBatch(runner, b);
const u = process.cpuUsage(u0);
console.log(
  `${((u.user + u.system) / (batches * n)).toFixed(2)} µs CPU per request (${batches} batches of ${n})`,
);
await client?.end();
