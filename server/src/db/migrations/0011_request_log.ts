import type { Kysely } from 'kysely';

/**
 * The request log (the dashboard's "Logs"): one row per API request of an app, written in the
 * usage recorder's batches. Kept for a few days (OPENDINAR_REQUEST_LOG_DAYS). No response body is
 * stored except the error body of a failed request, which never holds bank data.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_log')
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
  await db.schema
    .createIndex('request_log_developer_at')
    .on('request_log')
    .columns(['developer_id', 'at'])
    .execute();
  await db.schema
    .createIndex('request_log_developer_request')
    .on('request_log')
    .columns(['developer_id', 'request_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('request_log').execute();
}
