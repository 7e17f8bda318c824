import { createHash } from 'node:crypto';
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Executor } from '../db/index.js';
import { pgArrayLiteral } from '../db/pg-array.js';
import { markHot } from '../db/pg-named.js';
import { preparedArrays, preparedQuery } from '../db/prepared.js';
import type { TransactionChangesTable, TransactionsTable } from '../db/schema.js';
import { enrichCached } from '../enrich/enrich.js';
import { toMoney } from '../money.js';

export type TransactionRow = TransactionsTable;

/** Our id for a bank transaction is derived from (account, bank id), so re-imports never duplicate. */
export const transactionIdFor = (accountId: string, bankTxnId: string): string =>
  `txn_${createHash('sha256').update(`${accountId}\u0000${bankTxnId}`).digest('hex').slice(0, 24)}`;

/** The columns a transaction's JSON is made of. */
export type TransactionFields = Pick<
  TransactionRow,
  | 'id'
  | 'account_id'
  | 'date'
  | 'amount'
  | 'currency'
  | 'description'
  | 'category'
  | 'pending'
  | 'pending_transaction_id'
>;

export function toTransactionJson(t: TransactionFields) {
  return transactionJson(
    t.id,
    t.account_id,
    t.date,
    t.amount,
    t.currency,
    t.description,
    t.category,
    t.pending,
    t.pending_transaction_id,
  );
}

/** A row of list mode as the page query returns it: the values of FIELD_COLUMNS, in that order. */
export type TransactionValues = unknown[];

/**
 * The JSON of a transaction straight from a row's values (no row object in between): the values of
 * FIELD_COLUMNS, in that order, from position `at` of the row (0 for a list page).
 */
export const valuesToTransactionJson = (r: TransactionValues, at = 0) =>
  transactionJson(
    r[at] as string,
    r[at + 1] as string,
    r[at + 2] as string,
    r[at + 3] as number,
    r[at + 4] as string,
    r[at + 5] as string,
    r[at + 6] as string,
    r[at + 7] as number,
    r[at + 8] as string | null,
  );

function transactionJson(
  id: string,
  accountId: string,
  date: string,
  rawAmount: number,
  currency: string,
  description: string,
  category: string,
  pending: number,
  pendingTransactionId: string | null,
) {
  const amount = Number(rawAmount);
  const enrichment = enrichCached(description, amount, category);
  return {
    id,
    account_id: accountId,
    date,
    amount: toMoney(amount),
    currency,
    description,
    category,
    type: amount < 0 ? ('debit' as const) : ('credit' as const),
    pending: Number(pending),
    pending_transaction_id: pendingTransactionId,
    merchant_name: enrichment.merchant_name,
    counterparty: enrichment.counterparty,
    category_confidence: enrichment.category_confidence,
  };
}

export interface ListFilter {
  from?: string;
  to?: string;
  category?: string;
  limit: number;
  offset: number;
}

/** The columns of TransactionFields, in the order they are selected (valuesToTransactionJson reads them by position). */
const FIELD_COLUMNS = [
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

// One compiled set of statements per combination of filters present: eight at most. Building a
// Kysely query per request costs more than the indexed page itself on the embedded database.
const listQueries = new Map<string, ReturnType<typeof compileListQueries>>();

type Shape = Pick<ListFilter, 'from' | 'to' | 'category'>;

/**
 * The statements of list mode, as Kysely builders. Exported so bench/bare-server.ts runs exactly the
 * same SQL. `page` and `pageFrom` take the account id, then the filters present, then their own
 * arguments; the counting statements take the account id, the category if filtered, then a range.
 * - page: the page by LIMIT/OFFSET on index (account_id, date, id);
 * - pageFrom: the same starting at a date (`date <= ?`), for a deep offset located by the counts
 *   (shapes with `to` use `page` instead, with that date as `to`);
 * - total: the filter's total from transaction_month_counts (kept by triggers), not a count of rows
 *   (shapes without a date filter only: args account, [category]);
 * - totalIn: the total of a date filter — whole months from the month counts, and the partial
 *   months at its two edges from transaction_day_counts (args: see DateSpan, in totalInArgs order);
 * - months: that total per month, newest first, in a range of months;
 * - days: the total per date, newest first, in a range of dates (one month at most).
 */
export function listQueryBuilders(shape: Shape) {
  const byCategory = shape.category !== undefined;
  const where = <Q extends { where: (...a: never[]) => unknown }>(q: Q, args: unknown[]): Q => {
    // biome-ignore lint/suspicious/noExplicitAny: the two tables share these columns
    let r = q as any;
    let i = 1;
    if (shape.from !== undefined) r = r.where('date', '>=', args[i++] as string);
    if (shape.to !== undefined) r = r.where('date', '<=', args[i++] as string);
    if (shape.category !== undefined) r = r.where('category', '=', args[i++] as string);
    return r as Q;
  };
  const txns = (db: Executor, args: unknown[]) =>
    where(db.selectFrom('transactions').where('account_id', '=', args[0] as string), args);
  const n = filterCount(shape);
  // Counting statements: account, [category], then `lo`, `hi` of the range (inclusive).
  const c = byCategory ? 2 : 1;
  const months = (db: Executor, args: readonly unknown[], at = 0) => {
    let q = db.selectFrom('transaction_month_counts').where('account_id', '=', args[at] as string);
    if (byCategory) q = q.where('category', '=', args[at + 1] as string);
    return q.where('month', '>=', args[at + c] as string).where('month', '<=', args[at + c + 1] as string);
  };
  const days = (db: Executor, args: readonly unknown[], at = 0) => {
    let q = db.selectFrom('transaction_day_counts').where('account_id', '=', args[at] as string);
    if (byCategory) q = q.where('category', '=', args[at + 1] as string);
    return q.where('date', '>=', args[at + c] as string).where('date', '<=', args[at + c + 1] as string);
  };
  return {
    page: (db: Executor, ...args: unknown[]) =>
      txns(db, args)
        .select(FIELD_COLUMNS)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(args[n + 1] as number)
        .offset(args[n + 2] as number),
    pageFrom: (db: Executor, ...args: unknown[]) =>
      txns(db, args)
        .where('date', '<=', args[n + 1] as string)
        .select(FIELD_COLUMNS)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(args[n + 2] as number)
        .offset(args[n + 3] as number),
    total: (db: Executor, ...args: unknown[]) => {
      let q = db.selectFrom('transaction_month_counts').where('account_id', '=', args[0] as string);
      if (byCategory) q = q.where('category', '=', args[1] as string);
      return q.select((eb) => eb.fn.sum<number>('n').as('n'));
    },
    totalIn: (db: Executor, ...args: unknown[]) =>
      db.selectNoFrom((eb) =>
        eb(
          eb(
            months(db, args, 0).select((m) => m.fn.coalesce(m.fn.sum<number>('n'), m.lit(0)).as('n')),
            '+',
            days(db, args, c + 2).select((d) => d.fn.coalesce(d.fn.sum<number>('n'), d.lit(0)).as('n')),
          ),
          '+',
          days(db, args, 2 * (c + 2)).select((d) => d.fn.coalesce(d.fn.sum<number>('n'), d.lit(0)).as('n')),
        ).as('n'),
      ),
    months: (db: Executor, ...args: unknown[]) =>
      months(db, args)
        .select((eb) => ['month', eb.fn.sum<number>('n').as('n')])
        .groupBy('month')
        .orderBy('month', 'desc'),
    days: (db: Executor, ...args: unknown[]) =>
      days(db, args)
        .select((eb) => ['date', eb.fn.sum<number>('n').as('n')])
        .groupBy('date')
        .orderBy('date', 'desc'),
  };
}

const filterCount = (shape: Shape): number =>
  (shape.from !== undefined ? 1 : 0) +
  (shape.to !== undefined ? 1 : 0) +
  (shape.category !== undefined ? 1 : 0);

function compileListQueries(shape: Shape) {
  const b = listQueryBuilders(shape);
  const sample = sampleArgs(shape);
  const counting = shape.category !== undefined ? ['acc', 'category'] : ['acc'];
  return {
    page: preparedArrays(b.page, [...sample, 50, 0]),
    pageFrom: preparedArrays(b.pageFrom, [...sample, 'start', 50, 0]),
    // Arrays as the page is read (one value: the count), so both statements of a page go out alike.
    total: preparedArrays(b.total, counting),
    totalIn: preparedArrays(b.totalIn, [
      ...counting,
      'mLo',
      'mHi',
      ...counting,
      'aLo',
      'aHi',
      ...counting,
      'bLo',
      'bHi',
    ]),
    months: preparedQuery(b.months, [...counting, 'lo', 'hi']),
    days: preparedQuery(b.days, [...counting, 'lo', 'hi']),
  };
}

// Distinct sample values, so preparedQuery can check each lands in its own parameter slot.
const sampleArgs = (shape: Shape): unknown[] => [
  'acc',
  ...(shape.from !== undefined ? ['from'] : []),
  ...(shape.to !== undefined ? ['to'] : []),
  ...(shape.category !== undefined ? ['category'] : []),
];

/** A range that holds nothing (lo > hi), for months and for dates. */
const NO_MONTHS = ['9999-12', '0000-01'] as const;
const NO_DAYS = ['9999-12-31', '0000-01-01'] as const;

/**
 * A date filter as the counts read it: the whole months inside it (month counts) and the partial
 * months at its lower edge `a` and upper edge `b` (day counts), each an inclusive [lo, hi] range.
 * Without a filter: every month, no edges. Dates and months are compared as 'YYYY-MM-DD' and 'YYYY-MM'
 * text, as the columns hold them.
 */
export interface DateSpan {
  months: readonly [string, string];
  a: readonly [string, string];
  b: readonly [string, string];
}

const monthStart = (month: string) => `${month}-01`;
function monthEnd(month: string): string {
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
}
function addMonth(month: string, k: 1 | -1): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + k, 1));
  return d.toISOString().slice(0, 7);
}

export function dateSpanOf(from: string | undefined, to: string | undefined): DateSpan {
  if (from === undefined && to === undefined)
    return { months: ['0000-01', '9999-12'], a: NO_DAYS, b: NO_DAYS };
  const lo = from ?? '0000-01-01';
  const hi = to ?? '9999-12-31';
  // The first and last months the filter covers whole.
  const first = from === undefined || from.endsWith('-01') ? lo.slice(0, 7) : addMonth(lo.slice(0, 7), 1);
  const last =
    to === undefined || to === monthEnd(hi.slice(0, 7)) ? hi.slice(0, 7) : addMonth(hi.slice(0, 7), -1);
  if (first > last) return { months: NO_MONTHS, a: [lo, hi], b: NO_DAYS };
  return {
    months: [first, last],
    a: lo < monthStart(first) ? [lo, monthEnd(addMonth(first, -1))] : NO_DAYS,
    b: hi > monthEnd(last) ? [monthStart(addMonth(last, 1)), hi] : NO_DAYS,
  };
}

/**
 * Up to this offset a page is read with OFFSET on the index directly; beyond it, the offset is first
 * located through the counts — the month it falls in (transaction_month_counts), then the day
 * within that month (transaction_day_counts) — so the index is entered at that date and only the
 * entries of that day are skipped: a page at offset 1,000,000 costs about what the first does.
 * With a category the index is (account_id, category, date, id) (migration 0019_big_category_index),
 * so the skipped entries are index entries too, never table rows read only to test their category.
 */
const DIRECT_OFFSET = 1000;

/**
 * listTransactions without a promise, where it can be: on SQLite's read-only connection and up to
 * DIRECT_OFFSET (the two statements the bench's bare route runs); undefined elsewhere (then call
 * listTransactions). The same statements, arguments and answer.
 */
export function listTransactionsNow(
  db: Executor,
  accountId: string,
  f: ListFilter,
): { rows: TransactionValues[]; total: number } | undefined {
  if (f.offset > DIRECT_OFFSET) return undefined;
  const q = listQueriesFor(f);
  const args: unknown[] = [accountId];
  if (f.from !== undefined) args.push(f.from);
  if (f.to !== undefined) args.push(f.to);
  if (f.category !== undefined) args.push(f.category);
  const rows = q.page.now(db, [...args, f.limit, f.offset]);
  if (rows === undefined) return undefined;
  const counting: string[] = f.category !== undefined ? [accountId, f.category] : [accountId];
  let count: unknown[][] | undefined;
  if (f.from !== undefined || f.to !== undefined) {
    const span = dateSpanOf(f.from, f.to);
    count = q.totalIn.now(db, [...counting, ...span.months, ...counting, ...span.a, ...counting, ...span.b]);
  } else count = q.total.now(db, counting);
  if (count === undefined) return undefined;
  return { rows, total: Number(count[0]?.[0] ?? 0) };
}

function listQueriesFor(f: Shape): ReturnType<typeof compileListQueries> {
  const key = `${f.from !== undefined}${f.to !== undefined}${f.category !== undefined}`;
  let q = listQueries.get(key);
  if (!q) {
    q = compileListQueries(f);
    listQueries.set(key, q);
  }
  return q;
}

/**
 * List mode: newest first, with the total for the filter. Rows are the values of FIELD_COLUMNS
 * (valuesToTransactionJson makes each one's JSON), read without Kysely on the hot path.
 */
export async function listTransactions(
  db: Executor,
  accountId: string,
  f: ListFilter,
): Promise<{ rows: TransactionValues[]; total: number }> {
  const q = listQueriesFor(f);
  const args: unknown[] = [accountId];
  if (f.from !== undefined) args.push(f.from);
  if (f.to !== undefined) args.push(f.to);
  if (f.category !== undefined) args.push(f.category);
  const counting: string[] = f.category !== undefined ? [accountId, f.category] : [accountId];
  const dated = f.from !== undefined || f.to !== undefined;
  const span = dateSpanOf(f.from, f.to);
  if (f.offset <= DIRECT_OFFSET) {
    const [rows, count] = await Promise.all([
      q.page(db, ...args, f.limit, f.offset),
      dated
        ? q.totalIn(db, ...counting, ...span.months, ...counting, ...span.a, ...counting, ...span.b)
        : q.total(db, ...counting),
    ]);
    return { rows, total: Number(count[0]?.[0] ?? 0) };
  }
  // Newest first: the upper edge's days, the whole months, the lower edge's days.
  const [upper, whole, lower] = await Promise.all([
    span.b === NO_DAYS ? [] : q.days(db, ...counting, ...span.b),
    span.months === NO_MONTHS ? [] : q.months(db, ...counting, ...span.months),
    span.a === NO_DAYS ? [] : q.days(db, ...counting, ...span.a),
  ]);
  const buckets: Array<{ date?: string; month?: string; n: number }> = [
    ...upper.map((d) => ({ date: d.date, n: Number(d.n) })),
    ...whole.map((m) => ({ month: m.month, n: Number(m.n) })),
    ...lower.map((d) => ({ date: d.date, n: Number(d.n) })),
  ];
  let total = 0;
  let at: (typeof buckets)[number] | undefined;
  let skip = 0;
  for (const b of buckets) {
    if (at === undefined && total + b.n > f.offset) {
      at = b;
      skip = f.offset - total;
    }
    total += b.n;
  }
  if (at === undefined) return { rows: [], total };
  let start = at.date;
  if (at.month !== undefined) {
    // Within the month: its days, newest first.
    for (const d of await q.days(db, ...counting, monthStart(at.month), monthEnd(at.month))) {
      const n = Number(d.n);
      if (skip < n) {
        start = d.date;
        break;
      }
      skip -= n;
    }
    // A write between the two reads (PostgreSQL: two snapshots) can leave the days short of the
    // month's count: start at the month's first day rather than answer an empty page.
    start ??= monthStart(at.month);
  }
  if (start === undefined) return { rows: [], total };
  if (f.to !== undefined) {
    // `start` replaces `to` (it is never later): with both as upper bounds, SQLite enters the index
    // at `to` and reads every row down to `start` (500,000 of them at a deep offset).
    args[f.from !== undefined ? 2 : 1] = start;
    return { rows: await q.page(db, ...args, f.limit, skip), total };
  }
  const rows = await q.pageFrom(db, ...args, start, f.limit, skip);
  return { rows, total };
}

export interface NewTransaction {
  bankTxnId: string;
  date: string;
  amount: number;
  description: string;
  category: string;
  pending: boolean;
  pendingTransactionId?: string | null;
}

// Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits (12 columns × 256). A
// batch runs as chunks of CHUNK, then powers of two for the rest, so a table has at most nine
// statement texts: each is built and compiled by Kysely once and stays prepared (db/index.ts).
const CHUNK = 256;

// Rows an insert writes before it lets the event loop answer other requests (a few tens of
// milliseconds of work): counted in rows, not time, so a loaded machine does not make it yield more.
const YIELD_EVERY_ROWS = 8 * CHUNK;

// Compiled INSERT text per dialect adapter, by table, columns and row count.
const insertTexts = new WeakMap<object, Map<string, string>>();

function insertText(
  trx: Executor,
  table: 'transactions' | 'transaction_changes',
  columns: string[],
  n: number,
): string {
  const adapter = trx.getExecutor().adapter;
  let texts = insertTexts.get(adapter);
  if (!texts) {
    texts = new Map();
    insertTexts.set(adapter, texts);
  }
  const key = `${table}\u0000${columns.join(',')}\u0000${n}`;
  let text = texts.get(key);
  if (text === undefined) {
    // Distinct sample values show the compiled order of the parameters: row by row, column by column.
    const sample = Array.from({ length: n }, (_, j) =>
      Object.fromEntries(columns.map((c) => [c, `${c}:${j}`])),
    );
    const q = trx
      .insertInto(table)
      .values(sample as never)
      .compile();
    const expected = sample.flatMap((r) => columns.map((c) => r[c]));
    if (q.parameters.length !== expected.length || q.parameters.some((p, i) => p !== expected[i])) {
      throw new Error(`unexpected parameter order in the compiled INSERT INTO ${table}`);
    }
    text = q.sql;
    texts.set(key, text);
  }
  return text;
}

// PostgreSQL element type of the columns that are not text (the unnest insert's casts).
const PG_TYPES: Readonly<Record<string, string>> = { amount: 'bigint', pending: 'integer', seq: 'bigint' };
const pgInsertTexts = new Map<string, string>();

/** `INSERT … SELECT * FROM unnest($1::text[], …)`: one array per column, the same text for any row count. */
function pgInsertText(table: 'transactions' | 'transaction_changes', columns: string[]): string {
  const key = `${table}\u0000${columns.join(',')}`;
  let text = pgInsertTexts.get(key);
  if (text === undefined) {
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) select * from unnest(${columns
      .map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`)
      .join(', ')})`;
    // Prepared once per connection (db/pg-named.ts), like the hot reads.
    markHot(text);
    pgInsertTexts.set(key, text);
  }
  return text;
}

/**
 * Inserts rows (all with the same columns) in chunks on the caller's transaction, yielding to the
 * event loop every YIELD_EVERY_ROWS rows: a large import is then many short
 * steps, and other requests (whose reads go to SQLite's read-only connection, or to other
 * PostgreSQL connections) are answered in between instead of after the whole import. A small one
 * (a sandbox connection's year) usually runs in one go: each yield keeps the transaction — and on
 * SQLite Kysely's one write connection — open longer, which the next writes wait for.
 * PostgreSQL: each step is one statement, its columns sent as array literals (db/pg-array.ts) —
 * building and encoding 12 parameters a row for multi-row VALUES cost several times more CPU, and
 * the statement-level count triggers (migration 0016) then run once a step instead of per 256 rows.
 */
async function insertRows(
  trx: Executor,
  table: 'transactions' | 'transaction_changes',
  count: number,
  rowAt: (index: number) => Record<string, unknown>,
): Promise<void> {
  if (count === 0) return;
  let columns: string[] | undefined;
  let i = 0;
  if (trx.getExecutor().adapter instanceof PostgresAdapter) {
    while (i < count) {
      const n = Math.min(YIELD_EVERY_ROWS, count - i);
      const first = rowAt(i);
      columns ??= Object.keys(first);
      const cols = columns.map(() => new Array<unknown>(n));
      for (let j = 0; j < n; j++) {
        const row = j === 0 ? first : rowAt(i + j);
        for (let c = 0; c < columns.length; c++) (cols[c] as unknown[])[j] = row[columns[c] as string];
      }
      const params = cols.map((col) => pgArrayLiteral(col, n));
      await trx.executeQuery(CompiledQuery.raw(pgInsertText(table, columns), params));
      i += n;
      if (i < count) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return;
  }
  while (i < count) {
    let n = CHUNK;
    while (n > count - i) n >>= 1;
    const params: unknown[] = [];
    for (let j = i; j < i + n; j++) {
      // Rows are built chunk by chunk, so their cost (an id's hash, say) is spread out too.
      const row = rowAt(j);
      columns ??= Object.keys(row);
      for (const c of columns) params.push(row[c]);
    }
    await trx.executeQuery(CompiledQuery.raw(insertText(trx, table, columns ?? [], n), params));
    i += n;
    if (i < count && i % YIELD_EVERY_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Reserves `count` sequence numbers in the account's change log and returns the first. The UPDATE
 * takes the account row's lock (PostgreSQL), which serialises writers of one account until commit:
 * sequence numbers therefore become visible in order, so a reader that sees seq n has seen every
 * change before it and a cursor never skips one.
 */
async function reserveSeqs(trx: Executor, accountId: string, count: number): Promise<number> {
  const bumped = await trx
    .updateTable('accounts')
    .set((eb) => ({ change_seq: eb('change_seq', '+', count) }))
    .where('id', '=', accountId)
    .returning('change_seq')
    .executeTakeFirstOrThrow();
  return Number(bumped.change_seq) - count + 1;
}

type ChangeKind = TransactionChangesTable['kind'];

async function writeChanges(
  trx: Executor,
  accountId: string,
  firstSeq: number,
  entries: ReadonlyArray<{ transactionId: string; kind: ChangeKind }>,
  nowIso: string,
): Promise<void> {
  await insertRows(trx, 'transaction_changes', entries.length, (j) => {
    const e = entries[j] as (typeof entries)[number];
    return {
      account_id: accountId,
      seq: firstSeq + j,
      transaction_id: e.transactionId,
      kind: e.kind,
      created_at: nowIso,
    };
  });
}

/** Inserts transactions and appends one 'added' entry per row to the account's change log. */
export async function insertTransactions(
  trx: Executor,
  account: { id: string; currency: string },
  txns: readonly NewTransaction[],
  nowIso: string,
): Promise<string[]> {
  if (txns.length === 0) return [];
  const firstSeq = await reserveSeqs(trx, account.id, txns.length);
  const ids: string[] = [];
  await insertRows(trx, 'transactions', txns.length, (j) => {
    const t = txns[j] as NewTransaction;
    const id = transactionIdFor(account.id, t.bankTxnId);
    ids.push(id);
    return {
      id,
      account_id: account.id,
      bank_txn_id: t.bankTxnId,
      date: t.date,
      amount: t.amount,
      currency: account.currency,
      description: t.description,
      category: t.category,
      pending: t.pending ? 1 : 0,
      pending_transaction_id: t.pendingTransactionId ?? null,
      created_at: nowIso,
      updated_at: nowIso,
    };
  });
  await writeChanges(
    trx,
    account.id,
    firstSeq,
    ids.map((id) => ({ transactionId: id, kind: 'added' as const })),
    nowIso,
  );
  return ids;
}

/** Deletes transactions (e.g. a pending one that posted) and logs each as 'removed'. Returns the ids removed. */
export async function removeTransactions(
  trx: Executor,
  accountId: string,
  ids: readonly string[],
  nowIso: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const firstSeq = await reserveSeqs(trx, accountId, ids.length);
  const deleted = await trx
    .deleteFrom('transactions')
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .returning('id')
    .execute();
  const gone = new Set(deleted.map((d) => d.id));
  const removed = ids.filter((id) => gone.has(id));
  if (removed.length < ids.length) {
    // Give back the numbers we reserved but will not use, so the log has no holes.
    await trx
      .updateTable('accounts')
      .set((eb) => ({ change_seq: eb('change_seq', '-', ids.length - removed.length) }))
      .where('id', '=', accountId)
      .execute();
  }
  await writeChanges(
    trx,
    accountId,
    firstSeq,
    removed.map((id) => ({ transactionId: id, kind: 'removed' as const })),
    nowIso,
  );
  return removed;
}

export interface TransactionPatch {
  description?: string;
  amount?: number;
  category?: string;
  date?: string;
  /** 0 when a pending transaction posted under the same bank id. */
  pending?: number;
}

/** Changes a stored transaction (the bank corrected it) and logs 'modified'. False when there is no such row. */
export async function updateTransaction(
  trx: Executor,
  accountId: string,
  transactionId: string,
  patch: TransactionPatch,
  nowIso: string,
): Promise<boolean> {
  const firstSeq = await reserveSeqs(trx, accountId, 1);
  const updated = await trx
    .updateTable('transactions')
    .set({ ...definedOnly(patch), updated_at: nowIso })
    .where('account_id', '=', accountId)
    .where('id', '=', transactionId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx
      .updateTable('accounts')
      .set((eb) => ({ change_seq: eb('change_seq', '-', 1) }))
      .where('id', '=', accountId)
      .execute();
    return false;
  }
  await writeChanges(trx, accountId, firstSeq, [{ transactionId, kind: 'modified' }], nowIso);
  return true;
}

const definedOnly = (patch: TransactionPatch): TransactionPatch =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as TransactionPatch;

/** One entry of the change log with the transaction's current columns (null once it was deleted). */
export interface ChangeRow {
  seq: number;
  kind: ChangeKind;
  transaction_id: string;
  row: TransactionFields | null;
}

/**
 * A change-log row as readChangeValues returns it: seq, kind, transaction id, then the transaction's
 * current values in FIELD_COLUMNS order from CHANGE_FIELDS_AT on (all null once it was deleted).
 */
export type ChangeValues = unknown[];
export const CHANGE_FIELDS_AT = 3;

// Rows as arrays (preparedArrays): a sync page is up to 500 rows, and an object per row, then a
// second one for the transaction, were only garbage on the way to each row's JSON object (on
// PostgreSQL the driver builds no row object either). The join dominates what is left.
const changesPage = preparedArrays(
  (db, accountId: string, afterSeq: number, limit: number) =>
    db
      .selectFrom('transaction_changes as c')
      .leftJoin('transactions as t', 't.id', 'c.transaction_id')
      .select(['c.seq', 'c.kind', 'c.transaction_id'])
      .select(FIELD_COLUMNS.map((c) => `t.${c}` as const))
      .where('c.account_id', '=', accountId)
      .where('c.seq', '>', afterSeq)
      .orderBy('c.seq')
      .limit(limit),
  ['acc', 0, 100],
);

/**
 * Keyset page of the change log after `afterSeq`, joined to the transactions' current state in one
 * statement (one consistent snapshot on both databases), as arrays (ChangeValues). Prepared once:
 * on SQLite it runs on the read-only connection, on PostgreSQL as a named statement.
 */
export function readChangeValues(
  db: Executor,
  accountId: string,
  afterSeq: number,
  limit: number,
): Promise<ChangeValues[]> {
  return changesPage(db, accountId, afterSeq, limit);
}

/** The same as ChangeRow objects. */
export async function readChanges(
  db: Executor,
  accountId: string,
  afterSeq: number,
  limit: number,
): Promise<ChangeRow[]> {
  const rows = await readChangeValues(db, accountId, afterSeq, limit);
  return rows.map((r) => ({
    seq: Number(r[0]),
    kind: r[1] as ChangeKind,
    transaction_id: r[2] as string,
    row:
      r[CHANGE_FIELDS_AT] === null
        ? null
        : (Object.fromEntries(
            FIELD_COLUMNS.map((c, i) => [c, r[CHANGE_FIELDS_AT + i]]),
          ) as unknown as TransactionFields),
  }));
}

/** Pending transactions of an account, for a refresh to ask the bank which of them posted. */
export async function listPendingTransactions(db: Executor, accountId: string): Promise<TransactionRow[]> {
  return db
    .selectFrom('transactions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('pending', '=', 1)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Which of these bank ids the account already holds (so a re-delivered transaction is not added twice). */
export async function existingBankTxnIds(
  db: Executor,
  accountId: string,
  bankTxnIds: readonly string[],
): Promise<Set<string>> {
  if (bankTxnIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('transactions')
    .select('bank_txn_id')
    .where('account_id', '=', accountId)
    .where('bank_txn_id', 'in', bankTxnIds)
    .execute();
  return new Set(rows.map((r) => r.bank_txn_id));
}

/** Every transaction of an account, oldest first: the input of recurring detection. */
export async function listAllTransactions(
  db: Executor,
  accountId: string,
): Promise<Array<Pick<TransactionRow, 'id' | 'date' | 'amount' | 'description' | 'category' | 'pending'>>> {
  return db
    .selectFrom('transactions')
    .select(['id', 'date', 'amount', 'description', 'category', 'pending'])
    .where('account_id', '=', accountId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** What a refresh compares with the bank's window: rows dated from `from` on, and every pending row. */
export async function listHeldForWindow(
  db: Executor,
  accountId: string,
  from: string,
): Promise<TransactionRow[]> {
  return db
    .selectFrom('transactions')
    .selectAll()
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('date', '>=', from), eb('pending', '=', 1)]))
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/** Where a chunked deletion of an account's history stands: the last change and transaction deleted. */
export interface HistoryDeletionPoint {
  seq: number;
  date: string;
  id: string;
}

export const HISTORY_DELETION_START: HistoryDeletionPoint = { seq: 0, date: '', id: '' };

/**
 * Deletes up to `rows` entries of an account's change log and up to `rows` of its transactions
 * after `after` (oldest first), in the caller's (short) transaction. The count triggers leave a
 * revoked account's day and month counts as they were (migration 0023): deleteCountsChunk removes
 * them once its history is gone. The background deletion of a revoked connection
 * (connections/purge.ts) calls it chunk by chunk, carrying the returned point: each chunk's index
 * scan starts where the last one stopped instead of walking the entries already deleted (on
 * PostgreSQL they stay in the index until vacuumed, which made every chunk slower than the last).
 * Starting again from HISTORY_DELETION_START (after a restart) is always correct.
 */
export async function deleteHistoryChunk(
  trx: Executor,
  accountId: string,
  rows: number,
  after: HistoryDeletionPoint,
): Promise<{ changes: number; transactions: number; next: HistoryDeletionPoint }> {
  const changes = await trx
    .deleteFrom('transaction_changes')
    .where('account_id', '=', accountId)
    .where('seq', 'in', (eb) =>
      eb
        .selectFrom('transaction_changes')
        .select('seq')
        .where('account_id', '=', accountId)
        .where('seq', '>', after.seq)
        .orderBy('seq')
        .limit(rows),
    )
    .returning('seq')
    .execute();
  const txns = await trx
    .deleteFrom('transactions')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('transactions')
        .select('id')
        .where('account_id', '=', accountId)
        .where((w) => w(w.refTuple('date', 'id'), '>', w.tuple(after.date, after.id)))
        .orderBy('date')
        .orderBy('id')
        .limit(rows),
    )
    .returning(['date', 'id'])
    .execute();
  const next = { ...after };
  for (const c of changes) next.seq = Math.max(next.seq, Number(c.seq));
  for (const t of txns) {
    if (t.date > next.date || (t.date === next.date && t.id > next.id)) {
      next.date = t.date;
      next.id = t.id;
    }
  }
  return { changes: changes.length, transactions: txns.length, next };
}

/**
 * Deletes up to `rows` of an account's day and month counts (a revoked account's, frozen while its
 * history was deleted: migration 0023), in the caller's transaction; returns how many went.
 */
export async function deleteCountsChunk(trx: Executor, accountId: string, rows: number): Promise<number> {
  let deleted = 0;
  for (const table of ['transaction_day_counts', 'transaction_month_counts'] as const) {
    if (deleted >= rows) break;
    // Both keyed (account_id, date or month, category); the same query shape on either.
    const key = (table === 'transaction_day_counts' ? 'date' : 'month') as 'date';
    const r = await trx
      .deleteFrom(table as 'transaction_day_counts')
      .where('account_id', '=', accountId)
      .where(({ eb, refTuple, selectFrom }) =>
        eb(
          refTuple(key, 'category'),
          'in',
          selectFrom(table as 'transaction_day_counts')
            .select([key, 'category'])
            .where('account_id', '=', accountId)
            .orderBy(key)
            .orderBy('category')
            .limit(rows - deleted)
            .$asTuple(key, 'category'),
        ),
      )
      .executeTakeFirst();
    deleted += Number(r.numDeletedRows);
  }
  return deleted;
}
