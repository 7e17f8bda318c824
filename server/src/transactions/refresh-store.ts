import type { Executor } from '../db/index.js';
import type { AccountsTable, ConnectionsTable } from '../db/schema.js';

/** What a refresh needs to know about the connection it holds the lease on. */
export type LeasedConnection = Pick<
  ConnectionsTable,
  | 'id'
  | 'developer_id'
  | 'environment'
  | 'bank_id'
  | 'connector'
  | 'grant_enc'
  | 'refresh_count'
  | 'last_synced_at'
  | 'created_at'
>;

/**
 * Claims the connection's refresh lease with one conditional UPDATE, so two processes (or two
 * requests) never pull the same connection at once. `staleBefore` (scheduled refreshes) also skips
 * connections refreshed recently, so several schedulers over one database do not repeat each other.
 */
export async function claimRefreshLease(
  db: Executor,
  connectionId: string,
  lease: { nowIso: string; untilIso: string; staleBefore?: string },
): Promise<LeasedConnection | undefined> {
  let q = db
    .updateTable('connections')
    .set({ sync_locked_until: lease.untilIso })
    .where('id', '=', connectionId)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('sync_locked_until', 'is', null), eb('sync_locked_until', '<=', lease.nowIso)]));
  if (lease.staleBefore !== undefined) {
    const stale = lease.staleBefore;
    q = q.where((eb) => eb.or([eb('last_synced_at', 'is', null), eb('last_synced_at', '<=', stale)]));
  }
  return q
    .returning([
      'id',
      'developer_id',
      'environment',
      'bank_id',
      'connector',
      'grant_enc',
      'refresh_count',
      'last_synced_at',
      'created_at',
    ])
    .executeTakeFirst();
}

/**
 * Records a finished refresh and frees the lease, inside the refresh's write transaction. False
 * when the lease is no longer ours (it expired and was taken, or the connection was revoked): the
 * caller then rolls everything back. On PostgreSQL this also locks the connection row against a
 * concurrent revocation until commit.
 */
export async function completeRefresh(
  trx: Executor,
  connectionId: string,
  untilIso: string,
  nowIso: string,
): Promise<boolean> {
  const done = await trx
    .updateTable('connections')
    .set((eb) => ({
      refresh_count: eb('refresh_count', '+', 1),
      last_synced_at: nowIso,
      last_refreshed_at: nowIso,
      last_error: null,
      sync_locked_until: null,
    }))
    .where('id', '=', connectionId)
    .where('status', '=', 'active')
    .where('sync_locked_until', '=', untilIso)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) === 1;
}

/**
 * Notes a failed refresh and frees the lease (only if it is still ours); with `reauth`, the
 * connection also moves active → reauth_required. True when this call made that move.
 */
export async function markRefreshFailed(
  trx: Executor,
  connectionId: string,
  untilIso: string,
  kind: string,
  reauth: boolean,
): Promise<boolean> {
  const done = await trx
    .updateTable('connections')
    .set({ sync_locked_until: null, last_error: kind, ...(reauth && { status: 'reauth_required' as const }) })
    .where('id', '=', connectionId)
    .where('status', '=', 'active')
    .where('sync_locked_until', '=', untilIso)
    .executeTakeFirst();
  return reauth && Number(done.numUpdatedRows) === 1;
}

/** Frees the lease after a failed refresh (only if it is still ours). */
export async function releaseRefreshLease(
  db: Executor,
  connectionId: string,
  untilIso: string,
): Promise<void> {
  await db
    .updateTable('connections')
    .set({ sync_locked_until: null })
    .where('id', '=', connectionId)
    .where('sync_locked_until', '=', untilIso)
    .execute();
}

export async function connectionStatus(
  db: Executor,
  connectionId: string,
): Promise<ConnectionsTable['status'] | undefined> {
  const row = await db
    .selectFrom('connections')
    .select('status')
    .where('id', '=', connectionId)
    .executeTakeFirst();
  return row?.status;
}

export async function accountsOfConnection(
  db: Executor,
  connectionId: string,
): Promise<Array<Pick<AccountsTable, 'id' | 'ref' | 'currency' | 'bank_id'>>> {
  return db
    .selectFrom('accounts')
    .select(['id', 'ref', 'currency', 'bank_id'])
    .where('connection_id', '=', connectionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Active connections backed by a bank connector (custom sandbox data has nothing to pull). */
export async function listRefreshableConnections(
  db: Executor,
): Promise<Array<{ id: string; connector: string }>> {
  return db
    .selectFrom('connections')
    .select(['id', 'connector'])
    .where('status', '=', 'active')
    .where('connector', '!=', 'custom')
    .orderBy('id')
    .execute();
}
