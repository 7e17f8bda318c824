// The baseline of the transactions-page bench: the fastest honest bare route we know for the same page.
// Fastify with the same response schema (fast-json-stringify), the driver called directly with
// prepared statements and raw rows — better-sqlite3 on a read-only connection (rows as arrays), or a
// pg pool with named statements — running exactly the SQL of list mode (compiled from the same
// builders as server/src/transactions/store.ts) and building the same JSON (enrichment included,
// through the same memoised function). No auth, scoping, validation, hooks or usage recording.
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import pg from 'pg';
import { loadConfig } from '../server/src/config.js';
import type { Database } from '../server/src/db/schema.js';
import { TransactionListSchema } from '../server/src/transactions/schemas.js';
import {
  listQueryBuilders,
  type TransactionFields,
  toTransactionJson,
} from '../server/src/transactions/store.js';

const config = loadConfig();
const onPg = config.database.kind === 'postgres';
// A Kysely that only compiles: the SQL text of the server's statements, for this dialect.
const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => (onPg ? new PostgresAdapter() : new SqliteAdapter()),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => (onPg ? new PostgresIntrospector(db) : new SqliteIntrospector(db)),
    createQueryCompiler: () => (onPg ? new PostgresQueryCompiler() : new SqliteQueryCompiler()),
  },
});
const b = listQueryBuilders({});
const PAGE_SQL = b.page(compiler, 'acc', 50, 0).compile().sql;
const TOTAL_SQL = b.total(compiler, 'acc').compile().sql;
const COLUMNS = [
  'id',
  'account_id',
  'date',
  'amount',
  'currency',
  'description',
  'category',
  'pending',
  'pending_transaction_id',
] as const;
const toFields = (r: unknown[]): TransactionFields => ({
  id: r[0] as string,
  account_id: r[1] as string,
  date: r[2] as string,
  amount: r[3] as number,
  currency: r[4] as string,
  description: r[5] as string,
  category: r[6] as string,
  pending: r[7] as number,
  pending_transaction_id: r[8] as string | null,
});

type Page = (
  accountId: string,
  limit: number,
  offset: number,
) => Promise<{ rows: unknown[][]; total: number }>;
let page: Page;
if (config.database.kind === 'sqlite') {
  const sqlite = new SQLite(config.database.path, { readonly: true, fileMustExist: true });
  const pageStmt = sqlite.prepare(PAGE_SQL).raw(true);
  const totalStmt = sqlite.prepare(TOTAL_SQL).raw(true);
  if (
    pageStmt
      .columns()
      .map((c) => c.name)
      .join() !== COLUMNS.join()
  )
    throw new Error('column order');
  page = async (accountId, limit, offset) => ({
    rows: pageStmt.all(accountId, limit, offset) as unknown[][],
    total: Number((totalStmt.get(accountId) as unknown[])[0] ?? 0),
  });
} else {
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: config.database.url, max: 10 });
  page = async (accountId, limit, offset) => {
    const [rows, total] = await Promise.all([
      pool.query({ name: 'page', text: PAGE_SQL, values: [accountId, limit, offset], rowMode: 'array' }),
      pool.query({ name: 'total', text: TOTAL_SQL, values: [accountId], rowMode: 'array' }),
    ]);
    return { rows: rows.rows as unknown[][], total: Number(total.rows[0]?.[0] ?? 0) };
  };
}

const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>(
  '/accounts/:id/transactions',
  { schema: { response: { 200: TransactionListSchema } } },
  async (req) => {
    const offset = 0;
    const { rows, total } = await page(req.params.id, 50, offset);
    return {
      transactions: rows.map((r) => toTransactionJson(toFields(r))),
      total,
      has_more: offset + rows.length < total,
    };
  },
);
await app.listen({ port: config.port, host: config.host });
// A clean exit on SIGTERM, so `--cpu-prof` (profiling the baseline) writes its profile.
process.once('SIGTERM', () => process.exit(0));
