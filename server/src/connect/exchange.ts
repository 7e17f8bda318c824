import { findBank } from '../banks/catalogue.js';
import { dayOf } from '../clock.js';
import { createConnectionWithData } from '../connections/materialize.js';
import { connectorFor } from '../connectors/registry.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import { ApiError } from '../errors.js';
import type { AppDeps, KeyPrincipal } from '../http/principals.js';
import { sha256Hex } from '../ids.js';
import { enqueueWebhookEvent } from '../webhooks/outbox.js';
import { claimPublicToken, completeExchange, findSessionByPublicToken } from './store.js';

export interface Exchanged {
  connection_id: string;
  bank_id: string;
  status: 'active';
}

/**
 * POST /connect/exchange. One transaction: claim the token (the exactly-once step), pull the
 * profile from the bank, store connection + accounts + history, and enqueue
 * AUTH.AUTOMATICALLY_VERIFIED. Any failure rolls all of it back, leaving the token usable.
 */
export async function exchangePublicToken(
  deps: AppDeps,
  key: KeyPrincipal,
  publicToken: string,
): Promise<Exchanged> {
  const { db, clock, box } = deps;
  const tokenHash = sha256Hex(publicToken);
  const now = clock.now();
  const nowIso = now.toISOString();

  const result = await db.transaction().execute(async (trx) => {
    const claimed = await claimPublicToken(trx, tokenHash, key.apiKeyId, nowIso);
    if (!claimed) return undefined;
    const bank = findBank(claimed.bank_id);
    const choice = bank ? connectorFor(bank, claimed.environment) : undefined;
    if (!choice || !('connector' in choice)) throw new ApiError('BANK_NOT_AVAILABLE', choice?.unavailable);
    if (!claimed.grant_enc) throw new Error(`authorized session ${claimed.id} has no grant`);
    const profile = await choice.connector.fetchProfile(box.open(claimed.grant_enc), dayOf(now));
    const { connectionId } = await createConnectionWithData(
      trx,
      {
        apiKeyId: claimed.api_key_id,
        developerId: claimed.developer_id,
        environment: claimed.environment,
        bankId: claimed.bank_id,
        userId: claimed.user_id,
        connector: choice.connector.id,
        // The grant moves from the session to the connection, still sealed.
        grantEnc: claimed.grant_enc,
        categorize: categorizeTransaction,
      },
      profile,
      nowIso,
    );
    await completeExchange(trx, claimed.id, connectionId);
    await enqueueWebhookEvent(trx, clock, {
      developerId: claimed.developer_id,
      environment: claimed.environment,
      type: 'AUTH.AUTOMATICALLY_VERIFIED',
      fields: { connection_id: connectionId, bank_id: claimed.bank_id, user_id: claimed.user_id },
    });
    return { connection_id: connectionId, bank_id: claimed.bank_id, status: 'active' as const };
  });
  if (result) return result;

  // The claim matched nothing: say why, in the order a client can act on.
  const row = await findSessionByPublicToken(db, tokenHash, key.apiKeyId);
  if (!row) throw new ApiError('INVALID_PUBLIC_TOKEN');
  if (row.exchanged_at !== null) throw new ApiError('PUBLIC_TOKEN_ALREADY_USED');
  throw new ApiError('PUBLIC_TOKEN_EXPIRED');
}
