import type { Kysely } from 'kysely';

/**
 * The retention job deletes webhook events no delivery references any more. Without an index on
 * webhook_deliveries.event_id that "still referenced?" test — and PostgreSQL's own foreign-key
 * check on every deleted event — would scan all deliveries once per event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('webhook_deliveries_event')
    .ifNotExists()
    .on('webhook_deliveries')
    .column('event_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('webhook_deliveries_event').ifExists().execute();
}
