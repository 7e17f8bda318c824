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

export interface UsageTotals {
  total: number;
  errors: number;
  billable: number;
}

export interface EndpointUsage {
  endpoint: string;
  requests: number;
  errors: number;
}

export type Granularity = 'hour' | 'day';

export interface UsageBucket {
  bucket: string;
  requests: number;
  errors: number;
}

export interface UsageFigures {
  totals: UsageTotals;
  byEndpoint: EndpointUsage[];
  series: UsageBucket[];
}

type Counts = { requests: number; errors: number };

/** Adds counts into a map of (requests, errors) by key. */
function add(map: Map<string, Counts>, k: string, n: number, errors: number) {
  const c = map.get(k);
  if (c) {
    c.requests += n;
    c.errors += errors;
  } else map.set(k, { requests: n, errors });
}

/**
 * Totals (billable: successful 2xx requests made with live keys), requests per endpoint and per UTC
 * hour or day, from ONE read of the roll-up — summed per (endpoint, bucket) by the database, the three
 * figures then taken from those few rows — plus the range's partial edge minutes (edgeCounts).
 */
export async function usageFigures(
  db: Executor,
  f: UsageFilter,
  granularity: Granularity,
): Promise<UsageFigures> {
  const length = granularity === 'hour' ? 13 : 10;
  const { minutes, edges } = splitRange(f);
  const totals: UsageTotals = { total: 0, errors: 0, billable: 0 };
  const byEndpoint = new Map<string, Counts>();
  const byBucket = new Map<string, Counts>();
  const count = (endpoint: string, bucket: string, n: number, errors: number, billable: number) => {
    totals.total += n;
    totals.errors += errors;
    totals.billable += billable;
    add(byEndpoint, endpoint, n, errors);
    add(byBucket, bucket, n, errors);
  };
  if (minutes) {
    // A literal length (not a bound parameter) so PostgreSQL sees the same expression in SELECT and GROUP BY.
    const bucket = sql<string>`substr(t, 1, ${sql.lit(length)})`;
    const rows = await readRows(
      db,
      db
        .selectFrom(wholeMinutes(db, f, minutes).as('u'))
        .select([
          'endpoint',
          bucket.as('bucket'),
          sql<number>`SUM(n)`.as('requests'),
          sql<number>`SUM(CASE WHEN status >= 400 THEN n ELSE 0 END)`.as('errors'),
          sql<number>`SUM(CASE WHEN environment = 'live' AND status >= 200 AND status < 300 THEN n ELSE 0 END)`.as(
            'billable',
          ),
        ])
        .groupBy(['endpoint', bucket]),
    );
    for (const r of rows)
      count(r.endpoint, r.bucket, Number(r.requests), Number(r.errors), Number(r.billable));
  }
  for (const e of await edgeCounts(db, f, edges))
    count(
      e.endpoint,
      e.minute.slice(0, length),
      e.n,
      e.status >= 400 ? e.n : 0,
      e.environment === 'live' && e.status >= 200 && e.status < 300 ? e.n : 0,
    );
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    totals,
    // Most requested first, then by name (code-unit order, the same on every database).
    byEndpoint: [...byEndpoint]
      .map(([endpoint, c]) => ({ endpoint, requests: c.requests, errors: c.errors }))
      .sort((a, b) => b.requests - a.requests || byName(a.endpoint, b.endpoint)),
    series: [...byBucket]
      .sort(([a], [b]) => byName(a, b))
      .map(([bucket, c]) => ({
        bucket: granularity === 'hour' ? `${bucket}:00:00.000Z` : bucket,
        requests: c.requests,
        errors: c.errors,
      })),
  };
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
