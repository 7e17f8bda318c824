import { sql } from 'kysely';
import type { Executor } from '../db/index.js';

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
