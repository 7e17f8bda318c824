import type { Kysely } from 'kysely';

/**
 * Live banks (issue 10): the consent lifecycle on connections, and the connector's own state plus
 * the redirect `state` on connect sessions (GET /connect/callback finds its session by it).
 * Update mode reuses connect_sessions.connection_id, set from the start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const add = (table: string, column: string, type: 'text' | 'integer') =>
    db.schema.alterTable(table).addColumn(column, type).execute();
  await add('connections', 'consent_expires_at', 'text');
  await add('connections', 'last_refreshed_at', 'text');
  // When ITEM.PENDING_EXPIRATION was sent for the current consent (null: not yet).
  await add('connections', 'expiry_notified_at', 'text');
  // The last bank failure of a refresh (a ConnectorFailureKind), null after a good one.
  await add('connections', 'last_error', 'text');
  await add('connect_sessions', 'auth_state_hash', 'text');
  await add('connect_sessions', 'auth_context_enc', 'text');
  await add('connect_sessions', 'consent_expires_at', 'text');
  // Update mode: a link token made for one connection starts sessions that re-authorise it.
  await add('link_tokens', 'connection_id', 'text');
  await db.schema
    .createIndex('connect_sessions_auth_state')
    .ifNotExists()
    .on('connect_sessions')
    .column('auth_state_hash')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('connect_sessions_auth_state').ifExists().execute();
  await db.schema.alterTable('link_tokens').dropColumn('connection_id').execute();
  for (const c of ['consent_expires_at', 'auth_context_enc', 'auth_state_hash']) {
    await db.schema.alterTable('connect_sessions').dropColumn(c).execute();
  }
  for (const c of ['last_error', 'expiry_notified_at', 'last_refreshed_at', 'consent_expires_at']) {
    await db.schema.alterTable('connections').dropColumn(c).execute();
  }
}
