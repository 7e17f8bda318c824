import { sql } from 'kysely';
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

/** One request in a chunk's `entries` (migration 0021; written by usage/writer.ts). */
type Entry = [
  id: string,
  at: string,
  apiKeyId: string,
  keyPrefix: string | null,
  method: string,
  path: string,
  endpoint: string,
  status: number,
  errorCode: string | null,
  errorBody: string | null,
  latencyMs: number,
  requestId: string,
];

/** Chunks read per query while paging back through the log. */
const CHUNK_PAGE = 32;

/**
 * The instant encoded in a request-log id ('use_' + epoch ms in base 36, 9 digits, …): every request
 * below that id was made at or before it. Undefined for anything else (then no chunk is skipped).
 */
function instantOfId(id: string): string | undefined {
  if (!id.startsWith('use_') || id.length < 13) return undefined;
  const ms = Number.parseInt(id.slice(4, 13), 36);
  if (!Number.isFinite(ms) || ms < 0 || ms > 8.64e15) return undefined;
  return new Date(ms).toISOString();
}

const LIKE_SPECIAL = /[\\%_]/g;

/**
 * The developer's logged requests matching the filter, newest first (by id: time, then arrival).
 * Chunks are read newest last-request first, a page at a time; the walk stops once `limit` entries
 * are found and the next chunk holds nothing newer than the last of them (an entry's id begins with
 * its instant, so a chunk whose last request is older than the limit-th found holds none above it).
 */
export async function listRequestLog(db: Executor, f: RequestLogFilter): Promise<RequestLogTable[]> {
  const beforeAt = f.before === undefined ? undefined : instantOfId(f.before);
  const found: RequestLogTable[] = [];
  const byIdDesc = (a: RequestLogTable, b: RequestLogTable) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  let cursor: { maxAt: string; id: string } | undefined;
  for (;;) {
    let q = db
      .selectFrom('request_log_chunks')
      .select(['id', 'max_at', 'entries'])
      .where('developer_id', '=', f.developerId)
      .where('max_at', '>=', f.from);
    if (f.to !== undefined) q = q.where('min_at', '<', f.to);
    if (beforeAt !== undefined) q = q.where('min_at', '<=', beforeAt);
    // A request id is searched for in the chunk's text first (the entries hold it as a JSON string).
    if (f.requestId !== undefined)
      q = q.where(
        sql<boolean>`entries like ${`%${JSON.stringify(f.requestId).replace(LIKE_SPECIAL, '\\$&')}%`} escape '\\'`,
      );
    if (cursor !== undefined) {
      const c = cursor;
      q = q.where((eb) =>
        eb.or([eb('max_at', '<', c.maxAt), eb.and([eb('max_at', '=', c.maxAt), eb('id', '<', c.id)])]),
      );
    }
    const chunks = await q.orderBy('max_at', 'desc').orderBy('id', 'desc').limit(CHUNK_PAGE).execute();
    for (const c of chunks) {
      const last = found.length >= f.limit ? found[f.limit - 1] : undefined;
      if (last !== undefined && c.max_at < last.at) return found;
      let added = false;
      for (const e of JSON.parse(c.entries) as Entry[]) {
        const [id, at, apiKeyId, keyPrefix, method, path, endpoint, status, errorCode, errorBody] = e;
        if (at < f.from || (f.to !== undefined && at >= f.to)) continue;
        if (f.before !== undefined && id >= f.before) continue;
        if (f.keyId !== undefined && apiKeyId !== f.keyId) continue;
        if (f.status !== undefined && status !== f.status) continue;
        if (f.statusClass !== undefined && Math.floor(status / 100) !== f.statusClass) continue;
        if (f.endpoint !== undefined && endpoint !== f.endpoint) continue;
        if (f.requestId !== undefined && e[11] !== f.requestId) continue;
        found.push({
          id,
          developer_id: f.developerId,
          api_key_id: apiKeyId,
          key_prefix: keyPrefix,
          method,
          path,
          endpoint,
          status,
          error_code: errorCode,
          error_body: errorBody,
          latency_ms: e[10],
          request_id: e[11],
          at,
        });
        added = true;
      }
      if (added) {
        found.sort(byIdDesc);
        if (found.length > f.limit) found.length = f.limit;
      }
    }
    const tail = chunks[chunks.length - 1];
    if (chunks.length < CHUNK_PAGE || tail === undefined) return found;
    cursor = { maxAt: tail.max_at, id: tail.id };
  }
}

const MINUTE_MS = 60_000;

/**
 * Route patterns seen since `from` (the log's window), for the route filter: from the per-minute
 * usage roll-up (every logged request is counted there, and it is kept longer), its whole minutes
 * since `from`, and for the minute `from` falls inside, the routes with a request at or after it
 * (usage_instants: millisecond offsets within the minute).
 */
export async function requestLogEndpoints(
  db: Executor,
  developerId: string,
  from: string,
): Promise<string[]> {
  const fromMs = Date.parse(from);
  const edgeMs = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS;
  const whole = new Date(Math.ceil(fromMs / MINUTE_MS) * MINUTE_MS).toISOString().slice(0, 16);
  const seen = new Set<string>();
  const rows = await db
    .selectFrom('usage_minutes')
    .select('endpoint')
    .distinct()
    .where('developer_id', '=', developerId)
    .where('minute', '>=', whole)
    .execute();
  for (const r of rows) seen.add(r.endpoint);
  if (edgeMs !== fromMs) {
    const edge = await db
      .selectFrom('usage_instants')
      .select(['endpoint', 'offsets'])
      .where('minute', '=', new Date(edgeMs).toISOString().slice(0, 16))
      .where('developer_id', '=', developerId)
      .execute();
    const lo = fromMs - edgeMs;
    for (const r of edge) {
      if (seen.has(r.endpoint)) continue;
      for (let i = 0; i + 5 <= r.offsets.length; i += 5)
        if (Number(r.offsets.slice(i, i + 5)) >= lo) {
          seen.add(r.endpoint);
          break;
        }
    }
  }
  return [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
