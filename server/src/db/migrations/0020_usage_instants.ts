import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Usage recording wrote two rows per request (usage_events and request_log), each with its indexes.
 * Now a request is one request-log row; usage keeps a row in usage_events only for a failed request
 * (recent_errors), and its per-minute counts (usage_minutes) beside:
 * - usage_instants: for each batch and (developer, key, environment, endpoint, status, UTC minute),
 *   the millisecond offsets within the minute of its requests, five digits each ('03250' is
 *   :03.250), written in the batch's transaction. GET /developers/usage counts a range's partial
 *   edge minutes from these, whole minutes from usage_minutes, so a range cut at any millisecond
 *   stays exact, for as long as usage is kept (the request log is kept for days only).
 * Existing usage rows are rolled up here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_instants')
    .addColumn('developer_id', 'text', (c) => c.notNull())
    // 'YYYY-MM-DDTHH:MM' (UTC), as in usage_minutes.
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('offsets', 'text', (c) => c.notNull())
    .execute();
  // Minute first: an edge reads one or two minutes (then one developer's rows in them), and
  // retention deletes whole minutes before a cutoff.
  await db.schema
    .createIndex('usage_instants_minute')
    .on('usage_instants')
    .columns(['minute', 'developer_id'])
    .execute();
  await instantsOfUsageRows(db);
}

/** The instants of every usage row recorded before this migration (exported for its test). */
export async function instantsOfUsageRows(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const offset = sql`(cast(substr(at, 18, 2) as integer) * 1000 + cast(substr(at, 21, 3) as integer))`;
  const offsets = pg
    ? sql`string_agg(lpad(${offset}::text, 5, '0'), '')`
    : sql`group_concat(printf('%05d', ${offset}), '')`;
  await sql`insert into usage_instants (developer_id, minute, api_key_id, environment, endpoint, status, offsets)
    select developer_id, substr(at, 1, 16), api_key_id, environment, endpoint, status, ${offsets}
    from usage_events group by developer_id, substr(at, 1, 16), api_key_id, environment, endpoint, status`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('usage_instants').execute();
}
