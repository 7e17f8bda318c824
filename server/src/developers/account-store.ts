import type { Clock } from '../clock.js';
import type { Executor } from '../db/index.js';
import { newToken, sha256Hex } from '../ids.js';

/** A password-reset link lives this long. */
export const RESET_TTL_MS = 60 * 60_000;

export async function setPassword(db: Executor, developerId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('developers')
    .set({ password_hash: passwordHash })
    .where('id', '=', developerId)
    .execute();
}

/** Ends every session of the developer except `keep` (if given); returns how many ended. */
export async function revokeSessions(
  db: Executor,
  clock: Clock,
  developerId: string,
  keep?: string,
): Promise<number> {
  let q = db
    .updateTable('dev_sessions')
    .set({ revoked_at: clock.now().toISOString() })
    .where('developer_id', '=', developerId)
    .where('revoked_at', 'is', null);
  if (keep !== undefined) q = q.where('id', '!=', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function createResetToken(db: Executor, clock: Clock, developerId: string): Promise<string> {
  const token = newToken('pwreset');
  const now = clock.now();
  await db
    .insertInto('password_resets')
    .values({
      token_hash: sha256Hex(token),
      developer_id: developerId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** Uses a reset token once (atomically, on every process); the developer's id, or undefined. */
export async function consumeResetToken(
  db: Executor,
  clock: Clock,
  token: string,
): Promise<string | undefined> {
  const now = clock.now().toISOString();
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', sha256Hex(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('developer_id')
    .executeTakeFirst();
  return row?.developer_id;
}

/**
 * Deletes a developer and everything of theirs: webhooks and their events, deliveries and attempts;
 * every app's connections, accounts, transactions, sessions and tokens; usage and the request log;
 * keys and sessions. Call inside a transaction.
 */
export async function deleteDeveloperData(trx: Executor, developerId: string): Promise<void> {
  const keyIds = trx.selectFrom('api_keys').select('id').where('developer_id', '=', developerId);
  const deliveries = trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('developer_id', '=', developerId);
  const accounts = trx.selectFrom('accounts').select('id').where('api_key_id', 'in', keyIds);
  await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
  await trx.deleteFrom('webhook_deliveries').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('webhook_events').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('webhooks').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('transaction_changes').where('account_id', 'in', accounts).execute();
  await trx.deleteFrom('transactions').where('account_id', 'in', accounts).execute();
  // A revoked account's counts are not kept by the triggers (migration 0023).
  await trx.deleteFrom('transaction_day_counts').where('account_id', 'in', accounts).execute();
  await trx.deleteFrom('transaction_month_counts').where('account_id', 'in', accounts).execute();
  await trx.deleteFrom('identities').where('account_id', 'in', accounts).execute();
  await trx.deleteFrom('accounts').where('api_key_id', 'in', keyIds).execute();
  await trx.deleteFrom('connect_sessions').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('connections').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('link_tokens').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('usage_events').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('usage_minutes').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('usage_instants').where('developer_id', '=', developerId).execute();
  await trx.deleteFrom('request_log_chunks').where('developer_id', '=', developerId).execute();
  // api_keys (and their rolled secrets), dev_sessions and password_resets cascade.
  await trx.deleteFrom('developers').where('id', '=', developerId).execute();
}
