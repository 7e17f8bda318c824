import type { Executor } from '../db/index.js';
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
 * Deletes everything the bank gave us for a connection — change log, transactions, identities,
 * accounts — plus the grant and the connect sessions that led to it. What is left is the row
 * GET /connections lists (id, bank, user_id, dates).
 */
export async function deleteBankData(
  trx: Executor,
  connectionId: string,
): Promise<{ accounts: number; transactions: number }> {
  const accountIds = trx.selectFrom('accounts').select('id').where('connection_id', '=', connectionId);
  await trx.deleteFrom('transaction_changes').where('account_id', 'in', accountIds).execute();
  const txns = await trx.deleteFrom('transactions').where('account_id', 'in', accountIds).executeTakeFirst();
  await trx.deleteFrom('identities').where('account_id', 'in', accountIds).execute();
  const accounts = await trx
    .deleteFrom('accounts')
    .where('connection_id', '=', connectionId)
    .executeTakeFirst();
  await trx.updateTable('connections').set({ grant_enc: null }).where('id', '=', connectionId).execute();
  await trx.deleteFrom('connect_sessions').where('connection_id', '=', connectionId).execute();
  return { accounts: Number(accounts.numDeletedRows), transactions: Number(txns.numDeletedRows) };
}
