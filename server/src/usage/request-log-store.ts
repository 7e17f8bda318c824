import { CompiledQuery } from 'kysely';
import type { Dialect, Executor } from '../db/index.js';
import { markHot } from '../db/pg-named.js';
import type { RequestLogTable } from '../db/schema.js';

const COLUMNS = [
  'id',
  'developer_id',
  'api_key_id',
  'key_prefix',
  'method',
  'path',
  'endpoint',
  'status',
  'error_code',
  'error_body',
  'latency_ms',
  'request_id',
  'at',
] as const;

/** Rows per SQLite INSERT statement (13 parameters each: well under the bound-parameter limit). */
const INSERT_CHUNK = 500;
const insertTexts = new Map<number, string>();
/**
 * SQLite's multi-row INSERT text for `n` rows, built once per n: going through the query builder
 * for 500 rows of 13 values cost more CPU than SQLite's insert itself, on every flush.
 */
function insertText(n: number): string {
  let text = insertTexts.get(n);
  if (text === undefined) {
    const tuple = `(${COLUMNS.map(() => '?').join(',')})`;
    text = `insert into request_log (${COLUMNS.join(', ')}) values ${Array.from({ length: n }, () => tuple).join(',')}`;
    insertTexts.set(n, text);
  }
  return text;
}

const PG_TYPES: Partial<Record<(typeof COLUMNS)[number], string>> = { status: 'integer', latency_ms: 'real' };
// PostgreSQL: one array per column, so the statement text is the same for any number of rows.
const PG_INSERT = `insert into request_log (${COLUMNS.join(', ')}) select * from unnest(${COLUMNS.map(
  (c, i) => `$${i + 1}::${PG_TYPES[c] ?? 'text'}[]`,
).join(', ')})`;
markHot(PG_INSERT);

/** Writes a batch of request-log rows (inside the usage recorder's flush transaction). */
export async function insertRequestLogRows(
  db: Executor,
  dialect: Dialect,
  rows: readonly RequestLogTable[],
): Promise<void> {
  if (rows.length === 0) return;
  if (dialect === 'postgres') {
    await db.executeQuery(
      CompiledQuery.raw(
        PG_INSERT,
        COLUMNS.map((c) => rows.map((row) => row[c])),
      ),
    );
    return;
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const params: unknown[] = [];
    for (const row of chunk) for (const c of COLUMNS) params.push(row[c]);
    await db.executeQuery(CompiledQuery.raw(insertText(chunk.length), params));
  }
}

export interface RequestLogFilter {
  developerId: string;
  /** Inclusive lower bound (ISO), never older than the log's window. */
  from: string;
  /** Exclusive upper bound (ISO). */
  to?: string;
  keyId?: string;
  /** Exact status, or a class: 200 → 2xx when `statusClass` is set. */
  status?: number;
  statusClass?: 2 | 3 | 4 | 5;
  endpoint?: string;
  requestId?: string;
  /** Keyset paging: rows with an id below this (newest first). */
  before?: string;
  limit: number;
}

export async function listRequestLog(db: Executor, f: RequestLogFilter): Promise<RequestLogTable[]> {
  let q = db
    .selectFrom('request_log')
    .selectAll()
    .where('developer_id', '=', f.developerId)
    .where('at', '>=', f.from);
  if (f.to !== undefined) q = q.where('at', '<', f.to);
  if (f.keyId !== undefined) q = q.where('api_key_id', '=', f.keyId);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.statusClass !== undefined)
    q = q.where('status', '>=', f.statusClass * 100).where('status', '<', f.statusClass * 100 + 100);
  if (f.endpoint !== undefined) q = q.where('endpoint', '=', f.endpoint);
  if (f.requestId !== undefined) q = q.where('request_id', '=', f.requestId);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

/** Route patterns seen in the window, for the route filter. */
export async function requestLogEndpoints(
  db: Executor,
  developerId: string,
  from: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('request_log')
    .select('endpoint')
    .distinct()
    .where('developer_id', '=', developerId)
    .where('at', '>=', from)
    .orderBy('endpoint')
    .execute();
  return rows.map((r) => r.endpoint);
}
