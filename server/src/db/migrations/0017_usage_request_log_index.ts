import type { Kysely } from 'kysely';

/**
 * The request log's two secondary indexes, (developer_id, at) and (developer_id, request_id), become
 * one: (developer_id, at, request_id). Request ids are random (UUIDs), so every row written went to a
 * random leaf of the second index — a batch of 500 rows dirtied hundreds of pages, which dominated the
 * usage writer's cost and grew with the table. The new index is append-like (time first), serves the
 * same time-range queries, and a request-id lookup becomes a scan of this index alone (no table
 * reads) over the developer's retained window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('request_log_developer_at_request')
    .on('request_log')
    .columns(['developer_id', 'at', 'request_id'])
    .execute();
  await db.schema.dropIndex('request_log_developer_request').execute();
  await db.schema.dropIndex('request_log_developer_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
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
  await db.schema.dropIndex('request_log_developer_at_request').execute();
}
