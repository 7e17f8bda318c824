import { type Kysely, sql } from 'kysely';

/**
 * Background revocation (connections/purge.ts). DELETE /connections/:id hides the connection's
 * accounts at once (`accounts.revoked_at`) and answers; a background job then deletes the accounts,
 * transactions and change log in short chunks. `connections.data_deleted_at` is set when nothing is
 * left (null on a revoked connection = deletion pending); `connections.purge_lease_until` is the
 * job's lease, so one process at a time works on a connection and a crashed process's work is
 * taken over once it lapses. Connections revoked before this migration had their data deleted in
 * the revocation itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('revoked_at', 'text').execute();
  await db.schema.alterTable('connections').addColumn('data_deleted_at', 'text').execute();
  await db.schema.alterTable('connections').addColumn('purge_lease_until', 'text').execute();
  await sql`UPDATE connections SET data_deleted_at = revoked_at WHERE status = 'revoked'`.execute(db);
  // The job's "what is left to delete?" reads only the pending rows.
  await sql`CREATE INDEX connections_purge_pending ON connections (revoked_at, id)
    WHERE status = 'revoked' AND data_deleted_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS connections_purge_pending`.execute(db);
  await db.schema.alterTable('connections').dropColumn('purge_lease_until').execute();
  await db.schema.alterTable('connections').dropColumn('data_deleted_at').execute();
  await db.schema.alterTable('accounts').dropColumn('revoked_at').execute();
}
