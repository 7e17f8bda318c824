import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../errors.js';
import { type AppDeps, connectorsOf, type KeyPrincipal } from '../http/principals.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { claimRevocation, findConnectionStatus, hideBankData } from './store.js';

/**
 * DELETE /connections/:id. One short transaction marks the connection revoked, makes its accounts
 * answer as deleted everywhere, deletes the identity and grant, and enqueues ITEM.CONNECTION_REVOKED;
 * the accounts, transactions and change log are then deleted in the background (purge.ts), so a
 * million-transaction account answers as fast as a small one. The bank is told afterwards (best
 * effort): our own deletion must not depend on the bank answering.
 */
export async function revokeConnection(
  deps: AppDeps,
  key: KeyPrincipal,
  connectionId: string,
  log: FastifyBaseLogger,
): Promise<{ connection_id: string; status: 'revoked' }> {
  const { db, clock, box } = deps;
  const nowIso = clock.now().toISOString();
  const revoked = await db.transaction().execute(async (trx) => {
    // First statement: takes the connection row (PostgreSQL) or the writer (SQLite), so a refresh
    // either committed before (its rows are deleted with the rest) or finds the connection revoked.
    const conn = await claimRevocation(trx, key.apiKeyId, connectionId, nowIso);
    if (!conn) return undefined;
    await hideBankData(trx, conn.id, nowIso);
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
