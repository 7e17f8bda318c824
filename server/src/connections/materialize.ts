import type { ConnectorProfile } from '../connectors/types.js';
import type { Executor } from '../db/index.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import type { Environment } from '../http/principals.js';
import { newId } from '../ids.js';
import { insertTransactions } from '../transactions/store.js';

export interface NewConnection {
  connectionId?: string;
  apiKeyId: string;
  developerId: string;
  environment: Environment;
  bankId: string;
  userId: string;
  connector: string;
  grantEnc: string | null;
  /** Fixed account ids (the documented sandbox seed); otherwise generated. */
  accountIds?: string[];
  /** Assigns a category to transactions that arrive without one; the categoriser by default. */
  categorize?: (t: { description: string; amount: number }) => string;
}

/**
 * Stores a new connection with everything its connector returned — accounts, identity, history
 * (each transaction also entered in the change log) — using the caller's transaction.
 */
export async function createConnectionWithData(
  trx: Executor,
  input: NewConnection,
  profile: ConnectorProfile,
  nowIso: string,
): Promise<{ connectionId: string; accounts: Array<{ id: string; name: string }> }> {
  const connectionId = input.connectionId ?? newId('conn');
  const categorize = input.categorize ?? categorizeTransaction;
  await trx
    .insertInto('connections')
    .values({
      id: connectionId,
      api_key_id: input.apiKeyId,
      developer_id: input.developerId,
      environment: input.environment,
      bank_id: input.bankId,
      user_id: input.userId,
      connector: input.connector,
      grant_enc: input.grantEnc,
      status: 'active',
      created_at: nowIso,
      revoked_at: null,
      last_synced_at: nowIso,
      refresh_count: 0,
      sync_locked_until: null,
    })
    .execute();
  const created: Array<{ id: string; name: string }> = [];
  for (const [i, acc] of profile.accounts.entries()) {
    const id = input.accountIds?.[i] ?? newId('acc');
    await trx
      .insertInto('accounts')
      .values({
        id,
        connection_id: connectionId,
        api_key_id: input.apiKeyId,
        bank_id: input.bankId,
        ref: acc.ref,
        name: acc.name,
        type: acc.type,
        currency: acc.currency,
        account_number: acc.accountNumber,
        opening_balance: acc.openingBalance,
        available_delta: acc.availableDelta,
        change_seq: 0,
        created_at: nowIso,
      })
      .execute();
    if (profile.identity) {
      await trx
        .insertInto('identities')
        .values({ account_id: id, document: JSON.stringify(profile.identity) })
        .execute();
    }
    await insertTransactions(
      trx,
      { id, currency: acc.currency },
      acc.transactions.map((t) => ({ ...t, category: t.category ?? categorize(t) })),
      nowIso,
    );
    created.push({ id, name: acc.name });
  }
  return { connectionId, accounts: created };
}
