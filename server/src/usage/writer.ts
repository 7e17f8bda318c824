// The write side of usage recording: turns a batch of recorded requests into `request_log` rows (one
// per request), the per-minute roll-up and its instants (one per group of the batch) and `usage_events`
// rows (failed requests only), and writes them in one transaction. It runs on the usage worker thread (own
// database connection: usage/worker.ts) or, where there is none, on the main thread through Kysely
// (usage/recorder.ts). Plain SQL on a small runner interface, so both run exactly the same code.
// Imports stay light (no Fastify, no Kysely): this module is what the worker thread loads.
import { pgArrayLiteral } from '../db/pg-array.js';
import { PREFIX_LENGTH as KEY_PREFIX_LENGTH } from '../developers/store.js';
import { randomBase62, sha256Hex } from '../ids.js';

export type Dialect = 'sqlite' | 'postgres';

/** Runs SQL with positional parameters (`?` on SQLite, `$n` on PostgreSQL). */
export interface SqlRunner {
  readonly dialect: Dialect;
  query(text: string, params: readonly unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Runs `fn` inside one transaction (on SQLite a write transaction from its start: BEGIN IMMEDIATE). */
  transaction(fn: (r: SqlRunner) => Promise<void>): Promise<void>;
}

/**
 * One recorded request is FIELDS consecutive slots of a flat array (no object per request on the
 * hot path; the batch crosses to the worker thread as one array):
 * method, endpoint, status, error code, request id, time (epoch ms), raw url (null: no request-log
 * row), latency ms, Authorization header, key id (null when the key is known only by hash),
 * developer id (or the key's hash), environment (null with a hash), error body (object or null).
 */
export const FIELDS = 13;
export const F = {
  method: 0,
  endpoint: 1,
  status: 2,
  errorCode: 3,
  requestId: 4,
  atMs: 5,
  url: 6,
  latencyMs: 7,
  authorization: 8,
  keyId: 9,
  developerOrHash: 10,
  environment: 11,
  errorBody: 12,
} as const;

let sequence = 0;
// Random per thread, so two writers (processes or threads) writing in the same millisecond never collide.
const WRITER_TAG = randomBase62(8);
/** Sortable ids: time, then a per-writer sequence (arrival order), then the writer's tag. */
let idMs = Number.NaN;
let idTime = '';
function usageId(atMs: number): string {
  sequence = (sequence + 1) % 36 ** 6;
  // Consecutive requests often share their millisecond: its digits are formatted once.
  if (atMs !== idMs) {
    idMs = atMs;
    idTime = `use_${atMs.toString(36).padStart(9, '0')}`;
  }
  return `${idTime}${sequence.toString(36).padStart(6, '0')}${WRITER_TAG}`;
}

/** Tokens that may sit in a path (GET /connect/status/:session_token) never reach the request log. */
const TOKEN_IN_PATH = /\b(sess|public|link|devses|pwreset|whsec|od_(?:test|live)_sk)_[A-Za-z0-9_-]+/g;
function loggedPath(url: string): string {
  const path = url.length > 1000 ? url.slice(0, 1000) : url;
  return path.replace(TOKEN_IN_PATH, '$1_…');
}

/** The visible prefix of the credential used (as listed on the keys page); null for the dashboard's own calls. */
function credentialPrefix(authorization: string | null): string | null {
  const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  if (!token) return null;
  return token.startsWith('link_') ? token.slice(0, 9) : token.slice(0, KEY_PREFIX_LENGTH);
}

interface Table {
  name: string;
  columns: readonly string[];
  /** PostgreSQL array element type per column (unnest insert). */
  pgTypes: readonly string[];
  /** Appended to the INSERT (an upsert's ON CONFLICT clause). */
  onConflict?: string;
}

const USAGE: Table = {
  name: 'usage_events',
  columns: [
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
  ],
  pgTypes: ['text', 'text', 'text', 'text', 'text', 'text', 'integer', 'text', 'text', 'text'],
};

/**
 * The request log (migration 0021): per batch and developer ONE row holding that batch's requests of
 * the developer as a JSON array of entries (ENTRY order: see RequestLogChunksTable), instead of a row
 * per request — an insert and an index entry per request were most of what recording still cost.
 */
const REQUEST_LOG_CHUNKS: Table = {
  name: 'request_log_chunks',
  columns: ['id', 'developer_id', 'min_at', 'max_at', 'requests', 'entries'],
  pgTypes: ['text', 'text', 'text', 'text', 'integer', 'text'],
};

/** One developer's request-log entries of a batch. */
interface Chunk {
  id: string;
  developerId: string;
  minAt: string;
  maxAt: string;
  requests: number;
  /** The JSON entries so far, without the enclosing brackets. */
  entries: string;
}

/** A value as JSON (strings escaped as JSON.stringify does; null as null). */
const json = (v: unknown): string => (v === null || v === undefined ? 'null' : JSON.stringify(v));

/**
 * The per-minute roll-up GET /developers/usage reads for whole minutes (usage/store.ts; migration
 * 0018): one row per (developer, minute, key, environment, endpoint, status), added to in the same
 * transaction as the request-log rows and the instants (INSTANTS) of the requests it counts.
 */
const MINUTES: Table = {
  name: 'usage_minutes',
  columns: ['developer_id', 'minute', 'api_key_id', 'environment', 'endpoint', 'status', 'requests'],
  pgTypes: ['text', 'text', 'text', 'text', 'text', 'integer', 'integer'],
  onConflict:
    ' on conflict (developer_id, minute, api_key_id, environment, endpoint, status)' +
    ' do update set requests = usage_minutes.requests + excluded.requests',
};

/**
 * Millisecond offsets within the minute of a batch's requests, per roll-up group (migration 0020):
 * what GET /developers/usage counts a range's partial edge minutes from.
 */
const INSTANTS: Table = {
  name: 'usage_instants',
  columns: ['developer_id', 'minute', 'api_key_id', 'environment', 'endpoint', 'status', 'offsets'],
  pgTypes: ['text', 'text', 'text', 'text', 'text', 'integer', 'text'],
};

/** Five digits: milliseconds 0–59999 since the minute's start. */
const offsetDigits = (atMs: number): string => {
  const ms = ((atMs % 60_000) + 60_000) % 60_000;
  return ms >= 10_000
    ? String(ms)
    : ms >= 1000
      ? `0${ms}`
      : ms >= 100
        ? `00${ms}`
        : ms >= 10
          ? `000${ms}`
          : `0000${ms}`;
};

/**
 * Rows per SQLite INSERT statement: at most SQLITE_CHUNK (13 parameters a row: far below the
 * bound-parameter limit), then powers of two for the rest — so a table has at most nine statement
 * texts, each prepared once and kept by the connection's statement cache. A text per row count
 * (1 … 500, as batches come) made the caches hold hundreds of prepared multi-row statements, up
 * to ~1 MB of SQLite memory each, and prepared a new one on most flushes: the server's RSS grew
 * round after round under steady load.
 */
const SQLITE_CHUNK = 256;
const insertTexts = new Map<string, string>();

/** How many INSERT texts the batch writer has built in this thread (bounded: tests check it). */
export const insertTextCount = (): number => insertTexts.size;

/**
 * The batch insert of both tables. SQLite: multi-row INSERTs of SQLITE_CHUNK rows and then powers
 * of two, each text built once (the query builder cost more CPU than SQLite's insert). PostgreSQL:
 * one `INSERT … SELECT FROM unnest(…)` with one array per column, the same text for any number of
 * rows. `cols` holds one array per column of `table`, all of length n.
 */
export async function insertColumns(r: SqlRunner, table: Table, cols: unknown[][], n: number): Promise<void> {
  if (n === 0) return;
  if (r.dialect === 'postgres') {
    const key = `pg:${table.name}`;
    let text = insertTexts.get(key);
    if (text === undefined) {
      text = `insert into ${table.name} (${table.columns.join(', ')}) select * from unnest(${table.pgTypes
        .map((t, i) => `$${i + 1}::${t}[]`)
        .join(', ')})${table.onConflict ?? ''}`;
      insertTexts.set(key, text);
    }
    // Each column as one array literal built here (see pgArrayLiteral), not by node-postgres.
    const params = new Array<string>(cols.length);
    for (let c = 0; c < cols.length; c++) params[c] = pgArrayLiteral(cols[c] ?? [], n);
    await r.query(text, params);
    return;
  }
  const width = table.columns.length;
  for (let start = 0; start < n; ) {
    let rows = SQLITE_CHUNK;
    while (rows > n - start) rows >>= 1;
    const key = `sqlite:${table.name}:${rows}`;
    let text = insertTexts.get(key);
    if (text === undefined) {
      const tuple = `(${table.columns.map(() => '?').join(',')})`;
      text = `insert into ${table.name} (${table.columns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(',')}${table.onConflict ?? ''}`;
      insertTexts.set(key, text);
    }
    const params = new Array<unknown>(rows * width);
    for (let i = 0; i < rows; i++)
      for (let c = 0; c < width; c++) params[i * width + c] = cols[c]?.[start + i];
    await r.query(text, params);
    start += rows;
  }
}

export interface KeyOwner {
  id: string;
  developer_id: string;
  environment: string;
}

const list = (r: SqlRunner, values: readonly string[]): { sql: string; params: unknown[] } =>
  r.dialect === 'postgres'
    ? { sql: '= any($1::text[])', params: [values] }
    : { sql: `in (${values.map(() => '?').join(',')})`, params: [...values] };

/** A recorded request's key id, developer and environment; for a key known only by hash, its owner's (or null). */
function ownerAt(
  batch: readonly unknown[],
  o: number,
  owners: Map<string, KeyOwner>,
): [string, string, string] | null {
  const keyId = batch[o + F.keyId] as string | null;
  if (keyId !== null)
    return [keyId, batch[o + F.developerOrHash] as string, batch[o + F.environment] as string];
  const owner = owners.get(batch[o + F.developerOrHash] as string);
  return owner ? [owner.id, owner.developer_id, owner.environment] : null;
}

/**
 * ISO time of a millisecond timestamp. Consecutive requests mostly share their second, so the
 * 'YYYY-MM-DDTHH:MM:SS.' part (years 0–9999: what toISOString writes without a sign) is formatted once per second.
 */
function isoFormatter(): (atMs: number) => string {
  let second = Number.NaN;
  let secondIso = '';
  return (atMs) => {
    const ms = atMs % 1000;
    if (atMs - ms !== second) {
      second = atMs - ms;
      secondIso = new Date(second).toISOString().slice(0, 20);
    }
    return `${secondIso}${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}Z`;
  };
}

/** Owners of keys known only by hash (requests whose key was refused or whose route did not exist). */
export async function keysByHash(r: SqlRunner, hashes: readonly string[]): Promise<Map<string, KeyOwner>> {
  const found = new Map<string, KeyOwner>();
  if (hashes.length === 0) return found;
  const take = (rows: Array<Record<string, unknown>>) => {
    for (const row of rows)
      found.set(String(row.key_hash), {
        id: String(row.id),
        developer_id: String(row.developer_id),
        environment: String(row.environment),
      });
  };
  const a = list(r, hashes);
  take(
    await r.query(
      `select id, developer_id, environment, key_hash from api_keys where key_hash ${a.sql}`,
      a.params,
    ),
  );
  // Secrets replaced by a roll (e.g. an expired one answering REVOKED_API_KEY) count for their key.
  const missing = hashes.filter((h) => !found.has(h));
  if (missing.length === 0) return found;
  const b = list(r, missing);
  take(
    await r.query(
      'select k.id, k.developer_id, k.environment, s.key_hash from api_key_rolled_secrets s ' +
        `inner join api_keys k on k.id = s.api_key_id where s.key_hash ${b.sql}`,
      b.params,
    ),
  );
  return found;
}

/** Moves last_used_at forward only (several processes flush in any order). */
async function touchKey(r: SqlRunner, keyId: string, at: string): Promise<void> {
  if (r.dialect === 'postgres')
    await r.query(
      'update api_keys set last_used_at = $1 where id = $2 and (last_used_at is null or last_used_at < $1)',
      [at, keyId],
    );
  else
    await r.query(
      'update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)',
      [at, keyId, at],
    );
}

/** The request's key as recorded: the authenticated key, or its owner found by hash at write time. */
const API_KEY_BEARER = /^Bearer\s+(od_(?:test|live)_sk_[A-Za-z0-9]{8,128})\s*$/i;

/** The hash of the API key an unauthenticated request carried; null when it carried none. */
export function carriedKeyHash(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  const match = API_KEY_BEARER.exec(authorization);
  return match?.[1] ? sha256Hex(match[1]) : null;
}

/** What a batch becomes: the rows of every table, built once for either database. */
interface BatchRows {
  /** usage_events columns (failed requests only), `usageRows` long. */
  usage: unknown[][];
  usageRows: number;
  /** Per group: developer, minute, key, environment, endpoint, status, requests, offsets. */
  groups: unknown[][];
  chunks: Chunk[];
  lastUsed: Map<string, string>;
}

function batchRows(batch: readonly unknown[], n: number, owners: Map<string, KeyOwner>): BatchRows {
  const usage: unknown[][] = USAGE.columns.map(() => []);
  const [uId, uKey, uDev, uEnv, uMethod, uEndpoint, uStatus, uError, uRequest, uAt] = usage as [
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
    unknown[],
  ];
  const lastUsed = new Map<string, string>();
  // The roll-up's rows of this batch, one per group (one upsert row per key: PostgreSQL refuses two).
  // Consecutive requests mostly fall in the group before them: compared field by field, without
  // building its key.
  const minutes = new Map<string, unknown[]>();
  const chunks = new Map<string, Chunk>();
  let group: unknown[] | null = null;
  let chunk: Chunk | null = null;
  let rows = 0;
  // Consecutive requests mostly share their credential: derive its prefix once.
  const iso = isoFormatter();
  let lastAuthorization: string | null | undefined;
  let prefixJson = 'null';
  let lastKeyId: unknown;
  let keyJson = '';
  let lastMethod: unknown;
  let methodJson = '';
  let lastEndpoint: unknown;
  let endpointJson = '';
  let lastUrl: string | undefined;
  let pathJson = '';
  for (let i = 0; i < n; i++) {
    const o = i * FIELDS;
    const owner = ownerAt(batch, o, owners);
    if (!owner) continue; // a key that does not exist belongs to nobody
    const [keyId, developerId, environment] = owner;
    const atMs = batch[o + F.atMs] as number;
    const at = iso(atMs);
    const id = usageId(atMs);
    const method = batch[o + F.method];
    const endpoint = batch[o + F.endpoint];
    const status = batch[o + F.status];
    const errorCode = batch[o + F.errorCode];
    const requestId = batch[o + F.requestId];
    // Only failed requests keep a usage row of their own (recent_errors); the counts are the roll-up's.
    if ((status as number) >= 400) {
      uId.push(id);
      uKey.push(keyId);
      uDev.push(developerId);
      uEnv.push(environment);
      uMethod.push(method);
      uEndpoint.push(endpoint);
      uStatus.push(status);
      uError.push(errorCode);
      uRequest.push(requestId);
      uAt.push(at);
      rows++;
    }
    const minute = at.slice(0, 16); // YYYY-MM-DDTHH:MM
    if (
      group === null ||
      group[4] !== endpoint ||
      group[5] !== status ||
      group[1] !== minute ||
      group[2] !== keyId ||
      group[0] !== developerId ||
      group[3] !== environment
    ) {
      const minuteKey: string = `${developerId}\u0000${minute}\u0000${keyId}\u0000${environment}\u0000${endpoint}\u0000${status}`;
      group = minutes.get(minuteKey) ?? null;
      if (group === null) {
        group = [developerId, minute, keyId, environment, endpoint, status, 0, ''];
        minutes.set(minuteKey, group);
      }
    }
    (group[6] as number)++;
    group[7] = (group[7] as string) + offsetDigits(atMs);
    const url = batch[o + F.url] as string | null;
    if (url !== null) {
      const errorBody = batch[o + F.errorBody];
      const authorization = batch[o + F.authorization] as string | null;
      if (authorization !== lastAuthorization) {
        lastAuthorization = authorization;
        prefixJson = json(credentialPrefix(authorization));
      }
      if (chunk === null || chunk.developerId !== developerId) {
        chunk = chunks.get(developerId) ?? null;
        if (chunk === null) {
          chunk = { id, developerId, minAt: at, maxAt: at, requests: 0, entries: '' };
          chunks.set(developerId, chunk);
        }
      }
      if (at < chunk.minAt) chunk.minAt = at;
      if (at > chunk.maxAt) chunk.maxAt = at;
      // The entry's JSON written here, field by field (no array per request); values that repeat
      // from one request to the next (key, credential, method, route, path) are encoded once.
      if (keyId !== lastKeyId) {
        lastKeyId = keyId;
        keyJson = json(keyId);
      }
      if (method !== lastMethod) {
        lastMethod = method;
        methodJson = json(method);
      }
      if (endpoint !== lastEndpoint) {
        lastEndpoint = endpoint;
        endpointJson = json(endpoint);
      }
      if (url !== lastUrl) {
        lastUrl = url;
        pathJson = json(loggedPath(url));
      }
      const latency = Math.round((batch[o + F.latencyMs] as number) * 100) / 100;
      chunk.entries += `${chunk.requests === 0 ? '' : ','}["${id}","${at}",${keyJson},${prefixJson},${methodJson},${pathJson},${endpointJson},${status},${errorCode === null ? 'null' : json(errorCode)},${errorBody ? json(JSON.stringify(errorBody)) : 'null'},${Number.isFinite(latency) ? latency : 0},${json(requestId)}]`;
      chunk.requests++;
    }
    // Only accepted keys were "used"; a refused (e.g. revoked) key keeps its last real use.
    if (batch[o + F.keyId] !== null && (lastUsed.get(keyId) ?? '') < at) lastUsed.set(keyId, at);
  }
  return { usage, usageRows: rows, groups: [...minutes.values()], chunks: [...chunks.values()], lastUsed };
}

/** The request-log chunks as columns of REQUEST_LOG_CHUNKS (the entries serialised once per chunk). */
function chunkColumns(chunks: readonly Chunk[]): unknown[][] {
  const cols: unknown[][] = REQUEST_LOG_CHUNKS.columns.map(() => []);
  for (const c of chunks) {
    cols[0]?.push(c.id);
    cols[1]?.push(c.developerId);
    cols[2]?.push(c.minAt);
    cols[3]?.push(c.maxAt);
    cols[4]?.push(c.requests);
    cols[5]?.push(`[${c.entries}]`);
  }
  return cols;
}

/**
 * Writes one batch (FIELDS slots per request): keys known by hash are resolved first, requests of keys
 * that do not exist are dropped, then in one transaction: per developer one request-log chunk, a usage
 * row per failed request, per group (developer, minute, key, environment, endpoint, status) one roll-up
 * increment and one row of instants, and each key's last_used_at.
 */
export async function writeBatch(r: SqlRunner, batch: readonly unknown[]): Promise<void> {
  const n = Math.floor(batch.length / FIELDS);
  const hashes = new Set<string>();
  for (let i = 0; i < n; i++)
    if (batch[i * FIELDS + F.keyId] === null) hashes.add(batch[i * FIELDS + F.developerOrHash] as string);
  // Outside the transaction: a read first would make SQLite's write transaction a deferred one.
  const owners = await keysByHash(r, [...hashes]);
  const b = batchRows(batch, n, owners);
  if (b.groups.length === 0) return;
  if (r.dialect === 'postgres') return writePgBatch(r, b);
  // Columns of both: the group's fields, then the count (roll-up) or the offsets (instants).
  const minuteCols: unknown[][] = MINUTES.columns.map(() => []);
  const instantCols: unknown[][] = INSTANTS.columns.map(() => []);
  for (const m of b.groups)
    for (let c = 0; c < 8; c++) {
      if (c !== 7) minuteCols[c]?.push(m[c]);
      if (c !== 6) instantCols[c === 7 ? 6 : c]?.push(m[c]);
    }
  await r.transaction(async (trx) => {
    await insertColumns(trx, USAGE, b.usage, b.usageRows);
    await insertColumns(trx, MINUTES, minuteCols, b.groups.length);
    await insertColumns(trx, INSTANTS, instantCols, b.groups.length);
    await insertColumns(trx, REQUEST_LOG_CHUNKS, chunkColumns(b.chunks), b.chunks.length);
    for (const [keyId, at] of b.lastUsed) await touchKey(trx, keyId, at);
  });
}

/**
 * PostgreSQL: the whole batch in ONE statement (one statement is one transaction: no BEGIN/COMMIT
 * round trips) — one array per column of each table, read by `unnest`: the failed requests' usage
 * rows, the groups (added to the per-minute roll-up, their instants inserted), each key's
 * last_used_at moved forward, and the request-log chunks as the main insert.
 */
const PG_BATCH = `with usage_rows as (
  insert into usage_events (id, api_key_id, developer_id, environment, method, endpoint, status, error_code, request_id, at)
  select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::integer[],
    $8::text[], $9::text[], $10::text[])
), g as (
  select * from unnest($11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::integer[],
    $17::integer[], $18::text[])
    as t(developer_id, minute, api_key_id, environment, endpoint, status, n, offsets)
), minute_rows as (
  insert into usage_minutes (developer_id, minute, api_key_id, environment, endpoint, status, requests)
  select developer_id, minute, api_key_id, environment, endpoint, status, n from g
  on conflict (developer_id, minute, api_key_id, environment, endpoint, status)
  do update set requests = usage_minutes.requests + excluded.requests
), instant_rows as (
  insert into usage_instants (developer_id, minute, api_key_id, environment, endpoint, status, offsets)
  select developer_id, minute, api_key_id, environment, endpoint, status, offsets from g
), touched as (
  update api_keys k set last_used_at = u.at from unnest($19::text[], $20::text[]) as u(id, at)
  where k.id = u.id and (k.last_used_at is null or k.last_used_at < u.at)
)
insert into request_log_chunks (id, developer_id, min_at, max_at, requests, entries)
select c.id, c.developer_id, c.min_at, c.max_at, c.requests, ($26::json -> (c.ord::integer - 1))::text
from unnest($21::text[], $22::text[], $23::text[], $24::text[], $25::integer[]) with ordinality
  as c(id, developer_id, min_at, max_at, requests, ord)`;

async function writePgBatch(r: SqlRunner, b: BatchRows): Promise<void> {
  const params: string[] = [];
  for (const col of b.usage) params.push(pgArrayLiteral(col, b.usageRows));
  const groupCols: unknown[][] = Array.from({ length: 8 }, () => []);
  for (const g of b.groups) for (let c = 0; c < 8; c++) groupCols[c]?.push(g[c]);
  for (const col of groupCols) params.push(pgArrayLiteral(col, b.groups.length));
  const keys: string[] = [];
  const ats: string[] = [];
  for (const [k, at] of b.lastUsed) {
    keys.push(k);
    ats.push(at);
  }
  params.push(pgArrayLiteral(keys, keys.length), pgArrayLiteral(ats, ats.length));
  // The entries travel as one JSON text, `[entries of chunk 1, …]` — not as an array literal, which
  // would escape every quote of the JSON (a quarter of the writer's CPU).
  const cols = chunkColumns(b.chunks);
  for (let c = 0; c < 5; c++) params.push(pgArrayLiteral(cols[c] ?? [], b.chunks.length));
  params.push(`[${(cols[5] ?? []).join(',')}]`);
  await r.query(PG_BATCH, params);
}

/** A runner on a better-sqlite3 connection (the worker's own): statements prepared once per text. */
export function betterSqliteRunner(conn: {
  prepare(text: string): {
    reader: boolean;
    all(...p: unknown[]): unknown[];
    run(...p: unknown[]): unknown;
  };
  exec(text: string): unknown;
}): SqlRunner {
  const statements = new Map<string, ReturnType<typeof conn.prepare>>();
  const runner: SqlRunner = {
    dialect: 'sqlite',
    async query(text, params) {
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = conn.prepare(text);
        if (statements.size >= 200) statements.clear();
        statements.set(text, stmt);
      }
      if (stmt.reader) return stmt.all(params) as Array<Record<string, unknown>>;
      stmt.run(params);
      return [];
    },
    async transaction(fn) {
      // IMMEDIATE: take the write lock at BEGIN (waiting busy_timeout for it), never upgrade later.
      conn.exec('BEGIN IMMEDIATE');
      try {
        await fn(runner);
        conn.exec('COMMIT');
      } catch (err) {
        conn.exec('ROLLBACK');
        throw err;
      }
    },
  };
  return runner;
}

/** A runner on one node-postgres client (the worker's own). */
export function pgClientRunner(client: {
  query(q: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }>;
}): SqlRunner {
  const names = new Map<string, string>();
  const runner: SqlRunner = {
    dialect: 'postgres',
    async query(text, params) {
      // Inserts keep one text whatever the batch size: prepared once per connection.
      let name = names.get(text);
      if (name === undefined && (text.startsWith('insert') || text.startsWith('with'))) {
        name = `od_usage_${names.size + 1}`;
        names.set(text, name);
      }
      const res = await client.query({ text, values: [...params], ...(name ? { name } : {}) });
      return res.rows as Array<Record<string, unknown>>;
    },
    async transaction(fn) {
      await client.query({ text: 'BEGIN', values: [] });
      try {
        await fn(runner);
        await client.query({ text: 'COMMIT', values: [] });
      } catch (err) {
        await client.query({ text: 'ROLLBACK', values: [] }).catch(() => {});
        throw err;
      }
    },
  };
  return runner;
}
