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
 * minutes at its edges ([from, to) instants), counted from the requests' instants (usage_instants).
 * Together they cover the range exactly once; both are written in the same transaction per batch.
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

/** The developer's whole minutes in the range, from the roll-up, as (endpoint, status, environment, t, n). */
function wholeMinutes(db: Executor, f: UsageFilter, minutes: { lo?: string; hi?: string }) {
  let m = db
    .selectFrom('usage_minutes')
    .select(['endpoint', 'status', 'environment', 'minute as t', 'requests as n'])
    .where('developer_id', '=', f.developerId);
  if (f.keyId !== undefined) m = m.where('api_key_id', '=', f.keyId);
  if (minutes.lo !== undefined) m = m.where('minute', '>=', minutes.lo);
  if (minutes.hi !== undefined) m = m.where('minute', '<', minutes.hi);
  return m;
}

/** Requests of one (endpoint, status, environment) in one minute ('YYYY-MM-DDTHH:MM') at a range's edge. */
interface EdgeCount {
  endpoint: string;
  status: number;
  environment: string;
  minute: string;
  n: number;
}

const minuteOf = (ms: number): string => isoOf(Math.floor(ms / MINUTE_MS) * MINUTE_MS).slice(0, 16);

/**
 * The requests in the range's partial minutes, counted from the instants each batch stored per group
 * (usage_instants: five-digit millisecond offsets within the minute), so a bound at any millisecond
 * is exact. An edge lies within one minute, or two adjacent ones when the range holds no whole minute.
 */
async function edgeCounts(
  db: Executor,
  f: UsageFilter,
  edges: Array<{ from?: string; to?: string }>,
): Promise<EdgeCount[]> {
  const out: EdgeCount[] = [];
  for (const e of edges) {
    if (e.from === undefined || e.to === undefined) continue; // splitRange bounds every edge
    const fromMs = Date.parse(e.from);
    const toMs = Date.parse(e.to);
    let q = db
      .selectFrom('usage_instants')
      .select(['endpoint', 'status', 'environment', 'minute', 'offsets'])
      .where('developer_id', '=', f.developerId)
      .where('minute', '>=', minuteOf(fromMs))
      .where('minute', '<=', minuteOf(toMs - 1));
    if (f.keyId !== undefined) q = q.where('api_key_id', '=', f.keyId);
    for (const r of await readRows(db, q)) {
      const base = Date.parse(`${r.minute}:00.000Z`);
      const lo = fromMs - base;
      const hi = toMs - base;
      let n = 0;
      for (let i = 0; i + 5 <= r.offsets.length; i += 5) {
        const off = Number(r.offsets.slice(i, i + 5));
        if (off >= lo && off < hi) n++;
      }
      if (n > 0)
        out.push({
          endpoint: r.endpoint,
          status: Number(r.status),
          environment: r.environment,
          minute: r.minute,
          n,
        });
    }
  }
  return out;
}

const errorsOf = sql<number>`COALESCE(SUM(CASE WHEN status >= 400 THEN n ELSE 0 END), 0)`;

export interface UsageTotals {
  total: number;
  errors: number;
  billable: number;
}

const isBillable = (environment: string, status: number) =>
  environment === 'live' && status >= 200 && status < 300;

/** Billable: successful (2xx) requests made with live keys. */
export async function usageTotals(db: Executor, f: UsageFilter): Promise<UsageTotals> {
  const { minutes, edges } = splitRange(f);
  const totals: UsageTotals = { total: 0, errors: 0, billable: 0 };
  if (minutes) {
    const [row] = await readRows(
      db,
      db
        .selectFrom(wholeMinutes(db, f, minutes).as('u'))
        .select([
          sql<number>`COALESCE(SUM(n), 0)`.as('total'),
          errorsOf.as('errors'),
          sql<number>`COALESCE(SUM(CASE WHEN environment = 'live' AND status >= 200 AND status < 300 THEN n ELSE 0 END), 0)`.as(
            'billable',
          ),
        ]),
    );
    if (row) {
      totals.total = Number(row.total);
      totals.errors = Number(row.errors);
      totals.billable = Number(row.billable);
    }
  }
  for (const e of await edgeCounts(db, f, edges)) {
    totals.total += e.n;
    if (e.status >= 400) totals.errors += e.n;
    if (isBillable(e.environment, e.status)) totals.billable += e.n;
  }
  return totals;
}

export interface EndpointUsage {
  endpoint: string;
  requests: number;
  errors: number;
}

/** Adds counts into a map of (requests, errors) by key. */
function add(map: Map<string, { requests: number; errors: number }>, k: string, n: number, errors: number) {
  const c = map.get(k);
  if (c) {
    c.requests += n;
    c.errors += errors;
  } else map.set(k, { requests: n, errors });
}

export async function usageByEndpoint(db: Executor, f: UsageFilter): Promise<EndpointUsage[]> {
  const { minutes, edges } = splitRange(f);
  const by = new Map<string, { requests: number; errors: number }>();
  if (minutes) {
    const rows = await readRows(
      db,
      db
        .selectFrom(wholeMinutes(db, f, minutes).as('u'))
        .select(['endpoint', sql<number>`SUM(n)`.as('requests'), errorsOf.as('errors')])
        .groupBy('endpoint'),
    );
    for (const r of rows) add(by, r.endpoint, Number(r.requests), Number(r.errors));
  }
  for (const e of await edgeCounts(db, f, edges)) add(by, e.endpoint, e.n, e.status >= 400 ? e.n : 0);
  // Most requested first, then by name (code-unit order, the same on every database).
  return [...by]
    .map(([endpoint, c]) => ({ endpoint, requests: c.requests, errors: c.errors }))
    .sort(
      (a, b) => b.requests - a.requests || (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0),
    );
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

/** Requests per UTC hour or day; minutes are ISO text, so a prefix of a minute is its bucket. */
export async function usageTimeSeries(
  db: Executor,
  f: UsageFilter,
  granularity: Granularity,
): Promise<UsageBucket[]> {
  const length = granularity === 'hour' ? 13 : 10;
  const { minutes, edges } = splitRange(f);
  const by = new Map<string, { requests: number; errors: number }>();
  if (minutes) {
    // A literal length (not a bound parameter) so PostgreSQL sees the same expression in SELECT and GROUP BY.
    const bucket = sql<string>`substr(t, 1, ${sql.lit(length)})`;
    const rows = await readRows(
      db,
      db
        .selectFrom(wholeMinutes(db, f, minutes).as('u'))
        .select([bucket.as('bucket'), sql<number>`SUM(n)`.as('requests'), errorsOf.as('errors')])
        .groupBy(bucket),
    );
    for (const r of rows) add(by, r.bucket, Number(r.requests), Number(r.errors));
  }
  for (const e of await edgeCounts(db, f, edges))
    add(by, e.minute.slice(0, length), e.n, e.status >= 400 ? e.n : 0);
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([bucket, c]) => ({
      bucket: granularity === 'hour' ? `${bucket}:00:00.000Z` : bucket,
      requests: c.requests,
      errors: c.errors,
    }));
}
