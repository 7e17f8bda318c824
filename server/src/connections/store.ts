import type { Dialect, Executor } from '../db/index.js';
import type { ConnectionsTable } from '../db/schema.js';

export type ConnectionListRow = Pick<
  ConnectionsTable,
  | 'id'
  | 'bank_id'
  | 'user_id'
  | 'status'
  | 'created_at'
  | 'revoked_at'
  | 'consent_expires_at'
  | 'last_refreshed_at'
>;

/** This key's connections, newest first (revoked ones included: they stay listed as revoked). */
export async function listConnectionsForKey(db: Executor, apiKeyId: string): Promise<ConnectionListRow[]> {
  return db
    .selectFrom('connections')
    .select([
      'id',
      'bank_id',
      'user_id',
      'status',
      'created_at',
      'revoked_at',
      'consent_expires_at',
      'last_refreshed_at',
    ])
    .where('api_key_id', '=', apiKeyId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export type RevokedConnection = Pick<
  ConnectionsTable,
  'id' | 'developer_id' | 'environment' | 'bank_id' | 'user_id' | 'connector' | 'grant_enc'
>;

/**
 * active → revoked in one conditional UPDATE (the first statement of the transaction, so SQLite
 * takes the write lock at once and two revokes can never both win). RETURNING gives the grant
 * while it is still there; dropGrant removes it afterwards.
 */
export async function claimRevocation(
  trx: Executor,
  apiKeyId: string,
  connectionId: string,
  nowIso: string,
): Promise<RevokedConnection | undefined> {
  return trx
    .updateTable('connections')
    .set({ status: 'revoked', revoked_at: nowIso, sync_locked_until: null })
    .where('id', '=', connectionId)
    .where('api_key_id', '=', apiKeyId)
    .where('status', 'in', ['active', 'reauth_required'])
    .returning(['id', 'developer_id', 'environment', 'bank_id', 'user_id', 'connector', 'grant_enc'])
    .executeTakeFirst();
}

export async function findConnectionStatus(
  db: Executor,
  apiKeyId: string,
  connectionId: string,
): Promise<Pick<ConnectionsTable, 'status'> | undefined> {
  return db
    .selectFrom('connections')
    .select('status')
    .where('id', '=', connectionId)
    .where('api_key_id', '=', apiKeyId)
    .executeTakeFirst();
}

/**
 * The part of a revocation that happens in its own transaction: the connection's accounts answer
 * as deleted from now on (every account query skips a set `revoked_at`), and the small bank data —
 * identities, the grant, the connect sessions that led to the connection — is deleted at once.
 * The accounts, their transactions and change log are left to the background job (purge.ts).
 */
export async function hideBankData(trx: Executor, connectionId: string, nowIso: string): Promise<void> {
  await trx
    .updateTable('accounts')
    .set({ revoked_at: nowIso })
    .where('connection_id', '=', connectionId)
    .execute();
  const accountIds = trx.selectFrom('accounts').select('id').where('connection_id', '=', connectionId);
  await trx.deleteFrom('identities').where('account_id', 'in', accountIds).execute();
  await trx.updateTable('connections').set({ grant_enc: null }).where('id', '=', connectionId).execute();
  await trx.deleteFrom('connect_sessions').where('connection_id', '=', connectionId).execute();
}

/**
 * Takes the deletion lease of one revoked connection whose data is not deleted yet (the oldest
 * revocation first) and nobody holds, or whose holder's lease lapsed (a crashed process). On
 * PostgreSQL, SKIP LOCKED lets several processes claim different connections at once.
 */
export async function claimPurge(
  db: Executor,
  dialect: Dialect,
  lease: { nowIso: string; untilIso: string },
): Promise<{ id: string } | undefined> {
  const { nowIso, untilIso } = lease;
  let next = db
    .selectFrom('connections')
    .select('id')
    .where('status', '=', 'revoked')
    .where('data_deleted_at', 'is', null)
    .where((eb) => eb.or([eb('purge_lease_until', 'is', null), eb('purge_lease_until', '<=', nowIso)]))
    .orderBy('revoked_at')
    .orderBy('id')
    .limit(1);
  if (dialect === 'postgres') next = next.forUpdate().skipLocked();
  // The conditions again on the row itself: a concurrent claim may have taken it meanwhile.
  return db
    .updateTable('connections')
    .set({ purge_lease_until: untilIso })
    .where('id', '=', next)
    .where('status', '=', 'revoked')
    .where('data_deleted_at', 'is', null)
    .where((eb) => eb.or([eb('purge_lease_until', 'is', null), eb('purge_lease_until', '<=', nowIso)]))
    .returning('id')
    .executeTakeFirst();
}

/**
 * Extends the deletion lease, if it is still ours: the first statement of every chunk's
 * transaction. On PostgreSQL it also locks the connection row until commit — a refresh takes the
 * same row first (transactions/refresh-store.ts completeRefresh), so the two never lock
 * transactions or day counts in opposite orders (and a refresh of a revoked connection writes
 * nothing anyway).
 */
export async function renewPurgeLease(
  trx: Executor,
  connectionId: string,
  ours: string,
  untilIso: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('connections')
    .set({ purge_lease_until: untilIso })
    .where('id', '=', connectionId)
    .where('purge_lease_until', '=', ours)
    .where('data_deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Gives the lease back (a stopping process), so another process continues without waiting for it to lapse. */
export async function releasePurgeLease(db: Executor, connectionId: string, ours: string): Promise<void> {
  await db
    .updateTable('connections')
    .set({ purge_lease_until: null })
    .where('id', '=', connectionId)
    .where('purge_lease_until', '=', ours)
    .execute();
}

/** One account of the connection still to delete, if any. */
export async function accountLeftToPurge(trx: Executor, connectionId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('accounts')
    .select('id')
    .where('connection_id', '=', connectionId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Deletes an account row whose transactions, change log and counts are gone already (its identity,
 * if any is left, goes by the foreign key's cascade: one round trip).
 */
export async function deleteEmptyAccount(trx: Executor, accountId: string): Promise<void> {
  await trx.deleteFrom('accounts').where('id', '=', accountId).execute();
}

/** Everything of the connection is deleted: what is left is the row GET /connections lists. */
export async function markDataDeleted(trx: Executor, connectionId: string, nowIso: string): Promise<void> {
  await trx
    .updateTable('connections')
    .set({ data_deleted_at: nowIso, purge_lease_until: null })
    .where('id', '=', connectionId)
    .execute();
}
