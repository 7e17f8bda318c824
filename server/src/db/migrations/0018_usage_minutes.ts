import { type Kysely, sql } from 'kysely';

/**
 * GET /developers/usage read every usage row of the developer's range four times (totals, per
 * endpoint, recent errors, time series) — under load a range that grows by hundreds of rows a
 * second, on the request path. Now:
 * - usage_minutes: requests per (developer, key, environment, endpoint, status, UTC minute), kept
 *   in the same transaction as the usage rows (usage/writer.ts), so counts over whole minutes are
 *   read from it, and only the partial minutes at a range's edges from usage_events (usage/store.ts)
 *   — every figure stays exact;
 * - usage_events_errors: the failed requests only, newest first per developer (recent_errors).
 * Existing usage rows are rolled up here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usage_minutes')
    .addColumn('developer_id', 'text', (c) => c.notNull())
    // 'YYYY-MM-DDTHH:MM' (UTC): a prefix of the usage row's `at`.
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('api_key_id', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('usage_minutes_pk', [
      'developer_id',
      'minute',
      'api_key_id',
      'environment',
      'endpoint',
      'status',
    ])
    .execute();
  await sql`insert into usage_minutes (developer_id, minute, api_key_id, environment, endpoint, status, requests)
    select developer_id, substr(at, 1, 16), api_key_id, environment, endpoint, status, count(*)
    from usage_events group by developer_id, substr(at, 1, 16), api_key_id, environment, endpoint, status`.execute(
    db,
  );
  await sql`create index usage_events_errors on usage_events (developer_id, at, id) where status >= 400`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('usage_events_errors').execute();
  await db.schema.dropTable('usage_minutes').execute();
}
