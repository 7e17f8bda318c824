import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../errors.js';
import { type AppDeps, connectorsOf, type KeyPrincipal } from '../http/principals.js';
import { deleteTransactionsInChunks } from '../transactions/store.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { claimRevocation, deleteBankData, findConnectionStatus } from './store.js';

/**
 * DELETE /connections/:id. One transaction marks the connection revoked, deletes the bank data
 * held for it and enqueues ITEM.CONNECTION_REVOKED. The bank is told afterwards (best effort):
 * our own deletion must not depend on the bank answering.
 */
export async function revokeConnection(
  deps: AppDeps,
  key: KeyPrincipal,
  connectionId: string,
  log: FastifyBaseLogger,
): Promise<{ connection_id: string; status: 'revoked' }> {
  const { db, clock, box } = deps;
  const nowIso = clock.now().toISOString();
  // A big account's transactions go first, in short chunks, so other requests keep running
  // (transactions/store.ts); the transaction below deletes the rest atomically with the accounts.
  const accountIds = await db
    .selectFrom('accounts')
    .innerJoin('connections', 'connections.id', 'accounts.connection_id')
    .select('accounts.id')
    .where('connections.id', '=', connectionId)
    .where('connections.api_key_id', '=', key.apiKeyId)
    .where('connections.status', 'in', ['active', 'reauth_required'])
    .execute();
  await deleteTransactionsInChunks(
    db,
    accountIds.map((a) => a.id),
  );
  const revoked = await db.transaction().execute(async (trx) => {
    const conn = await claimRevocation(trx, key.apiKeyId, connectionId, nowIso);
    if (!conn) return undefined;
    await deleteBankData(trx, conn.id);
    await enqueueWebhookEvent(trx, clock, {
      developerId: conn.developer_id,
      environment: conn.environment,
      type: 'ITEM.CONNECTION_REVOKED',
      fields: { connection_id: conn.id, bank_id: conn.bank_id, user_id: conn.user_id },
    });
    return conn;
  });
  if (!revoked) {
    const existing = await findConnectionStatus(db, key.apiKeyId, connectionId);
    throw new ApiError(existing ? 'CONNECTION_ALREADY_REVOKED' : 'CONNECTION_NOT_FOUND');
  }

  const connector = connectorsOf(deps).byId(revoked.connector);
  if (connector && revoked.grant_enc) {
    try {
      await connector.revoke(box.open(revoked.grant_enc));
    } catch (err) {
      log.warn(
        { err, connection_id: revoked.id },
        'bank did not confirm the revocation; our copy is deleted',
      );
    }
  }
  return { connection_id: revoked.id, status: 'revoked' };
}
