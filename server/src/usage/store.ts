import { CompiledQuery, sql } from 'kysely';
import type { Dialect, Executor } from '../db/index.js';
import { markHot } from '../db/pg-named.js';
import type { UsageEventsTable } from '../db/schema.js';
import type { Environment } from '../http/principals.js';

export type UsageRow = UsageEventsTable;

// 10 columns per row: 500 rows stay far below SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_CHUNK = 500;
const COLUMNS = [
  'id',
  'api_key_id',
  'developer_id',
  'environment',
  'method',
  'endpoint',
  'status',
  'error_code',
  'request_id',
  'at',
] as const;

const insertTexts = new Map<number, string>();
/**
 * SQLite's multi-row INSERT text for `n` rows, built once per n and cached: going through the
 * query builder for 5,000 values costs more CPU than SQLite's insert itself, on every flush.
 */
function insertText(n: number): string {
  let text = insertTexts.get(n);
  if (text === undefined) {
    const tuples = Array.from({ length: n }, () => `(${COLUMNS.map(() => '?').join(',')})`);
    text = `insert into usage_events (${COLUMNS.join(', ')}) values ${tuples.join(',')}`;
    insertTexts.set(n, text);
  }
  return text;
}

// PostgreSQL: one array per column, so the statement text is the same for any number of rows —
// parsing and planning a 5,000-parameter VALUES list on every flush cost more than the insert.
const PG_INSERT = `insert into usage_events (${COLUMNS.join(', ')}) select * from unnest(${COLUMNS.map(
  (c, i) => `$${i + 1}::${c === 'status' ? 'integer' : 'text'}[]`,
).join(', ')})`;
markHot(PG_INSERT);

export async function insertUsageRows(
  db: Executor,
  dialect: Dialect,
  rows: readonly UsageRow[],
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

/** Moves last_used_at forward only (several processes flush in any order). */
export async function touchKey(db: Executor, keyId: string, at: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('id', '=', keyId)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
    .execute();
}

export interface KeyOwner {
  id: string;
  developer_id: string;
  environment: Environment;
}

/** Owners of keys known only by hash (requests whose key was refused or whose route did not exist). */
export async function keysByHash(db: Executor, hashes: readonly string[]): Promise<Map<string, KeyOwner>> {
  const found = new Map<string, KeyOwner>();
  if (hashes.length === 0) return found;
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'developer_id', 'environment', 'key_hash'])
    .where('key_hash', 'in', hashes)
    .execute();
  for (const r of rows)
    found.set(r.key_hash, { id: r.id, developer_id: r.developer_id, environment: r.environment });
  // Secrets replaced by a roll (e.g. an expired one answering REVOKED_API_KEY) count for their key.
  const missing = hashes.filter((h) => !found.has(h));
  if (missing.length === 0) return found;
  const rolled = await db
    .selectFrom('api_key_rolled_secrets')
    .innerJoin('api_keys', 'api_keys.id', 'api_key_rolled_secrets.api_key_id')
    .select([
      'api_keys.id',
      'api_keys.developer_id',
      'api_keys.environment',
      'api_key_rolled_secrets.key_hash',
    ])
    .where('api_key_rolled_secrets.key_hash', 'in', missing)
    .execute();
  for (const r of rolled)
    found.set(r.key_hash, { id: r.id, developer_id: r.developer_id, environment: r.environment });
  return found;
}

export interface UsageFilter {
  developerId: string;
  keyId?: string;
  /** Inclusive lower bound, ISO instant. */
  from?: string;
  /** Exclusive upper bound, ISO instant. */
  toExclusive?: string;
}

function scoped(db: Executor, f: UsageFilter) {
  let q = db.selectFrom('usage_events').where('developer_id', '=', f.developerId);
  if (f.keyId !== undefined) q = q.where('api_key_id', '=', f.keyId);
  if (f.from !== undefined) q = q.where('at', '>=', f.from);
  if (f.toExclusive !== undefined) q = q.where('at', '<', f.toExclusive);
  return q;
}

const isError = sql<number>`CASE WHEN status >= 400 THEN 1 ELSE 0 END`;

export interface UsageTotals {
  total: number;
  errors: number;
  billable: number;
}

/** Billable: successful (2xx) requests made with live keys. */
export async function usageTotals(db: Executor, f: UsageFilter): Promise<UsageTotals> {
  const row = await scoped(db, f)
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      sql<number>`COALESCE(SUM(CASE WHEN status >= 400 THEN 1 ELSE 0 END), 0)`.as('errors'),
      sql<number>`COALESCE(SUM(CASE WHEN environment = 'live' AND status >= 200 AND status < 300 THEN 1 ELSE 0 END), 0)`.as(
        'billable',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), errors: Number(row.errors), billable: Number(row.billable) };
}

export interface EndpointUsage {
  endpoint: string;
  requests: number;
  errors: number;
}

export async function usageByEndpoint(db: Executor, f: UsageFilter): Promise<EndpointUsage[]> {
  const rows = await scoped(db, f)
    .select((eb) => [
      'endpoint',
      eb.fn.countAll<number>().as('requests'),
      eb.fn.sum<number>(isError).as('errors'),
    ])
    .groupBy('endpoint')
    .orderBy('requests', 'desc')
    .orderBy('endpoint')
    .execute();
  return rows.map((r) => ({ endpoint: r.endpoint, requests: Number(r.requests), errors: Number(r.errors) }));
}

export interface RecentError {
  request_id: string;
  endpoint: string;
  error_code: string | null;
  status: number;
  at: string;
}

export async function recentErrors(db: Executor, f: UsageFilter, limit: number): Promise<RecentError[]> {
  const rows = await scoped(db, f)
    .select(['request_id', 'endpoint', 'error_code', 'status', 'at'])
    .where('status', '>=', 400)
    // Event ids sort by time then by a per-process sequence, so ties in `at` keep arrival order.
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, status: Number(r.status) }));
}

export type Granularity = 'hour' | 'day';

export interface UsageBucket {
  bucket: string;
  requests: number;
  errors: number;
}

/** Requests per UTC hour or day; instants are ISO text, so a prefix of `at` is its bucket. */
export async function usageTimeSeries(
  db: Executor,
  f: UsageFilter,
  granularity: Granularity,
): Promise<UsageBucket[]> {
  // A literal length (not a bound parameter) so PostgreSQL sees the same expression in SELECT and GROUP BY.
  const bucket = sql<string>`substr(at, 1, ${sql.lit(granularity === 'hour' ? 13 : 10)})`;
  const rows = await scoped(db, f)
    .select((eb) => [
      bucket.as('bucket'),
      eb.fn.countAll<number>().as('requests'),
      eb.fn.sum<number>(isError).as('errors'),
    ])
    .groupBy(bucket)
    .orderBy(bucket)
    .execute();
  return rows.map((r) => ({
    bucket: granularity === 'hour' ? `${r.bucket}:00:00.000Z` : r.bucket,
    requests: Number(r.requests),
    errors: Number(r.errors),
  }));
}
