import type { Executor } from '../db/index.js';
import type { RequestLogTable } from '../db/schema.js';

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
