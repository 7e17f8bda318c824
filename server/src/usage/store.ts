import { sql } from 'kysely';
import type { Executor } from '../db/index.js';
import { readRows } from '../db/prepared.js';

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

const MINUTE_MS = 60_000;
const isoOf = (ms: number): string => new Date(ms).toISOString();

/**
 * A range split in two: the whole UTC minutes inside it, counted from the roll-up (usage_minutes:
 * 'YYYY-MM-DDTHH:MM', `lo` inclusive, `hi` exclusive; null when there are none), and the partial
 * minutes at its edges, counted from the usage rows themselves ([from, to) instants). Together they
 * cover the range exactly once; the roll-up is written in the usage rows' own transaction.
 */
export function splitRange(f: Pick<UsageFilter, 'from' | 'toExclusive'>): {
  minutes: { lo?: string; hi?: string } | null;
  edges: Array<{ from?: string; to?: string }>;
} {
  const fromMs = f.from === undefined ? undefined : Date.parse(f.from);
  const toMs = f.toExclusive === undefined ? undefined : Date.parse(f.toExclusive);
  const lo = fromMs === undefined ? undefined : Math.ceil(fromMs / MINUTE_MS) * MINUTE_MS;
  const hi = toMs === undefined ? undefined : Math.floor(toMs / MINUTE_MS) * MINUTE_MS;
  if (lo !== undefined && hi !== undefined && lo >= hi) {
    return { minutes: null, edges: [{ from: f.from, to: f.toExclusive }] };
  }
  const edges: Array<{ from?: string; to?: string }> = [];
  if (fromMs !== undefined && lo !== undefined && lo !== fromMs) edges.push({ from: f.from, to: isoOf(lo) });
  if (toMs !== undefined && hi !== undefined && hi !== toMs)
    edges.push({ from: isoOf(hi), to: f.toExclusive });
  return {
    minutes: {
      ...(lo !== undefined ? { lo: isoOf(lo).slice(0, 16) } : {}),
      ...(hi !== undefined ? { hi: isoOf(hi).slice(0, 16) } : {}),
    },
    edges,
  };
}

/**
 * The developer's requests in the range as (endpoint, status, environment, t, n) rows: n requests
 * at time t (a minute of the roll-up, or one usage row's instant at the range's edges).
 */
function counted(db: Executor, f: UsageFilter) {
  const { minutes, edges } = splitRange(f);
  let raw = db
    .selectFrom('usage_events')
    .select(['endpoint', 'status', 'environment', 'at as t', sql<number>`1`.as('n')])
    .where('developer_id', '=', f.developerId);
  if (f.keyId !== undefined) raw = raw.where('api_key_id', '=', f.keyId);
  raw = raw.where((eb) =>
    eb.or(
      edges.map((e) =>
        eb.and([
          ...(e.from !== undefined ? [eb('at', '>=', e.from)] : []),
          ...(e.to !== undefined ? [eb('at', '<', e.to)] : []),
        ]),
      ),
    ),
  );
  if (!minutes) return raw;
  let m = db
    .selectFrom('usage_minutes')
    .select(['endpoint', 'status', 'environment', 'minute as t', 'requests as n'])
    .where('developer_id', '=', f.developerId);
  if (f.keyId !== undefined) m = m.where('api_key_id', '=', f.keyId);
  if (minutes.lo !== undefined) m = m.where('minute', '>=', minutes.lo);
  if (minutes.hi !== undefined) m = m.where('minute', '<', minutes.hi);
  return edges.length === 0 ? m : m.unionAll(raw);
}

const errorsOf = sql<number>`COALESCE(SUM(CASE WHEN status >= 400 THEN n ELSE 0 END), 0)`;

export interface UsageTotals {
  total: number;
  errors: number;
  billable: number;
}

/** Billable: successful (2xx) requests made with live keys. */
export async function usageTotals(db: Executor, f: UsageFilter): Promise<UsageTotals> {
  const [row] = await readRows(
    db,
    db
      .selectFrom(counted(db, f).as('u'))
      .select([
        sql<number>`COALESCE(SUM(n), 0)`.as('total'),
        errorsOf.as('errors'),
        sql<number>`COALESCE(SUM(CASE WHEN environment = 'live' AND status >= 200 AND status < 300 THEN n ELSE 0 END), 0)`.as(
          'billable',
        ),
      ]),
  );
  if (!row) return { total: 0, errors: 0, billable: 0 };
  return { total: Number(row.total), errors: Number(row.errors), billable: Number(row.billable) };
}

export interface EndpointUsage {
  endpoint: string;
  requests: number;
  errors: number;
}

export async function usageByEndpoint(db: Executor, f: UsageFilter): Promise<EndpointUsage[]> {
  const rows = await readRows(
    db,
    db
      .selectFrom(counted(db, f).as('u'))
      .select(['endpoint', sql<number>`SUM(n)`.as('requests'), errorsOf.as('errors')])
      .groupBy('endpoint')
      .orderBy('requests', 'desc')
      .orderBy('endpoint'),
  );
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
  const rows = await readRows(
    db,
    scoped(db, f)
      .select(['request_id', 'endpoint', 'error_code', 'status', 'at'])
      // A literal, so the planner can use the partial index of failed requests (usage_events_errors).
      .where(sql<boolean>`status >= 400`)
      // Event ids sort by time then by a per-process sequence, so ties in `at` keep arrival order.
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit),
  );
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
  const bucket = sql<string>`substr(t, 1, ${sql.lit(granularity === 'hour' ? 13 : 10)})`;
  const rows = await readRows(
    db,
    db
      .selectFrom(counted(db, f).as('u'))
      .select([bucket.as('bucket'), sql<number>`SUM(n)`.as('requests'), errorsOf.as('errors')])
      .groupBy(bucket)
      .orderBy(bucket),
  );
  return rows.map((r) => ({
    bucket: granularity === 'hour' ? `${r.bucket}:00:00.000Z` : r.bucket,
    requests: Number(r.requests),
    errors: Number(r.errors),
  }));
}
