import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The request log was one row per request (13 columns, a primary key and a secondary index): ~5 µs
 * of SQLite per request plus its share of the commit, most of what usage recording still cost.
 * Now the usage writer stores a batch's requests of one developer as ONE row of request_log_chunks:
 * `entries` is a JSON array of [id, at, api_key_id, key_prefix, method, path, endpoint, status,
 * error_code, error_body, latency_ms, request_id] per request (ids as before: time-prefixed,
 * unique), with the chunk's first and last instants for the reads (usage/request-log-store.ts) and
 * retention. `request_log` becomes a read-only view with the old columns, one row per request.
 * Existing rows become chunks of one request each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('request_log_chunks')
    // The id of its first request.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('developer_id', 'text', (c) => c.notNull())
    .addColumn('min_at', 'text', (c) => c.notNull())
    .addColumn('max_at', 'text', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addColumn('entries', 'text', (c) => c.notNull())
    .execute();
  // Newest first per developer (the log's pages), and the retention's cutoff.
  await db.schema
    .createIndex('request_log_chunks_developer_max_at')
    .on('request_log_chunks')
    .columns(['developer_id', 'max_at'])
    .execute();
  const entry = pg
    ? sql`json_build_array(json_build_array(id, at, api_key_id, key_prefix, method, path, endpoint, status, error_code, error_body, latency_ms, request_id))::text`
    : sql`json_array(json_array(id, at, api_key_id, key_prefix, method, path, endpoint, status, error_code, error_body, latency_ms, request_id))`;
  await sql`insert into request_log_chunks (id, developer_id, min_at, max_at, requests, entries)
    select id, developer_id, at, at, 1, ${entry} from request_log`.execute(db);
  await db.schema.dropTable('request_log').execute();
  await sql.raw(pg ? PG_VIEW : SQLITE_VIEW).execute(db);
}

const SQLITE_VIEW = `create view request_log as select
  json_extract(e.value, '$[0]') as id, c.developer_id as developer_id,
  json_extract(e.value, '$[2]') as api_key_id, json_extract(e.value, '$[3]') as key_prefix,
  json_extract(e.value, '$[4]') as method, json_extract(e.value, '$[5]') as path,
  json_extract(e.value, '$[6]') as endpoint, json_extract(e.value, '$[7]') as status,
  json_extract(e.value, '$[8]') as error_code, json_extract(e.value, '$[9]') as error_body,
  json_extract(e.value, '$[10]') as latency_ms, json_extract(e.value, '$[11]') as request_id,
  json_extract(e.value, '$[1]') as at
from request_log_chunks c, json_each(c.entries) e`;

const PG_VIEW = `create view request_log as select
  e.v->>0 as id, c.developer_id as developer_id, e.v->>2 as api_key_id, e.v->>3 as key_prefix,
  e.v->>4 as method, e.v->>5 as path, e.v->>6 as endpoint, (e.v->>7)::integer as status,
  e.v->>8 as error_code, e.v->>9 as error_body, (e.v->>10)::real as latency_ms,
  e.v->>11 as request_id, e.v->>1 as at
from request_log_chunks c cross join lateral json_array_elements(c.entries::json) as e(v)`;

// Back to one row per request, every logged request kept: the rows are copied out of the view
// into the old table (built under another name while the view still holds `request_log`).
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_log_rows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('developer_id', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('key_prefix', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_body', 'text')
    .addColumn('latency_ms', 'real', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into request_log_rows (id, developer_id, api_key_id, key_prefix, method, path,
    endpoint, status, error_code, error_body, latency_ms, request_id, at)
    select id, developer_id, api_key_id, key_prefix, method, path, endpoint, status, error_code,
      error_body, latency_ms, request_id, at from request_log`.execute(db);
  await sql`drop view request_log`.execute(db);
  await db.schema.alterTable('request_log_rows').renameTo('request_log').execute();
  await db.schema
    .createIndex('request_log_developer_at_request')
    .on('request_log')
    .columns(['developer_id', 'at', 'request_id'])
    .execute();
  await db.schema.dropTable('request_log_chunks').execute();
}
